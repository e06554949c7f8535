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
import { phasedIncidents } from '../src/db/repositories/insights/phase-sql.js';
import { localProfile } from '../src/local-workspace/profile.js';
import { createLogger } from '../src/logger.js';
import { freshDatabase, percentile, withCluster } from './cluster.js';
import type { BenchModule } from './run.js';

const INCIDENTS = 10_000;
const EVENTS = 100;
const RUNS = 40;
const GOAL_MS = 300;
const SECRET = 'bench-secret';

/** Incidents resolved over the last ~83 days, every tenth with a marked detection; events written by SQL in one go. */
async function seed(db: Db): Promise<void> {
  await db.execute(sql.raw(`
    insert into incidents (title, severity, status, scenario, declared_by, started_at, detected_at, declared_at, resolved_at, is_drill)
    select 'Bench incident ' || g, (array['sev1','sev2','sev3'])[1 + g % 3], 'resolved', 'other', 'U_A',
      now() - g * interval '12 minutes', now() - g * interval '12 minutes' + interval '5 minutes',
      now() - g * interval '12 minutes' + interval '6 minutes', now() - g * interval '12 minutes' + (40 + g % 300) * interval '1 minute',
      g % 50 = 0
    from generate_series(1, ${INCIDENTS}) g`));
  await db.execute(sql.raw(`
    insert into timeline_events (incident_id, kind, actor_id, occurred_at, data)
    select i.id,
      case n when 1 then 'declared' when 40 then 'status_changed' when ${EVENTS} then 'resolved' else 'note_added' end,
      'U_' || (n % 7),
      case n when ${EVENTS} then i.resolved_at else i.declared_at + n * interval '10 seconds' end,
      case n
        when 1 then jsonb_build_object('title', i.title, 'severity', i.severity, 'scenario', 'other', 'commanderId', 'U_1', 'v', 1)
        when 40 then jsonb_build_object('from', 'identified', 'to', 'monitoring', 'v', 1)
        when ${EVENTS} then jsonb_build_object('from', 'monitoring', 'summary', 'ok', 'rootCauseConfirmed', true, 'v', 1)
        when 20 then jsonb_build_object('text', 'seen', 'milestone', case when i.id % 10 = 0 then 'detected' end, 'v', 1)
        else jsonb_build_object('text', 'note ' || n, 'milestone', null, 'v', 1) end
    from incidents i cross join generate_series(1, ${EVENTS}) n`));
  await db.execute(sql.raw('analyze incidents; analyze timeline_events'));
}

async function timed(work: () => Promise<unknown>): Promise<number[]> {
  await work(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
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
    const general = ws.channel('general')!.id;
    let shown = 0;
    const command = await timed(async () => {
      const before = ws.ephemerals('U_ALICE').length;
      await ws.slashCommand({ userId: 'U_ALICE', channelId: general, text: 'insights 90d' });
      const reply = ws.ephemerals('U_ALICE').slice(before).pop();
      if (reply?.text.includes('Insights, the last 90 days')) shown += 1;
    });
    const to = new Date();
    const from = new Date(to.getTime() - 90 * 86_400_000);
    const url = `${app.url}/api/insights?from=${from.toISOString()}&to=${to.toISOString()}`;
    const api = await timed(async () => {
      const res = await fetch(url, { headers: { authorization: 'Bearer bench' } });
      if (res.status !== 200) throw new Error(`GET /api/insights answered ${res.status}`);
      await res.arrayBuffer();
    });
    const plan = rowsOf<{ 'QUERY PLAN': string }>(await app.database.db.execute(sql`explain
      ${phasedIncidents(from.toISOString(), to.toISOString())} select peak, percentile_cont(0.5) within group (order by resolve) from phased group by peak`));
    const indexLines = [...new Set(plan.map((r) => r['QUERY PLAN'].trim()).filter((l) => /Index/.test(l)).map((l) => l.replace(/\s+\(cost=.*$/, '')))];
    const row = (name: string, t: number[]) =>
      `${name.padEnd(44)} p50 ${percentile(t, 50).toFixed(1)} ms  p99 ${percentile(t, 99).toFixed(1)} ms  (goal p99 <= ${GOAL_MS} ms, ${percentile(t, 99) <= GOAL_MS ? 'met' : 'NOT met'})`;
    return [
      seeded,
      row('/incident insights 90d (until on screen)', command),
      `  ${shown}/${RUNS + 1} answers carried the figures at once (the rest "counting…" then the figures)`,
      row('GET /api/insights, 90 days', api),
      'query plan (EXPLAIN of the phase query), index use:',
      ...indexLines.map((l) => `  ${l}`),
    ];
  } finally {
    await app.stop();
  }
}

export const insightsBench: BenchModule = { name: 'insights over 10,000 incidents', run: () => withCluster(run) };
