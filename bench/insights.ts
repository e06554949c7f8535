/**
 * Insights over 10,000 resolved incidents with 100 timeline events each (1M events), on a
 * throwaway Postgres: `/incident insights 90d` through the local workspace (signed requests,
 * until the figures are on screen) and `GET /api/insights` for 90 days, p50/p99 against a goal
 * of 300 ms, and the query plan's use of indexes.
 */
import { sql } from 'drizzle-orm';
import { createWorkspace } from 'local-slack-workspace';
import { LOCAL_BOT_TOKEN, startApplication } from '../src/application.js';
import { loadConfig } from '../src/config.js';
import { rowsOf, type Db } from '../src/db/client.js';
import { ANY_MARKED, figuredCtes } from '../src/db/repositories/insights/figures-sql.js';
import { localProfile } from '../src/local-workspace/profile.js';
import { createLogger } from '../src/logger.js';
import { freshDatabase, percentile, withCluster } from './cluster.js';
import type { BenchModule } from './run.js';

const INCIDENTS = Number(process.env.BENCH_INSIGHTS_INCIDENTS ?? 10_000);
const EVENTS = 100;
const RUNS = 20;
const GOAL_MS = 300;
const CHANGED = 100;
const SECRET = 'bench-secret';

/**
 * Incidents resolved over the last ~83 days, written by SQL in one go (INSERT … SELECT over
 * generate_series; about 15 s); every five share a title word, so there are 2,000 repeats. Each timeline: the declaration, 95 notes by seven people, a role
 * handed over, a pinned message, monitoring, the resolution; every tenth incident marks its
 * detection on a note, which a correction then re-times (so the corrected-entry path is read too).
 */
export async function seed(db: Db): Promise<void> {
  await db.execute(sql.raw(`
    insert into incidents (title, severity, status, scenario, declared_by, started_at, detected_at, declared_at, resolved_at, is_drill)
    select 'svc' || (g % 2000) || ' is off', (array['sev1','sev2','sev3'])[1 + g % 3], 'resolved', 'other', 'U_A',
      now() - g * interval '12 minutes', now() - g * interval '12 minutes' + interval '5 minutes',
      now() - g * interval '12 minutes' + interval '6 minutes', now() - g * interval '12 minutes' + (40 + g % 300) * interval '1 minute',
      g % 50 = 0
    from generate_series(1, ${INCIDENTS}) g`));
  await db.execute(sql.raw(`
    insert into timeline_events (incident_id, kind, actor_id, occurred_at, data)
    select i.id,
      case n when 1 then 'declared' when 30 then 'role_assigned' when 40 then 'status_changed' when 50 then 'message_pinned'
        when ${EVENTS} then 'resolved' else 'note_added' end,
      'U_' || (n % 7),
      case n when ${EVENTS} then i.resolved_at else i.declared_at + n * interval '10 seconds' end,
      case n
        when 1 then jsonb_build_object('title', i.title, 'severity', i.severity, 'scenario', 'other', 'commanderId', 'U_1', 'v', 1)
        when 30 then jsonb_build_object('role', 'comms', 'userId', 'U_2', 'previous', null, 'v', 1)
        when 40 then jsonb_build_object('from', 'identified', 'to', 'monitoring', 'v', 1)
        when 50 then jsonb_build_object('channelId', 'C_BENCH', 'messageTs', i.id || '.' || n, 'via', 'reaction', 'authorId', 'U_3', 'content', null, 'v', 1)
        when ${EVENTS} then jsonb_build_object('from', 'monitoring', 'summary', 'ok', 'rootCauseConfirmed', true, 'v', 1)
        when 20 then jsonb_build_object('text', 'seen', 'milestone', case when i.id % 10 = 0 then 'detected' end, 'v', 1)
        else jsonb_build_object('text', 'note ' || n, 'milestone', null, 'v', 1) end
    from incidents i cross join generate_series(1, ${EVENTS}) n`));
  await db.execute(sql.raw(`
    insert into timeline_events (incident_id, kind, actor_id, occurred_at, data)
    select e.incident_id, 'entry_edited', 'U_1', e.occurred_at + interval '1 minute',
      jsonb_build_object('entryId', e.id, 'text', 'seen earlier', 'at', to_char((e.occurred_at - interval '2 minutes') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'milestone', 'detected', 'v', 1)
    from timeline_events e where e.kind = 'note_added' and e.data->>'milestone' = 'detected'`));
  await db.execute(sql.raw('analyze incidents; analyze timeline_events'));
}

