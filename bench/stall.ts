/**
 * Acknowledgement while the database stalls: another connection holds an ACCESS EXCLUSIVE lock
 * on the table a change writes (timeline_events for notes, incidents for declarations) for 4 s,
 * and people keep typing `/incident note …` and submitting the declare form, all at once and one
 * after another. Slack gives up after 3 s, so every request must be answered in time (the bot
 * says "in progress" after ACK_DEADLINE_MS, 2500 by default, and the outcome later), and no one
 * may be told "failed" for a change that was in fact saved (a false failure).
 *
 * Goal: p99 < 3000 ms, 0 false failures. Beside each stalled figure, the same run unstalled.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createWorkspace, type SeedUser, type Workspace } from 'local-slack-workspace';
import { LOCAL_BOT_TOKEN, startApplication, type Application } from '../src/application.js';
import { loadConfig } from '../src/config.js';
import { rowsOf } from '../src/db/client.js';
import { createLogger } from '../src/logger.js';
import { localProfile, LOCAL_PEOPLE } from '../src/local-workspace/profile.js';
import { CALLBACK_ID, DECLARE_INPUT } from '../src/slack/ids.js';
import { freshDatabase, percentile, withCluster } from './cluster.js';
import type { BenchModule } from './run.js';

const SECRET = 'bench-secret';
const STALL_MS = 4000;
const NOTES = 40;
const DECLARES = 20;
const GOAL_P99_MS = 3000;
/** What the bot says when it believes a change failed. */
const FAILED = /something went wrong|saving failed|failed on our side/i;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** People enough for each request to come from its own person, so each reply can be told apart. */
const PEOPLE: SeedUser[] = Array.from({ length: Math.max(NOTES, DECLARES) }, (_, i) => ({
  id: `U_P${String(i).padStart(2, '0')}`, name: `p${i}`, realName: `Person ${i}`, tz: 'UTC',
}));

/** Holds `lock table … in access exclusive mode` for `ms`, from its own connection. */
async function stall(url: string, table: 'incidents' | 'timeline_events', ms: number): Promise<{ released: Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('begin');
  await client.query(`lock table ${table} in access exclusive mode`);
  // An object, not the promise itself: an async function would wait for a returned promise.
  const released = sleep(ms).then(async () => {
    await client.query('rollback');
    await client.end();
  });
  return { released };
}

interface Outcome {
  ms: number[];
  falseFailures: number;
  trueFailures: number;
  saved: number;
  inProgress: number;
  unanswered: number;
}

const text = (x: unknown) => JSON.stringify(x ?? '');

async function count(app: Application, query: ReturnType<typeof sql>): Promise<number> {
  return rowsOf<{ n: number }>(await app.database.db.execute(query))[0]!.n;
}

/** Each of NOTES people types `/incident note <tag>-<i>` in the incident channel. */
async function notes(app: Application, ws: Workspace, dbUrl: string, channel: string, tag: string, concurrent: boolean, stalled: boolean): Promise<Outcome> {
  // Only this case's replies: each person's earlier ones belong to earlier cases.
  const before = PEOPLE.slice(0, NOTES).map((p) => ws.ephemerals(p.id).length);
  const replies = (i: number) => ws.ephemerals(PEOPLE[i]!.id).slice(before[i]);
  const { released } = stalled ? await stall(dbUrl, 'timeline_events', STALL_MS) : { released: Promise.resolve() };
  const ms: number[] = [];
  const one = async (i: number) => {
    const started = performance.now();
    const ack = await ws.slashCommand({ userId: PEOPLE[i]!.id, channelId: channel, text: `note ${tag}-${i}` });
    ms.push(performance.now() - started);
    if (ack.status !== 200) throw new Error(`note ack ${ack.status}`);
  };
  if (concurrent) await Promise.all(PEOPLE.slice(0, NOTES).map((_, i) => one(i)));
  else for (let i = 0; i < NOTES; i += 1) await one(i);
  await released;
  const outcome: Outcome = { ms: ms.sort((a, b) => a - b), falseFailures: 0, trueFailures: 0, saved: 0, inProgress: 0, unanswered: 0 };
  // The outcome of a slow note comes later by response URL: wait for every person's last word.
  const lastWord = (i: number) => replies(i).at(-1);
  const settled = (i: number) => !/working on it/i.test(text(lastWord(i)));
  for (let waited = 0; waited < 15_000 && !PEOPLE.slice(0, NOTES).every((_, i) => settled(i)); waited += 50) await sleep(50);
  for (let i = 0; i < NOTES; i += 1) {
    const seen = replies(i).map(text);
    const said = seen.at(-1) ?? '';
    const saved = (await count(app, sql`select count(*)::int as n from timeline_events where kind = 'note_added' and data->>'text' = ${`${tag}-${i}`}`)) > 0;
    const failed = seen.some((s) => FAILED.test(s));
    if (saved) outcome.saved += 1;
    if (failed && saved) outcome.falseFailures += 1;
    if (failed && !saved) outcome.trueFailures += 1;
    if (seen.some((s) => /working on it/i.test(s))) outcome.inProgress += 1;
    if (!said || /working on it/i.test(said)) outcome.unanswered += 1;
  }
  return outcome;
}

