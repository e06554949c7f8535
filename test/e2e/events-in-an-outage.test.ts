/**
 * Events are written before Slack is answered. While the database cannot take one, the bot lets
 * Slack send it again (over HTTP an error status within 3 s, in Socket Mode no acknowledgement),
 * and the resent event applies once.
 *
 * Slack retries an event nearly at once, after a minute and after five minutes; the workspace
 * here is given the same three retries on a shorter scale (at once, 12 s, 30 s) so a 10 s outage
 * fits a test.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type SlackMode, type TestApp } from '../helpers/app.js';
import { testClusterUrl } from '../helpers/database.js';
import { ALICE, BOB, CAROL, channelId, declare } from '../helpers/flows.js';

const CHANNEL = 'inc-1-checkout-failing';
const RETRIES = { retryDelaysMs: [0, 12_000, 30_000] };

let t: TestApp | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testClusterUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The app's database stops taking connections and drops those it had, as a failed-over primary does. */
async function databaseDown(url: string): Promise<{ restore(): Promise<void> }> {
  const name = pg.escapeIdentifier(decodeURIComponent(new URL(url).pathname.slice(1)));
  const literal = decodeURIComponent(new URL(url).pathname.slice(1));
  await admin(async (c) => {
    await c.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
    await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [literal]);
  });
  return { restore: () => admin(async (c) => void (await c.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`))) };
}

/** Holds an exclusive lock on the timeline for `ms`, as a migration or a runaway report would. */
async function lockTimelineFor(url: string, ms: number): Promise<{ released: Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('begin');
  await client.query('lock table timeline_events in access exclusive mode');
  const released = new Promise<void>((resolve) => setTimeout(() => void client.query('rollback').then(() => client.end()).then(resolve), ms));
  return { released };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How many times the message was pinned on incident 1's timeline. */
async function pinsOf(app: TestApp, ts: string): Promise<number> {
  const events = await app.app.repos.timeline.listForIncident(app.app.database.db, 1);
  return events.filter((e) => e.kind === 'message_pinned' && 'messageTs' in e.data && e.data.messageTs === ts).length;
}

async function incidentWithMessage(app: TestApp) {
  await declare(app.ws, ALICE, 'sev1 Checkout failing', { title: 'Checkout failing', severity: 'sev1' });
  await app.deliver();
  const channel = channelId(app.ws, CHANNEL);
  const message = await app.ws.postAsUser({ userId: BOB, channelId: channel, text: 'Rolled back the payment gateway deploy' });
  return { channel, message };
}

describe.each<SlackMode>(['http', 'socket'])('a 📌 added while the database is down for 10 s, over %s', (mode) => {
  it('is on the timeline once after the database returns', async () => {
    t = await startTestApp({ slackMode: mode, workspace: { events: RETRIES, socketMode: RETRIES } });
    const { channel, message } = await incidentWithMessage(t);

    const httpBefore = t.ws.eventDeliveries().length;
    const socketBefore = t.ws.socketMode.deliveries().length;
    const outage = await databaseDown(t.database.url);
    const started = Date.now();
    const reacting = t.ws.react({ userId: CAROL, channelId: channel, ts: message.ts, name: 'pushpin' });
    const openingHome = t.ws.openAppHome(ALICE);
    if (mode === 'http') {
      await Promise.all([reacting, openingHome]);
      // Both refused within Slack's 3 s, so Slack sends them again.
      expect(Date.now() - started).toBeLessThan(3000);
      expect(t.ws.eventDeliveries().slice(httpBefore).filter((d) => d.retryNum === 0).map((d) => d.status)).toEqual([503, 503]);
    }
    await sleep(10_000 - (Date.now() - started));
    await outage.restore();
    await Promise.all([reacting, openingHome]);

    await expect.poll(() => pinsOf(t!, message.ts), { timeout: 40_000, interval: 500 }).toBe(1);
    // App Home, opened during the outage, is published once its event is taken.
    await expect.poll(async () => (await t!.deliver(), t!.ws.homeView(ALICE)?.blocks.length ?? 0), { timeout: 40_000, interval: 500 }).toBeGreaterThan(0);
    if (mode === 'http') {
      const attempts = t.ws.eventDeliveries().slice(httpBefore).sort((a, b) => a.retryNum - b.retryNum);
      expect(attempts.map((d) => [d.retryNum, d.retryReason, d.status])).toEqual([
        [0, null, 503], [0, null, 503], [1, 'http_error', 503], [1, 'http_error', 503], [2, 'http_error', 200], [2, 'http_error', 200],
      ]);
    } else {
      const envelopes = t.ws.socketMode.deliveries().slice(socketBefore).sort((a, b) => a.retryAttempt - b.retryAttempt);
      expect(envelopes.map((d) => [d.retryAttempt, d.acknowledged])).toEqual([[0, false], [0, false], [1, false], [1, false], [2, true], [2, true]]);
    }

    // Slack sending it once more (a lost acknowledgement) changes nothing.
    const reactionEvent = { type: 'reaction_added', user: CAROL, reaction: 'pushpin', item_user: BOB, item: { type: 'message', channel, ts: message.ts } };
    const eventId = mode === 'http' ? t.ws.eventDeliveries().slice(httpBefore)[0]!.eventId : undefined;
    if (eventId) {
      const replay = await t.ws.sendEvent(reactionEvent, { eventId, retryNum: 3, retryReason: 'http_timeout' });
      expect(replay.status).toBe(200);
    }
    await t.app.slack.settled();
    expect(await pinsOf(t, message.ts)).toBe(1);
  });
});

describe('an event whose write outlasts the acknowledgement deadline', () => {
  it('is refused in time, written when the database frees up, and Slack\'s resend applies once', async () => {
    t = await startTestApp({
      env: { ACK_DEADLINE_MS: '1000', DATABASE_STATEMENT_TIMEOUT_MS: '15000' },
      workspace: { events: { retryDelaysMs: [0, 6_000, 20_000] } },
    });
    const { channel, message } = await incidentWithMessage(t);

    const { released } = await lockTimelineFor(t.database.url, 4000);
    const started = Date.now();
    const first = await t.ws.react({ userId: CAROL, channelId: channel, ts: message.ts, name: 'pushpin' }).then(() => t!.ws.eventDeliveries().at(-1)!);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(first.status).toBe(503);
    await released;

    await expect.poll(() => t!.ws.eventDeliveries().filter((d) => d.eventId === first.eventId).map((d) => d.status).at(-1), { timeout: 20_000, interval: 500 }).toBe(200);
    await t.app.slack.settled();
    expect(await pinsOf(t, message.ts)).toBe(1);
  });
});