async function timed(work: () => Promise<unknown>, before: (run: number) => Promise<unknown> = async () => {}): Promise<number[]> {
  await work(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    await before(i);
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

async function run(adminUrl: string): Promise<string[]> {
  const ws = createWorkspace({ ...localProfile('incidents'), signingSecret: SECRET, botToken: LOCAL_BOT_TOKEN });
  const config = loadConfig({ DATABASE_URL: await freshDatabase(adminUrl), PORT: '0', LOG_LEVEL: 'silent', API_TOKEN: 'bench', ACK_DEADLINE_MS: '2500', DATABASE_STATEMENT_TIMEOUT_MS: '300000' });
  const app = await startApplication({ config, logger: createLogger('silent'), sandbox: { workspace: ws, signingSecret: SECRET }, startScheduler: false });
  try {
    const seeding = performance.now();
    await seed(app.database.db);
    const seeded = `${INCIDENTS} incidents, ${INCIDENTS * EVENTS} timeline events written in ${((performance.now() - seeding) / 1000).toFixed(1)} s`;
    const deriving = performance.now();
    const derivedCount = await app.repos.insights.refresh(app.database.db);
    const derived = `figures of ${derivedCount} incidents derived and stored once in ${((performance.now() - deriving) / 1000).toFixed(1)} s (afterwards only an incident whose timeline changes is derived again)`;
    const general = ws.channel('general')!.id;
    const seen = new Set<string>();
    let deferred = 0;
    const command = await timed(async () => {
      const ack = await ws.slashCommand({ userId: 'U_ALICE', channelId: general, text: 'insights 90d' });
      if (ack.status !== 200) throw new Error(`/incident insights answered ${ack.status}`);
      // Until the figures are on screen: at once in the acknowledgement, or "counting…" first and the figures after.
      for (let waited = 0; ; waited += 5) {
        const reply = ws.ephemerals('U_ALICE').find((e) => !seen.has(e.ts) && e.text.includes('Insights, the last 90 days'));
        if (reply) { seen.add(reply.ts); break; }
        if (waited === 0 && ws.ephemerals('U_ALICE').some((e) => !seen.has(e.ts) && e.text.includes('Counting'))) deferred += 1;
        if (waited > 120_000) throw new Error(`the figures never came: ${ws.ephemerals('U_ALICE').slice(-3).map((e) => e.text).join(' | ')}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      for (const e of ws.ephemerals('U_ALICE')) seen.add(e.ts);
    });
    const to = new Date();
    const from = new Date(to.getTime() - 90 * 86_400_000);
    const url = `${app.url}/api/insights?from=${from.toISOString()}&to=${to.toISOString()}`;
    const api = await timed(async () => {
      const res = await fetch(url, { headers: { authorization: 'Bearer bench' } });
      if (res.status !== 200) throw new Error(`GET /api/insights answered ${res.status}`);
      await res.arrayBuffer();
    });
    // As during a busy week: a note added to 100 incidents of the period before each request, so
    // the report first derives and stores their figures again.
    const changed = await timed(async () => {
      const res = await fetch(url, { headers: { authorization: 'Bearer bench' } });
      if (res.status !== 200) throw new Error(`GET /api/insights answered ${res.status}`);
      await res.arrayBuffer();
    }, (run) => app.database.db.execute(sql`
      insert into timeline_events (incident_id, kind, actor_id, occurred_at, data)
      select id, 'note_added', 'U_1', resolved_at - interval '1 minute', jsonb_build_object('text', 'late note', 'milestone', null, 'v', 1)
      from incidents where id % ${Math.max(1, Math.floor(INCIDENTS / CHANGED))} = ${run} limit ${CHANGED}`));
    // The plan of the query every figure starts from, as the report runs it (one snapshot, no JIT),
    // with the marks the last request left (its refresh consumed them: none, so no deriving half).
    await app.repos.insights.refresh(app.database.db);
    const plan = await app.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local jit = off`);
      const [state] = rowsOf<{ marked: boolean }>(await tx.execute(ANY_MARKED));
      return rowsOf<{ 'QUERY PLAN': string }>(await tx.execute(sql`explain (analyze, buffers)
        with ${figuredCtes(from.toISOString(), to.toISOString(), state?.marked ?? true)} select peak, percentile_cont(0.5) within group (order by resolve) from figured group by peak`));
    });
    const planLines = plan.map((r) => r['QUERY PLAN']);
    const indexLines = [...new Set(planLines.filter((l) => /Index/.test(l)).map((l) => l.trim().replace(/\s+\(cost=[^)]*\)/, '')))];
    const execution = planLines.find((l) => l.startsWith('Execution Time'));
    const row = (name: string, t: number[]) =>
      `${name.padEnd(44)} p50 ${percentile(t, 50).toFixed(1)} ms  p99 ${percentile(t, 99).toFixed(1)} ms  (goal p99 <= ${GOAL_MS} ms, ${percentile(t, 99) <= GOAL_MS ? 'met' : 'NOT met'})`;
    return [
      seeded,
      derived,
      `p50 and p99 of ${RUNS} sequential requests each, after a warm-up:`,
      row('/incident insights 90d (until on screen)', command),
      `  ${deferred}/${RUNS + 1} answered "counting…" first (figures later than the ${config.ackDeadlineMs} ms acknowledgement)`,
      row('GET /api/insights, 90 days', api),
      row(`  the same, ${CHANGED} incidents changed before each`, changed),
      `query plan: EXPLAIN (ANALYZE, BUFFERS) of the figures query over 90 days, ${execution ?? ''}; index use:`,
      ...indexLines.map((l) => `  ${l}`),
    ];
  } finally {
    await app.stop();
  }
}

export const insightsBench: BenchModule = { name: 'insights over 10,000 incidents', run: () => withCluster(run) };