/** Each of DECLARES people opens the declare form and submits it. */
async function declares(app: Application, ws: Workspace, dbUrl: string, general: string, tag: string, concurrent: boolean, stalled: boolean): Promise<Outcome> {
  const people = PEOPLE.slice(0, DECLARES);
  const views: string[] = [];
  for (const p of people) {
    await ws.slashCommand({ userId: p.id, channelId: general, text: `declare sev2 ${tag}` });
    let view;
    for (let waited = 0; waited < 5000 && !(view = ws.openViews(p.id).at(-1)); waited += 10) await sleep(10);
    if (view?.callbackId !== CALLBACK_ID.declare) throw new Error(`no declare form for ${p.id}`);
    views.push(view.id);
  }
  const { released } = stalled ? await stall(dbUrl, 'incidents', STALL_MS) : { released: Promise.resolve() };
  const ms: number[] = [];
  const acks: string[] = [];
  const one = async (i: number) => {
    const title = `${tag} ${i}`;
    const values = {
      [DECLARE_INPUT.title.block]: { [DECLARE_INPUT.title.action]: title },
      [DECLARE_INPUT.severity.block]: { [DECLARE_INPUT.severity.action]: 'sev2' },
      [DECLARE_INPUT.scenario.block]: { [DECLARE_INPUT.scenario.action]: 'database' },
      [DECLARE_INPUT.impact.block]: { [DECLARE_INPUT.impact.action]: 'Writes time out' },
      [DECLARE_INPUT.commander.block]: { [DECLARE_INPUT.commander.action]: 'U_ALICE' },
    };
    const started = performance.now();
    const ack = await ws.submitView({ userId: people[i]!.id, viewId: views[i]!, values });
    ms.push(performance.now() - started);
    acks[i] = text(ack.body);
    if (ack.status !== 200) throw new Error(`declare ack ${ack.status}`);
  };
  if (concurrent) await Promise.all(people.map((_, i) => one(i)));
  else for (let i = 0; i < DECLARES; i += 1) await one(i);
  await released;
  const outcome: Outcome = { ms: ms.sort((a, b) => a - b), falseFailures: 0, trueFailures: 0, saved: 0, inProgress: 0, unanswered: 0 };
  const topOf = (i: number) => text(ws.openViews(people[i]!.id).at(-1)?.blocks);
  const settled = (i: number) => !/Saving…/.test(topOf(i));
  for (let waited = 0; waited < 15_000 && !people.every((_, i) => settled(i)); waited += 50) await sleep(50);
  for (let i = 0; i < DECLARES; i += 1) {
    const saved = (await count(app, sql`select count(*)::int as n from incidents where title = ${`${tag} ${i}`}`)) > 0;
    const failed = FAILED.test(acks[i]!) || FAILED.test(topOf(i));
    if (saved) outcome.saved += 1;
    if (failed && saved) outcome.falseFailures += 1;
    if (failed && !saved) outcome.trueFailures += 1;
    if (/Saving…/.test(acks[i]!)) outcome.inProgress += 1;
    if (!settled(i)) outcome.unanswered += 1;
    while (ws.openViews(people[i]!.id).length > 0) await ws.closeView(people[i]!.id);
  }
  return outcome;
}

