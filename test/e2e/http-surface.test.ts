import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { WebClient } from '@slack/web-api';
import { LOCAL_BOT_TOKEN } from '../../src/application.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, channelId } from '../helpers/flows.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.stop());

function signedHeaders(body: string, secret: string, timestamp = Math.floor(Date.now() / 1000)) {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signature,
  };
}

describe('the HTTP surface', () => {
  it('answers liveness and readiness', async () => {
    const live = await fetch(`${t.app.url}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${t.app.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('is not ready while a migration is missing', async () => {
    const rows = await t.app.database.db.execute(sql`select hash from schema_migrations`);
    const { hash } = (rows as { rows: { hash: string }[] }).rows[0]!;
    await t.app.database.db.execute(sql`delete from schema_migrations where hash = ${hash}`);
    try {
      const ready = await fetch(`${t.app.url}/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'unavailable', reason: 'database migrations are not applied' });
    } finally {
      await t.app.database.db.execute(sql`insert into schema_migrations (hash, created_at) values (${hash}, 0)`);
    }
  });

  it('answers 404 with a reason for an unknown path', async () => {
    const res = await fetch(`${t.app.url}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
  });

  it('rejects Slack requests with a bad signature or a stale timestamp, and runs nothing', async () => {
    const body = new URLSearchParams({ command: '/incident', text: 'list', user_id: ALICE, channel_id: 'C1', trigger_id: 't' }).toString();
    const forged = await fetch(`${t.app.url}/slack/events`, { method: 'POST', headers: signedHeaders(body, 'wrong-secret'), body });
    expect(forged.status).toBe(401);
    const stale = await fetch(`${t.app.url}/slack/events`, {
      method: 'POST',
      headers: signedHeaders(body, 'test-signing-secret', Math.floor(Date.now() / 1000) - 6 * 60),
      body,
    });
    expect(stale.status).toBe(401);
    const unsigned = await fetch(`${t.app.url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(unsigned.status).toBe(401);
    expect(t.ws.ephemerals(ALICE)).toEqual([]);
  });

  it('handles an event once however often Slack retries it', async () => {
    const channel = channelId(t.ws, 'general');
    // people mention the bot where it is a member
    await new WebClient(LOCAL_BOT_TOKEN, { slackApiUrl: `${t.app.url}/workspace/api/` }).conversations.join({ channel });
    const event = { type: 'app_mention', user: ALICE, text: '<@U_BOT> help', channel, ts: '1.000100' };
    const first = await t.ws.sendEvent(event);
    expect(first.status).toBe(200);
    await t.ws.sendEvent(event, { eventId: first.eventId, retryNum: 1, retryReason: 'http_timeout' });
    await t.ws.sendEvent(event, { eventId: first.eventId, retryNum: 2, retryReason: 'http_timeout' });
    await expect.poll(() => t.ws.ephemerals(ALICE).length, { timeout: 3000 }).toBe(1);
    // a different event is handled on its own
    await t.ws.sendEvent(event);
    await expect.poll(() => t.ws.ephemerals(ALICE).length, { timeout: 3000 }).toBe(2);
  });

  it('refuses workspace actions that are not JSON, so another site cannot forge them', async () => {
    const before = t.ws.ephemerals(ALICE).length;
    const res = await fetch(`${t.app.url}/sandbox/command`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ user: ALICE, channel: channelId(t.ws, 'general'), text: '/incident help' }),
    });
    expect(res.status).toBe(415);
    expect(t.ws.ephemerals(ALICE).length).toBe(before);
  });
});
