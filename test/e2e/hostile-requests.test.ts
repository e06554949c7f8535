/**
 * Requests no Slack would send, or that Slack sends with text Postgres cannot keep: each gets a
 * clear 4xx or a clear reply, and the process goes on serving.
 */
import { signRequest } from 'local-slack-workspace';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/client.js';
import { ACTION_ID } from '../../src/slack/ids.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, channelId, command, declare, lastEphemeral } from '../helpers/flows.js';

let t: TestApp;
let url: string;
beforeAll(async () => {
  t = await startTestApp();
  url = `${t.app.url}/slack/events`;
});
afterAll(async () => t?.stop());

const SECRET = 'test-signing-secret';
const nowSeconds = () => Math.floor(Date.now() / 1000);

function signed(body: string, contentType: string, timestamp = nowSeconds()) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signRequest(SECRET, timestamp, body) },
    body,
  });
}

async function stillServing() {
  const reply = await command(t.ws, ALICE, 'general', 'help');
  expect(reply).toContain('/incident');
}

describe('requests no Slack would send', () => {
  it.each(['GET', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'])('%s on /slack/events answers 405, naming POST', async (method) => {
    const res = await fetch(url, { method, headers: { authorization: 'Bearer secret-token', cookie: 'session=1' } });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(await res.json()).toMatchObject({ error: 'method_not_allowed' });
  });

  it.each([
    ['payload=null', 'application/x-www-form-urlencoded'],
    ['payload=%5B1%2C2%5D', 'application/x-www-form-urlencoded'],
    ['payload=%7Bnot%20json', 'application/x-www-form-urlencoded'],
    // A click without its user: Bolt would throw reading user.id before any listener.
    [`payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', actions: [{ action_id: 'incident_open_update', value: '1' }] }))}`, 'application/x-www-form-urlencoded'],
    ['null', 'application/json'],
    ['"text"', 'application/json'],
  ])('a signed %s answers 400 and the process goes on', async (body, contentType) => {
    const res = await signed(body, contentType);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'malformed_body' });
    await stillServing();
  });

  it('refuses a body over the limit before reading it all', async () => {
    const res = await signed(`payload=${'x'.repeat(1024 * 1024 + 10)}`, 'application/x-www-form-urlencoded');
    expect(res.status).toBe(413);
    await stillServing();
  });

  it('refuses a correctly signed request dated ten years ahead, as it refuses a stale one', async () => {
    const body = 'command=%2Fincident&text=help&user_id=U_ALICE&channel_id=C1';
    // Half a minute past the five-minute window either way: the request's own time in flight (and
    // the second it was stamped in) must not carry a timestamp back inside it on a loaded machine.
    for (const timestamp of [nowSeconds() + 10 * 365 * 86400, nowSeconds() + 330, nowSeconds() - 330]) {
      const res = await signed(body, 'application/x-www-form-urlencoded', timestamp);
      expect(res.status).toBe(401);
    }
  });

  it('refuses a wrong signature', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(nowSeconds()), 'x-slack-signature': 'v0=00' },
      body: '{}',
    });
    expect(res.status).toBe(401);
  });
});

describe('text Postgres cannot keep', () => {
  it('keeps a note with NUL bytes and lone surrogates, cleaned, and says so', async () => {
    await declare(t.ws, ALICE, 'sev2 Odd text', { title: 'Odd\u0000 text \uD800', severity: 'sev2' });
    await t.deliver();
    const incident = (await t.app.incidents.listOpen()).at(-1)!;
    expect(incident.title).toBe('Odd text \uFFFD');
    const reply = await command(t.ws, ALICE, incident.channelName!, 'note bad\u0000byte and \uDC00 half a pair');
    expect(reply).toBe('Noted in the timeline.');
    const notes = rowsOf<{ text: string }>(
      await t.app.database.db.execute(sql`select data->>'text' as text from timeline_events where kind = 'note_added' and incident_id = ${incident.id}`),
    );
    expect(notes.map((n) => n.text)).toEqual(['badbyte and \uFFFD half a pair']);
  });

  it('answers a button whose incident number is past the integer range like any unknown incident', async () => {
    const incident = (await t.app.incidents.listOpen()).at(-1)!;
    const channel = channelId(t.ws, incident.channelName!);
    const card = t.ws.pins(channel)[0]!;
    for (const value of ['99999999999999999999', '-1', '1e3', 'NaN', '']) {
      const before = t.ws.ephemerals(ALICE).length;
      const ack = await t.ws.clickAction({ userId: ALICE, channelId: channel, messageTs: card.ts, actionId: ACTION_ID.openResolve, value });
      expect(ack.status).toBe(200);
      await expect.poll(() => t.ws.ephemerals(ALICE).length).toBe(before + 1);
      expect(lastEphemeral(t.ws, ALICE)).toBe('That incident no longer exists.');
    }
  });
});
