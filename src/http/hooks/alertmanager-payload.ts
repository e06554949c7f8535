import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Alert, AlertBatch } from '../../domain/alerts/alert.js';
import { httpUrl } from '../../domain/links.js';

const labels = z.record(z.string(), z.string());
const instant = z.iso.datetime({ offset: true, local: false });

/** Alertmanager's webhook body, version 4 (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config). */
export const alertmanagerPayloadSchema = z.object({
  version: z.literal('4', { error: 'version must be "4" (Alertmanager webhook format)' }),
  groupKey: z.string().min(1).max(2000),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string().max(200).default(''),
  groupLabels: labels.default({}),
  commonLabels: labels.default({}),
  commonAnnotations: labels.default({}),
  externalURL: z.string().max(2000).default(''),
  truncatedAlerts: z.number().int().min(0).default(0),
  alerts: z
    .array(
      z.object({
        status: z.enum(['firing', 'resolved']),
        labels,
        annotations: labels.default({}),
        startsAt: instant,
        endsAt: z.string().default(''),
        generatorURL: z.string().max(2000).default(''),
        fingerprint: z.string().min(1).max(200),
      }),
    )
    .min(1, 'alerts must not be empty')
    .max(1000),
});

type AlertmanagerPayload = z.infer<typeof alertmanagerPayloadSchema>;

export function alertmanagerBatch(payload: AlertmanagerPayload): AlertBatch {
  return {
    source: 'alertmanager',
    sourceName: 'Alertmanager',
    groupKey: payload.groupKey,
    commonLabels: payload.commonLabels,
    alerts: payload.alerts.map((a): Alert => ({
      fingerprint: a.fingerprint,
      status: a.status,
      title: alertTitle(a.labels, a.annotations),
      labels: a.labels,
      startsAt: DateTime.fromISO(a.startsAt, { zone: 'utc' }),
      endsAt: a.status === 'resolved' ? validInstant(a.endsAt) : null,
      detailsUrl: a.generatorURL || null,
      // Prometheus rules' convention; anything but an http(s) URL is left out, not refused.
      runbookUrl: httpUrl(a.annotations.runbook_url),
    })),
  };
}

/** The summary annotation when there is one (the convention in Prometheus rules), else the alert's name. */
function alertTitle(labels: Record<string, string>, annotations: Record<string, string>): string {
  const text = annotations.summary ?? annotations.title ?? labels.alertname ?? 'Alert';
  return text.slice(0, 150);
}

/** Alertmanager sends `0001-01-01T00:00:00Z` for "not ended". */
function validInstant(text: string): DateTime | null {
  const at = DateTime.fromISO(text, { zone: 'utc' });
  return at.isValid && at.year > 1 ? at : null;
}
