import type { DateTime } from 'luxon';

export const ALERT_STATUSES = ['firing', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** Where alerts come from: Alertmanager's webhook, or the generic incident webhook. */
export const ALERT_SOURCES = ['alertmanager', 'webhook'] as const;
export type AlertSource = (typeof ALERT_SOURCES)[number];

export type Labels = Readonly<Record<string, string>>;

/** One alert as a monitoring system reports it, whatever the wire format. */
export interface Alert {
  /** Stable per alert (its label set): a re-notification carries the same one. */
  fingerprint: string;
  status: AlertStatus;
  title: string;
  labels: Labels;
  startsAt: DateTime;
  /** When a resolved alert stopped firing. */
  endsAt: DateTime | null;
  detailsUrl: string | null;
  /** The alert's own runbook (Alertmanager's `runbook_url` annotation): an http(s) URL or null. */
  runbookUrl: string | null;
}

/** One alert state as recorded: which group it came in, and the incident it belongs to, if any. */
export interface RecordedAlert extends Alert {
  id: number;
  source: AlertSource;
  sourceName: string;
  groupKey: string;
  incidentId: number | null;
}

/** One notification: the alerts of one group (Alertmanager's group key, the webhook's dedupe key). */
export interface AlertBatch {
  source: AlertSource;
  /** Who sent it, for people: `alertmanager`, `grafana`, `datadog`… */
  sourceName: string;
  groupKey: string;
  /** Labels every alert of the group shares; rules match on them. */
  commonLabels: Labels;
  alerts: Alert[];
}

export function batchTitle(batch: AlertBatch): string {
  const firing = batch.alerts.filter((a) => a.status === 'firing');
  const first = firing[0] ?? batch.alerts[0];
  if (!first) return batch.groupKey;
  return firing.length > 1 ? `${first.title} (+${firing.length - 1} more)` : first.title;
}

/** The earliest start among the batch's firing alerts: when the monitoring saw the problem. */
export function firstFiringAt(alerts: readonly Alert[]): DateTime | undefined {
  return alerts
    .filter((a) => a.status === 'firing')
    .map((a) => a.startsAt)
    .reduce<DateTime | undefined>((earliest, at) => (!earliest || at < earliest ? at : earliest), undefined);
}
