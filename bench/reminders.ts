/**
 * Reminder benchmarks, on a throwaway Postgres (TEST_DATABASE_URL, or a cluster started like the tests'):
 * 1. lateness from a reminder falling due to its message being in Slack (the sandbox), ticking every
 *    TICK_SECONDS (15 s) of virtual time, the tick and the delivery measured in real time;
 * 2. the tick's cost with 1k, 10k and 100k open incidents and the same 50 due, side by side.
 */
import { DateTime } from 'luxon';
import pg from 'pg';
import { SteppedClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { startApplication } from '../src/application.js';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { createRepositories } from '../src/db/repositories/index.js';
import { stageAt } from '../src/domain/reminders.js';
import { DEFAULT_CADENCE } from '../src/domain/severity.js';
import { ReminderService } from '../src/services/reminder-service.js';
import { freshDatabase, percentile, withCluster } from './cluster.js';
import type { BenchModule } from './run.js';

const TICK_SECONDS = 15;
const DUE_PER_TICK = 50;

/** Due → posted, for ~360 SEV-1..3 incidents declared over an hour, over three simulated hours. */
async function lateness(adminUrl: string): Promise<string[]> {
  const clock = new SteppedClock('2026-01-01T00:00:00Z');
  const config = loadConfig({ DATABASE_URL: await freshDatabase(adminUrl), PORT: '0', LOG_LEVEL: 'silent' });
  const app = await startApplication({ config, logger: createLogger('silent'), clock, startScheduler: false });
  try {
    const late: number[] = [];
    // Incidents are declared while the ticker runs: about one every 12 s for the first hour.
    const declareUntil = clock.now().plus({ hours: 1 });
    const end = clock.now().plus({ hours: 3 });
    let declared = 0;
    while (clock.now() < end) {
      // Declared at an arbitrary point between two ticks, as in life.
      const offset = ((declared * 7919) % 1000) / 1000 * TICK_SECONDS;
      clock.advance({ seconds: offset });
      for (let k = 0; k < 1 + (declared % 2) && clock.now() < declareUntil; k++, declared++) {
        await app.incidents.declare({ title: `Bench ${declared}`, severity: (['sev1', 'sev2', 'sev3'] as const)[declared % 3]!, scenario: 'other', impact: '', commanderId: 'U_ALICE', declaredBy: 'U_ALICE' });
      }
      await app.dispatcher.drain();
      clock.advance({ seconds: TICK_SECONDS - offset });
      const started = performance.now();
      const before = clock.now();
      const sent = await app.reminders.tick();
      if (sent === 0) continue;
      await app.dispatcher.drain();
      const realSeconds = (performance.now() - started) / 1000;
      const rows = await app.database.db.execute(sql.raw(
        `select (payload->'reminder'->>'dueAt') as due, (payload->'reminder'->>'stage')::int as stage, (payload->'reminder'->>'cadenceMinutes')::int as cadence
         from outbox where kind = 'reminder.post' and status = 'delivered' and created_at = '${before.toISO()}'::timestamptz`,
      ));
      for (const r of rowsOf<{ due: string; stage: 1 | 2 | 3; cadence: number }>(rows)) {
        const stageDue = stageAt(DateTime.fromISO(r.due, { zone: 'utc' }), r.cadence, r.stage);
        late.push(before.diff(stageDue, 'seconds').seconds + realSeconds);
      }
    }
    late.sort((a, b) => a - b);
    return [
      `lateness due → posted (tick every ${TICK_SECONDS} s, ${late.length} reminders): p50 ${percentile(late, 50).toFixed(2)} s, p99 ${percentile(late, 99).toFixed(2)} s, max ${late.at(-1)?.toFixed(2)} s`,
    ];
  } finally {
    await app.stop();
  }
}

/** The tick with `open` open incidents of which DUE_PER_TICK are due; median of several runs, in ms. */
async function tickCost(adminUrl: string, sizes: number[]): Promise<string[]> {
  const url = await freshDatabase(adminUrl);
  const logger = createLogger('silent');
  const database = await openDatabase({ url, pgliteDir: 'memory://', poolSize: 4, statementTimeoutMs: 120_000 }, logger);
  await migrate(database.db);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const clock = new SteppedClock('2026-01-01T12:00:00Z');
  const service = new ReminderService({ db: database.db, repos: createRepositories(), clock, cadence: DEFAULT_CADENCE, logger, batchSize: 100 });
  const results: { open: number; ms: number; claimMs: number; plan: string }[] = [];
  let have = 0;
  try {
    for (const open of sizes) {
      // Open incidents whose next reminder is hours away, added up to `open`.
      await pool.query(
        `insert into incidents (title, severity, status, scenario, declared_by, started_at, detected_at, declared_at, next_update_due_at, next_reminder_at)
         select 'Bench ' || g, 'sev2', 'investigating', 'other', 'U_ALICE', $1, $1, $1, $2, $2 from generate_series(1, $3) g`,
        ['2026-01-01T11:55:00Z', '2026-01-01T18:00:00Z', open - have],
      );
      have = open;
      await pool.query('analyze incidents');
      const runs: number[] = [];
      for (let run = 0; run < 9; run++) {
        // The same DUE_PER_TICK incidents fall due again, 1 minute ago.
        await pool.query(
          `update incidents set reminder_stage = 0, next_update_due_at = $1, next_reminder_at = $1 where id <= $2`,
          ['2026-01-01T11:59:00Z', DUE_PER_TICK],
        );
        const started = performance.now();
        const sent = await service.tick();
        if (run >= 2) runs.push(performance.now() - started); // two warm-up runs
        if (sent !== DUE_PER_TICK) throw new Error(`expected ${DUE_PER_TICK} reminders, sent ${sent}`);
      }
      runs.sort((a, b) => a - b);
      // The claim alone (the part that could grow with open incidents), in a rolled-back transaction.
      await pool.query(`update incidents set reminder_stage = 0, next_reminder_at = $1 where id <= $2`, ['2026-01-01T11:59:00Z', DUE_PER_TICK]);
      const claims: number[] = [];
      for (let run = 0; run < 22; run++) {
        const started = performance.now();
        await database.db.transaction(async (tx) => {
          await createRepositories().reminders.claimDue(tx, clock.now(), 100);
          tx.rollback();
        }).catch(() => undefined);
        if (run >= 2) claims.push(performance.now() - started);
      }
      claims.sort((a, b) => a - b);
      const plan = await pool.query(
        `explain select id from incidents where status <> 'resolved' and next_reminder_at is not null and next_reminder_at <= now() order by next_reminder_at, id limit 100 for update skip locked`,
      );
      const usesIndex = plan.rows.some((r: Record<string, string>) => Object.values(r)[0]!.includes('incidents_next_reminder_idx'));
      results.push({ open, ms: runs[3]!, claimMs: claims[10]!, plan: usesIndex ? 'partial index' : 'seq scan (planner choice)' });
    }
  } finally {
    await pool.end();
    await database.close();
  }
  const base = results[0]!;
  return results.map(
    (r) =>
      `${String(r.open).padStart(6)} open / ${DUE_PER_TICK} due: tick ${r.ms.toFixed(1)} ms (×${(r.ms / base.ms).toFixed(2)}), ` +
      `claim alone ${r.claimMs.toFixed(2)} ms (×${(r.claimMs / base.claimMs).toFixed(2)}) via ${r.plan}; ratios against ${base.open} open`,
  );
}

export const remindersBench: BenchModule = {
  name: 'reminders',
  run: () => withCluster(async (adminUrl) => [...(await lateness(adminUrl)), ...(await tickCost(adminUrl, [1_000, 10_000, 100_000]))]),
};