function row(name: string, stalled: Outcome, calm: Outcome, total: number): string[] {
  const p = (o: Outcome, q: number) => percentile(o.ms, q);
  const ratio = (q: number) => (p(stalled, q) / p(calm, q)).toFixed(0);
  const verdict = p(stalled, 99) < GOAL_P99_MS && stalled.falseFailures === 0 ? 'meets goal' : 'MISSES goal';
  return [
    `${name.padEnd(34)} stalled p50 ${p(stalled, 50).toFixed(0).padStart(5)} ms  p99 ${p(stalled, 99).toFixed(0).padStart(5)} ms  slowest ${stalled.ms.slice(-3).reverse().map((x) => x.toFixed(0)).join('/')} ms` +
      ` | unstalled p50 ${p(calm, 50).toFixed(1)} ms  p99 ${p(calm, 99).toFixed(1)} ms | x${ratio(50)} / x${ratio(99)}  [goal: p99 < ${GOAL_P99_MS} ms, 0 false failures: ${verdict}]`,
    `${''.padEnd(34)} stalled: ${stalled.saved}/${total} saved, ${stalled.inProgress} answered "in progress", false failures ${stalled.falseFailures}, true failures ${stalled.trueFailures}, no final word ${stalled.unanswered}` +
      ` | unstalled: ${calm.saved}/${total} saved, false failures ${calm.falseFailures}`,
  ];
}

async function run(adminUrl: string): Promise<string[]> {
  const dbUrl = await freshDatabase(adminUrl);
  const profile = localProfile('incidents');
  const ws = createWorkspace({ ...profile, users: [...LOCAL_PEOPLE, ...PEOPLE], signingSecret: SECRET, botToken: LOCAL_BOT_TOKEN });
  // The people typing are responders: the access policy lets them note on any incident.
  const config = loadConfig({ DATABASE_URL: dbUrl, PORT: '0', LOG_LEVEL: 'silent', RESPONDERS: PEOPLE.map((p) => p.id).join(',') });
  const app = await startApplication({ config, logger: createLogger('silent'), sandbox: { workspace: ws, signingSecret: SECRET }, startScheduler: false });
  try {
    const incident = await app.incidents.declare({ title: 'Database stalls', severity: 'sev1', scenario: 'database', impact: 'x', commanderId: 'U_ALICE', declaredBy: 'U_ALICE' });
    await app.dispatcher.drain();
    const channel = (await app.incidents.find(incident.id))!.channelId!;
    const general = ws.channel('general')!.id;
    await notes(app, ws, dbUrl, channel, 'warmup', true, false); // warm-up
    const lines = [`ack latency under a ${STALL_MS / 1000} s ACCESS EXCLUSIVE lock, ACK_DEADLINE_MS ${config.ackDeadlineMs}; ${NOTES} notes, ${DECLARES} declare submissions`];
    const cases: [string, (stalled: boolean, tag: string) => Promise<Outcome>, number][] = [
      [`${NOTES} notes at once`, (s, tag) => notes(app, ws, dbUrl, channel, tag, true, s), NOTES],
      [`${NOTES} notes one after another`, (s, tag) => notes(app, ws, dbUrl, channel, tag, false, s), NOTES],
      [`${DECLARES} declare submissions at once`, (s, tag) => declares(app, ws, dbUrl, general, tag, true, s), DECLARES],
      [`${DECLARES} declares one after another`, (s, tag) => declares(app, ws, dbUrl, general, tag, false, s), DECLARES],
    ];
    for (const [name, go, total] of cases) {
      const slug = name.replace(/\W+/g, '-');
      const calm = await go(false, `calm-${slug}`);
      const stalled = await go(true, `stalled-${slug}`);
      lines.push(...row(name, stalled, calm, total));
    }
    return lines;
  } finally {
    await app.stop();
  }
}

export const stallBench: BenchModule = { name: 'stall: ack latency and truthful replies under a 4 s database lock', run: () => withCluster(run) };
