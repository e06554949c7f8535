/**
 * The database is slow exactly when an incident is on. Slack still gets its answer in time, the
 * person is told the real outcome, and a submission replayed or retried applies once.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/client.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, channelId, command, declareValues, lastEphemeral, openedView } from '../helpers/flows.js';

let t: TestApp | undefined;
let proxy: Server | undefined;
afterEach(async () => {
  await new Promise((r) => (proxy ? proxy.close(r) : r(undefined)));
  proxy = undefined;
  await t?.stop();
  t = undefined;
});

async function incidentCount(app: TestApp): Promise<number> {
  return rowsOf<{ n: number }>(await app.app.database.db.execute(sql`select count(*)::int as n from incidents`))[0]!.n;
}

/** Holds an exclusive lock on a table for `ms`, as a migration or a runaway report would. */
async function lockTableFor(url: string, table: 'incidents' | 'timeline_events', ms: number): Promise<{ released: Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('begin');
  await client.query(`lock table ${table} in access exclusive mode`);
  // An object, not the promise itself: an async function would wait for a returned promise.
  const released = new Promise<void>((resolve) => setTimeout(() => {
    void client.query('rollback').then(() => client.end()).then(resolve);
  }, ms));
  return { released };
}

const PATIENT_BUT_QUICK_TO_ACK = { ACK_DEADLINE_MS: '1000', DATABASE_STATEMENT_TIMEOUT_MS: '15000' };

describe('a slow database', () => {
  it('a 4 s lock during declare: Slack is answered in time, the person sees the real outcome, one incident', async () => {
    // A deadline well inside Slack's 3 s, so a busy test machine cannot blur the point; a statement
    // timeout well past the lock, so a late timer cannot turn the wait into a timeout.
    t = await startTestApp({ env: PATIENT_BUT_QUICK_TO_ACK });
    await command(t.ws, ALICE, 'general', 'declare sev1 Checkout failing');
    const form = await openedView(t.ws, ALICE, 'incident_declare');
    const { released } = await lockTableFor(t.database.url, 'incidents', 4000);

    const started = Date.now();
    const ack = await t.ws.submitView({ userId: ALICE, viewId: form.id, values: declareValues({ title: 'Checkout failing', severity: 'sev1' }) });
    const ackMs = Date.now() - started;
    expect(ack.status).toBe(200);
    expect(ackMs).toBeLessThan(3000);
    // Not "failed": the modal stays open and says it is saving.
    expect(JSON.stringify(t.ws.openViews(ALICE).at(-1)?.blocks)).toContain('Saving');

    await released;
    await expect.poll(() => JSON.stringify(t!.ws.openViews(ALICE).at(-1)?.blocks), { timeout: 5000 }).toContain('INC-1 is declared');
    expect(await incidentCount(t)).toBe(1);
  });

  it('a 4 s lock during a note: "working on it", then the real outcome by response URL, noted once', async () => {
    t = await startTestApp({ env: PATIENT_BUT_QUICK_TO_ACK });
    await command(t.ws, ALICE, 'general', 'declare sev2 Search slow');
    const form = await openedView(t.ws, ALICE, 'incident_declare');
    await t.ws.submitView({ userId: ALICE, viewId: form.id, values: declareValues({ title: 'Search slow', severity: 'sev2' }) });
    await t.deliver();
    const channel = channelId(t.ws, 'inc-1-search-slow');

    const { released } = await lockTableFor(t.database.url, 'timeline_events', 4000);
    const ack = await t.ws.slashCommand({ userId: ALICE, channelId: channel, text: 'note failover started' });
    expect(ack.status).toBe(200);
    expect(lastEphemeral(t.ws, ALICE)).toContain('Working on it');
    await released;
    await expect.poll(() => lastEphemeral(t!.ws, ALICE), { timeout: 5000 }).toBe('Noted in the timeline.');
    const notes = rowsOf<{ n: number }>(await t.app.database.db.execute(sql`select count(*)::int as n from timeline_events where kind = 'note_added'`));
    expect(notes[0]!.n).toBe(1);
  });
});

interface Recorded {
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Stands between the workspace and the bot, keeping each request so it can be sent again. */
async function recordingProxy(target: string, recorded: Recorded[]): Promise<string> {
  proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      recorded.push({ headers: req.headers, body });
      void fetch(target, { method: 'POST', headers: forwardable(req.headers), body: body.toString() }).then(async (r) => {
        res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'text/plain' });
        res.end(Buffer.from(await r.arrayBuffer()));
      });
    });
  });
  await new Promise<void>((r) => proxy!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(proxy.address() as { port: number }).port}/slack/events`;
}

function forwardable(headers: IncomingHttpHeaders): Record<string, string> {
  const keep = ['content-type', 'x-slack-request-timestamp', 'x-slack-signature'];
  return Object.fromEntries(keep.map((k) => [k, String(headers[k] ?? '')]));
}

describe('replays and retries', () => {
  it('ten replays of one signed declare submission make one incident', async () => {
    t = await startTestApp();
    const recorded: Recorded[] = [];
    t.ws.setBotRequestUrl(await recordingProxy(`${t.app.url}/slack/events`, recorded));
    await command(t.ws, ALICE, 'general', 'declare sev1 Payments down');
    const form = await openedView(t.ws, ALICE, 'incident_declare');
    await t.ws.submitView({ userId: ALICE, viewId: form.id, values: declareValues({ title: 'Payments down', severity: 'sev1' }) });
    const submission = recorded.find((r) => r.body.toString().includes('view_submission'))!;

    const replies = await Promise.all(
      Array.from({ length: 10 }, () => fetch(`${t!.app.url}/slack/events`, { method: 'POST', headers: forwardable(submission.headers), body: submission.body.toString() })),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(await incidentCount(t)).toBe(1);
  });

  it('a replayed command applies once', async () => {
    t = await startTestApp();
    await command(t.ws, ALICE, 'general', 'declare sev3 Slow reports');
    const form = await openedView(t.ws, ALICE, 'incident_declare');
    await t.ws.submitView({ userId: ALICE, viewId: form.id, values: declareValues({ title: 'Slow reports', severity: 'sev3' }) });
    await t.deliver();
    const recorded: Recorded[] = [];
    t.ws.setBotRequestUrl(await recordingProxy(`${t.app.url}/slack/events`, recorded));
    await command(t.ws, ALICE, 'inc-1-slow-reports', 'note once only');
    const note = recorded.at(-1)!;
    for (let i = 0; i < 5; i += 1) {
      const replay = await fetch(`${t.app.url}/slack/events`, { method: 'POST', headers: forwardable(note.headers), body: note.body.toString() });
      expect(replay.status).toBe(200);
      expect(await replay.text()).toContain('done already');
    }
    const notes = rowsOf<{ n: number }>(await t.app.database.db.execute(sql`select count(*)::int as n from timeline_events where kind = 'note_added'`));
    expect(notes[0]!.n).toBe(1);
  });
});
