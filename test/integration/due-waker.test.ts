/**
 * Reminders on the second: each replica sleeps until the earliest due time, and a change made on
 * one replica (its transaction's NOTIFY) wakes the others. Behind PgBouncer in transaction mode
 * LISTEN hears nothing; the bot says so once and keeps to the tick.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { listenForDueTimes } from '../../src/composition/due-times.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { createRepositories } from '../../src/db/repositories/index.js';
import { DueWaker } from '../../src/jobs/due-waker.js';
import { createLogger } from '../../src/logger.js';
import { IncidentService } from '../../src/services/incident-service.js';
import { ReminderService } from '../../src/services/reminder-service.js';
import { createTestDatabase, testClusterUrl, type TestDatabase } from '../helpers/database.js';
import { captureLogs } from '../helpers/log-capture.js';
import { startPgBouncer, type PgBouncer } from '../helpers/pgbouncer.js';

const logger = createLogger('silent');
/** Three seconds to the first reminder: fractions of a minute are fine to the services. */
const cadence = { sev1: 0.05, sev2: 30, sev3: 60 };

let test: TestDatabase;
const open: Database[] = [];
const stops: Array<() => Promise<void> | void> = [];
beforeAll(async () => {
  test = await createTestDatabase();
});
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
  for (const db of open.splice(0)) await db.close();
});
afterAll(async () => test?.drop());

async function replica(url = test.url, listenUrl?: string) {
  const database = await openDatabase({ url, listenUrl, pgliteDir: 'memory://', poolSize: 4, statementTimeoutMs: 5000 }, logger);
  open.push(database);
  await migrate(database.db);
  const repos = createRepositories();
  const deps = { db: database.db, repos, clock: systemClock, cadence, logger };
  return { database, incidents: new IncidentService(deps), reminders: new ReminderService(deps) };
}

describe('waking at the next due time', () => {
  it('a replica that did not make the change posts the reminder within 1 s of its due time', async () => {
    const a = await replica();
    const b = await replica();
    const sent: number[] = [];
    const waker = new DueWaker({
      clock: systemClock,
      nextDueAt: () => b.reminders.nextDueAt(),
      run: async () => sent.push(await b.reminders.tick()),
      maxSleepMs: 60_000,
      logger,
    });
    const listener = await listenForDueTimes(b.database, () => waker.changed(), logger);
    expect(listener).toBeDefined();
    waker.start();
    stops.push(() => waker.stop(), () => listener!.close());

    // Nothing is due: B sleeps a minute. A declares a SEV-1 whose first reminder is due in 3 s.
    const incident = await a.incidents.declare({ title: 'Checkout failing', severity: 'sev1', scenario: 'other', impact: 'x', commanderId: 'U_A', declaredBy: 'U_A' });
    const due = incident.nextUpdateDueAt!;
    const reminder = await waitFor(async () => {
      const events = await a.database.db.query.timelineEvents.findMany();
      return events.find((e) => e.kind === 'reminder_sent');
    }, 8000);
    const lateMs = reminder.occurredAt.getTime() - due.toMillis();
    expect(lateMs).toBeGreaterThanOrEqual(0);
    expect(lateMs).toBeLessThan(1000);
    expect(sent.reduce((x, y) => x + y, 0)).toBe(1);
  }, 20_000);
});

describe('behind PgBouncer in transaction mode', () => {
  let bouncer: PgBouncer;
  beforeAll(async () => {
    bouncer = await startPgBouncer(testClusterUrl());
  });
  afterAll(async () => bouncer?.stop());

  it('LISTEN through the pooler hears nothing: the bot says so once and keeps to the tick; DATABASE_LISTEN_URL fixes it', async () => {
    const pooled = await replica(bouncer.via(test.url));
    const logs = captureLogs('warn');
    expect(await listenForDueTimes(pooled.database, () => undefined, logs.logger, 1000)).toBeUndefined();
    const warnings = logs.records.filter((r) => String(r.msg).includes('DATABASE_LISTEN_URL'));
    expect(warnings).toHaveLength(1);

    const direct = await replica(bouncer.via(test.url), test.url);
    const listener = await listenForDueTimes(direct.database, () => undefined, logs.logger, 1000);
    expect(listener).toBeDefined();
    await listener!.close();
  }, 30_000);
});

async function waitFor<T>(read: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
