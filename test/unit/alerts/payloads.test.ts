import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { alertmanagerBatch, alertmanagerPayloadSchema } from '../../../src/http/hooks/alertmanager-payload.js';
import { incidentWebhookSchema, webhookBatch } from '../../../src/http/hooks/incident-webhook-payload.js';

/** As Alertmanager 0.25 sends it (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config). */
const alertmanagerBody = {
  receiver: 'incident-bot',
  status: 'resolved',
  alerts: [
    {
      status: 'resolved',
      labels: { alertname: 'OrderDbPoolExhausted', severity: 'critical', service: 'order' },
      annotations: { summary: 'order-service database connection pool exhaustion', runbook_url: 'https://runbooks.example.com/order-db?tab=pool&x=1' },
      startsAt: '2024-11-22T05:23:00Z',
      endsAt: '2024-11-22T06:40:00Z',
      generatorURL: 'http://prometheus:9090/graph?g0.expr=x',
      fingerprint: 'a1b2c3',
    },
    {
      status: 'firing',
      labels: { alertname: 'OrderDbPoolExhausted', severity: 'critical', service: 'order-2' },
      annotations: {},
      startsAt: '2024-11-22T05:24:00.123456789Z',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: '',
      fingerprint: 'd4e5f6',
    },
  ],
  groupLabels: { alertname: 'OrderDbPoolExhausted' },
  commonLabels: { alertname: 'OrderDbPoolExhausted', severity: 'critical' },
  commonAnnotations: {},
  externalURL: 'http://alertmanager:9093',
  version: '4',
  groupKey: '{}:{alertname="OrderDbPoolExhausted"}',
  truncatedAlerts: 0,
};

describe("Alertmanager's webhook, version 4", () => {
  it('becomes one batch: the summary as title, nanosecond starts read, the zero end as none', () => {
    const batch = alertmanagerBatch(alertmanagerPayloadSchema.parse(alertmanagerBody));
    expect(batch.groupKey).toBe('{}:{alertname="OrderDbPoolExhausted"}');
    expect(batch.alerts.map((a) => [a.fingerprint, a.status, a.title])).toEqual([
      ['a1b2c3', 'resolved', 'order-service database connection pool exhaustion'],
      ['d4e5f6', 'firing', 'OrderDbPoolExhausted'],
    ]);
    expect(batch.alerts[0]!.endsAt?.toISO()).toBe('2024-11-22T06:40:00.000Z');
    expect(batch.alerts[1]!.startsAt.toISO()).toBe('2024-11-22T05:24:00.123Z');
    expect(batch.alerts[1]!.endsAt).toBeNull();
    expect(batch.alerts[1]!.detailsUrl).toBeNull();
    expect(batch.alerts.map((a) => a.runbookUrl)).toEqual(['https://runbooks.example.com/order-db?tab=pool&x=1', null]);
  });

  it('keeps an http(s) runbook_url annotation, and leaves any other out without refusing the alert', () => {
    const withRunbook = (runbook_url: string) => alertmanagerBatch(alertmanagerPayloadSchema.parse({
      ...alertmanagerBody,
      alerts: [{ ...alertmanagerBody.alerts[1]!, annotations: { runbook_url } }],
    })).alerts[0]!.runbookUrl;
    expect(withRunbook('  http://wiki.internal/runbooks/db  ')).toBe('http://wiki.internal/runbooks/db');
    expect(withRunbook('javascript:alert(1)')).toBeNull();
    expect(withRunbook('/runbooks/db')).toBeNull();
    expect(withRunbook('ftp://files.example.com/db.txt')).toBeNull();
    expect(withRunbook(`https://example.com/${'x'.repeat(2100)}`)).toBeNull();
  });

  it('refuses other versions, no alerts and alerts without a fingerprint', () => {
    expect(alertmanagerPayloadSchema.safeParse({ ...alertmanagerBody, version: '3' }).success).toBe(false);
    expect(alertmanagerPayloadSchema.safeParse({ ...alertmanagerBody, alerts: [] }).success).toBe(false);
    const { fingerprint: _omit, ...noPrint } = alertmanagerBody.alerts[0]!;
    expect(alertmanagerPayloadSchema.safeParse({ ...alertmanagerBody, alerts: [noPrint] }).success).toBe(false);
  });
});

describe('the generic incident webhook', () => {
  const now = DateTime.fromISO('2024-11-22T05:30:00Z', { zone: 'utc' });

  it('defaults to a critical firing alert started when received, with severity and source as labels', () => {
    const batch = webhookBatch(incidentWebhookSchema.parse({ title: 'Checkout down', dedupe_key: 'checkout' }), now);
    expect(batch.alerts[0]).toMatchObject({ status: 'firing', title: 'Checkout down', fingerprint: 'checkout', labels: { severity: 'critical', source: 'webhook' } });
    expect(batch.alerts[0]!.startsAt.toISO()).toBe(now.toISO());
  });

  it('refuses unknown fields, a start without a zone and a non-http details URL', () => {
    expect(incidentWebhookSchema.safeParse({ title: 't', dedupe_key: 'k', sevrity: 'warning' }).success).toBe(false);
    expect(incidentWebhookSchema.safeParse({ title: 't', dedupe_key: 'k', started_at: '2024-11-22 14:23' }).success).toBe(false);
    expect(incidentWebhookSchema.safeParse({ title: 't', dedupe_key: 'k', details_url: 'javascript:alert(1)' }).success).toBe(false);
    expect(incidentWebhookSchema.safeParse({ title: 't', dedupe_key: 'k', runbook_url: 'javascript:alert(1)' }).success).toBe(false);
    const batch = webhookBatch(incidentWebhookSchema.parse({ title: 't', dedupe_key: 'k', runbook_url: 'https://wiki.example.com/db' }), now);
    expect(batch.alerts[0]!.runbookUrl).toBe('https://wiki.example.com/db');
  });
});
