import { DateTime } from 'luxon';
import { z } from 'zod';
import type { AlertBatch } from '../../domain/alerts/alert.js';
import { httpUrl } from '../../domain/links.js';

/**
 * The generic webhook's body (README, "Alerts in"): one alert from any system that can POST JSON.
 * `dedupe_key` groups notifications: the same key while an incident is open attaches to it.
 */
export const incidentWebhookSchema = z.strictObject({
  title: z.string().trim().min(1, 'title is required').max(150),
  severity: z.enum(['critical', 'major', 'error', 'warning', 'info']).default('critical'),
  source: z.string().trim().min(1).max(60).default('webhook'),
  dedupe_key: z.string().trim().min(1, 'dedupe_key is required').max(500),
  status: z.enum(['firing', 'resolved']).default('firing'),
  started_at: z.iso.datetime({ offset: true, error: 'started_at must be an ISO 8601 time with a zone, such as 2024-11-22T05:23:00Z' }).optional(),
  details_url: z.url({ protocol: /^https?$/, error: 'details_url must be an http(s) URL' }).max(2000).optional(),
  runbook_url: z.url({ protocol: /^https?$/, error: 'runbook_url must be an http(s) URL' }).max(2000).optional(),
  labels: z.record(z.string(), z.string()).default({}),
});

export type IncidentWebhookPayload = z.infer<typeof incidentWebhookSchema>;

/** `receivedAt` stands in for a missing start. */
export function webhookBatch(payload: IncidentWebhookPayload, receivedAt: DateTime): AlertBatch {
  const labels = { ...payload.labels, severity: payload.severity, source: payload.source };
  const startsAt = payload.started_at ? DateTime.fromISO(payload.started_at, { zone: 'utc' }) : receivedAt;
  return {
    source: 'webhook',
    sourceName: payload.source,
    groupKey: payload.dedupe_key,
    commonLabels: labels,
    alerts: [{
      fingerprint: payload.dedupe_key,
      status: payload.status,
      title: payload.title,
      labels,
      startsAt,
      endsAt: payload.status === 'resolved' ? receivedAt : null,
      detailsUrl: payload.details_url ?? null,
      runbookUrl: httpUrl(payload.runbook_url),
    }],
  };
}
