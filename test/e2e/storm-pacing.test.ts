/**
 * A storm at Slack's rate limit, in small: the workspace allows one message a second per channel
 * and answers 429 with Retry-After beyond it. Eight incidents change status at once, so #incidents
 * gets eight notices (under their announcements) and each incident channel one. The bot paces
 * #incidents near one a second, honours Retry-After, serves every other channel at once, and every
 * message arrives once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SteppedClock } from '../../src/clock.js';
import { START, startTestApp, type TestApp } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { ALICE, command, declare, textOf } from '../helpers/flows.js';

let t: TestApp | undefined;
let replicas: TestApp[] = [];
let shared: TestDatabase | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
  await Promise.all(replicas.map((r) => r.stop()));
  replicas = [];
  await shared?.drop();
  shared = undefined;
});

const INCIDENTS = 8;
const names = Array.from({ length: INCIDENTS }, (_, i) => `inc-${i + 1}-storm-${i + 1}`);
const posts = (channelId: string) => t!.ws.callLog().filter((c) => c.method === 'chat.postMessage' && c.params['channel'] === channelId);

describe('storms at Slack rate limit', () => {
  it('paces a busy channel near one a second, honours Retry-After, serves the others at once, and loses or doubles nothing', async () => {
    t = await startTestApp({ workspace: { rateLimits: { 'chat.postMessage': { perChannelPerSecond: 1 } } } });
    for (let i = 1; i <= INCIDENTS; i++) await declare(t.ws, ALICE, `sev2 Storm ${i}`, { title: `Storm ${i}`, severity: 'sev2' });
    await t.deliver();
    const incidents = t.ws.channel('incidents')!.id;
    const from = t.ws.callLog().length;
    await new Promise((r) => setTimeout(r, 1100));

    for (const name of names) await command(t.ws, ALICE, name, 'status identified');
    await t.deliver();
    const round = t.ws.callLog().slice(from).filter((c) => c.method === 'chat.postMessage');
    const start = Math.min(...round.map((c) => c.realMs));

    const busy = round.filter((c) => c.params['channel'] === incidents);
    const accepted = busy.filter((c) => c.outcome === 'ok');
    expect(accepted).toHaveLength(INCIDENTS);
    // Fairness: each incident channel had its notice at once (about 0.1 s here), not behind
    // #incidents taking its pace: before #incidents' fourth post, three seconds in.
    for (const name of names) {
      const [notice] = posts(t.ws.channel(name)!.id).filter((c) => c.outcome === 'ok' && c.realMs >= start);
      expect(notice, name).toBeDefined();
      expect(notice!.realMs, name).toBeLessThan(accepted[3]!.realMs);
    }
    expect(accepted.at(-1)!.realMs - start).toBeGreaterThan((INCIDENTS - 2) * 1000);
    // Near Slack's pace: no more 429s than one burst's worth, and none in a row without the pause it asked for.
    const limited = busy.filter((c) => c.fault === '429');
    expect(limited.length).toBeLessThanOrEqual(2);
    for (const refusal of limited) {
      const next = busy.find((c) => c.realMs > refusal.realMs && c !== refusal);
      if (next) expect(next.realMs - refusal.realMs).toBeGreaterThanOrEqual(950);
    }
    // Every notice once: under each announcement in #incidents, and in each incident's channel.
    const notices = t.ws.messages('incidents').flatMap((a) => t!.ws.replies('incidents', a.ts)).filter((m) => textOf(m).includes('Identified'));
    expect(notices).toHaveLength(INCIDENTS);
    for (const name of names) {
      const sent = round.filter((c) => c.params['channel'] === t!.ws.channel(name)!.id && c.outcome === 'ok');
      expect(sent.map((c) => String(c.params['text'])), name).toEqual([expect.stringContaining('Identified')]);
    }
  }, 90_000);

  it('keeps one pace for three replicas posting to one channel: no 429, every message once', async () => {
    const ANNOUNCED = 12;
    shared = await createTestDatabase();
    const clock = new SteppedClock(START);
    const first = await startTestApp({ database: shared, clock, workspace: { rateLimits: { 'chat.postMessage': { perChannelPerSecond: 1 } } } });
    replicas = [first, ...(await Promise.all([1, 2].map(() => startTestApp({ database: shared, clock, ws: first.ws }))))];
    const ws = first.ws;
    const from = ws.callLog().length;
    // Each replica declares a third of the incidents and delivers whatever it claims: all of them
    // announce in #incidents at once.
    await Promise.all(replicas.map(async (replica, k) => {
      for (let i = k; i < ANNOUNCED; i += replicas.length) {
        await replica.app.incidents.declare({ title: `Paced ${i}`, severity: 'sev2', scenario: 'other', impact: '', commanderId: ALICE, declaredBy: ALICE });
      }
    }));
    for (let round = 0; round < 20; round++) {
      await Promise.all(replicas.map((r) => r.deliver()));
      if ((await first.app.repos.outbox.pendingCount(first.app.database.db)) === 0) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const posts = ws.callLog().slice(from).filter((c) => c.method === 'chat.postMessage');
    expect(posts.filter((c) => c.fault === '429')).toEqual([]);
    const incidents = ws.channel('incidents')!.id;
    const announced = posts.filter((c) => c.params['channel'] === incidents && c.outcome === 'ok');
    expect(announced).toHaveLength(ANNOUNCED);
    // One a second, together: twelve announcements take at least the nine seconds past Slack's burst.
    expect(announced.at(-1)!.realMs - announced[0]!.realMs).toBeGreaterThanOrEqual((ANNOUNCED - 3) * 1000 - 50);
    const titles = ws.messages('incidents').map((m) => textOf(m));
    for (let i = 0; i < ANNOUNCED; i++) expect(titles.filter((text) => new RegExp(`Paced ${i}(?!\\d)`).test(text)), `Paced ${i}`).toHaveLength(1);
  }, 120_000);
});
