/**
 * What the people who run the bot watch: /metrics in Prometheus's format, and one request id
 * followed from a declare's request through its log lines to the outbox rows and Web API calls.
 */
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/client.js';
import { RequestContext } from '../../src/observability/request-context.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, declare } from '../helpers/flows.js';
import { captureLogs } from '../helpers/log-capture.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

async function scrape(token?: string): Promise<string> {
  const res = await fetch(`${t!.app.url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
}

/** The value of one sample, e.g. `incident_bot_incidents_open{severity="sev1"}`; 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('/metrics', () => {
  it('changes after a declare, a delivery and a 429', async () => {
    t = await startTestApp();
    const before = await scrape();
    expect(sample(before, 'incident_bot_incidents_open{severity="sev1"}')).toBe(0);
    expect(before).toContain('incident_bot_process_resident_memory_bytes');

    await declare(t.ws, ALICE, 'sev1 Checkout failing', { title: 'Checkout failing', severity: 'sev1' });
    const declared = await scrape();
    expect(sample(declared, 'incident_bot_incidents_open{severity="sev1"}')).toBe(1);
    expect(sample(declared, 'incident_bot_outbox_pending')).toBeGreaterThan(0);
    expect(sample(declared, 'incident_bot_slack_ack_seconds_count{kind="command"}')).toBe(1);
    expect(sample(declared, 'incident_bot_slack_ack_seconds_count{kind="view"}')).toBe(1);

    t.clock.advance({ seconds: 30 });
    const oldest = sample(await scrape(), 'incident_bot_outbox_oldest_pending_age_seconds');
    expect(oldest).toBe(30);

    await t.deliver();
    const delivered = await scrape();
    expect(sample(delivered, 'incident_bot_outbox_pending')).toBe(0);
    expect(sample(delivered, 'incident_bot_slack_api_calls_total{method="chat.postMessage",outcome="ok"}')).toBeGreaterThan(0);
    expect(sample(delivered, 'incident_bot_slack_api_calls_total{method="conversations.create",outcome="ok"}')).toBe(1);

    t.ws.faults.set('chat.postMessage', { rate: 1, kinds: ['429'], retryAfterSeconds: 1 });
    t.clock.advance({ minutes: 15 });
    expect(await t.app.reminders.tick()).toBe(1);
    await t.deliver();
    const limited = await scrape();
    expect(sample(limited, 'incident_bot_slack_api_rate_limited_total{method="chat.postMessage"}')).toBeGreaterThan(0);
    expect(sample(limited, 'incident_bot_reminders_posted_total{stage="1"}')).toBe(1);
    expect(sample(limited, 'incident_bot_reminder_lateness_seconds_count')).toBe(1);
  });

  it('refuses others when METRICS_TOKEN is set', async () => {
    t = await startTestApp({ env: { METRICS_TOKEN: 'scrape-secret' } });
    expect((await fetch(`${t.app.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${t.app.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect(await scrape('scrape-secret')).toContain('incident_bot_incidents_open');
  });
});

describe('request ids', () => {
  it('one id names every log line of a declare and the outbox rows it wrote, and the Web API calls that delivered them', async () => {
    const requestIds = new RequestContext();
    const logs = captureLogs('debug', requestIds);
    t = await startTestApp({ logger: logs.logger, requestIds });
    const ack = await declare(t.ws, ALICE, 'sev2 Search slow', { title: 'Search slow', severity: 'sev2' });
    expect(ack.status).toBe(200);
    const rows = rowsOf<{ kind: string; request_id: string | null }>(await t.app.database.db.execute(sql`select kind, request_id from outbox order by id`));
    const ids = new Set(rows.map((r) => r.request_id));
    // The declare's view submission wrote them all, under one id.
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    expect(id).toMatch(/^r-[0-9a-f]{12}$/);

    await t.deliver();
    const calls = logs.records.filter((r) => r.msg === 'slack api call' && r['requestId'] === id).map((r) => r['method']);
    expect(calls).toEqual(expect.arrayContaining(['conversations.create', 'chat.postMessage']));
    // And the request's own lines (Bolt's, the app's) carry it too.
    expect(logs.records.some((r) => r['requestId'] === id && r.msg !== 'slack api call')).toBe(true);
  });
});
