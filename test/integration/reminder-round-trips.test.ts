/**
 * What a storm of due reminders costs the database: statements sent to Postgres per reminder
 * queued, counted on the wire (every pg.Client query, BEGIN and COMMIT included).
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { SteppedClock } from '../../src/clock.js';
import { rowsOf } from '../../src/db/client.js';
import { createRepositories } from '../../src/db/repositories/index.js';
import { DEFAULT_CADENCE } from '../../src/domain/severity.js';
import { IncidentService } from '../../src/services/incident-service.js';
import { ReminderService } from '../../src/services/reminder-service.js';
import { START } from '../helpers/app.js';
import { countStatements } from '../helpers/count-statements.js';
import { migratedDatabase, type MigratedDatabase } from '../helpers/db.js';
import { ALICE } from '../helpers/flows.js';

let migrated: MigratedDatabase;
beforeAll(async () => {
  migrated = await migratedDatabase();
});
afterAll(async () => migrated?.close());

/** Runs `work` counting every statement any pg.Client sends meanwhile. */
async function countingStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const counter = countStatements();
  try {
    return { result: await work(), statements: counter.count() };
  } finally {
    counter.restore();
  }
}

describe('database round trips of the reminder tick', () => {
  it('queues a storm of 1,000 reminders in a handful of statements per batch', async () => {
    const { db } = migrated.database;
    const clock = new SteppedClock(START);
    const repos = createRepositories();
    const logger = pino({ level: 'silent' });
    const incidents = new IncidentService({ db, repos, clock, cadence: DEFAULT_CADENCE, logger });
    for (let i = 0; i < 1000; i++) {
      await incidents.declare({ title: `Storm ${i}`, severity: 'sev1', scenario: 'other', impact: '', commanderId: ALICE, declaredBy: ALICE });
    }
    const reminders = new ReminderService({ db, repos, clock, cadence: DEFAULT_CADENCE, logger, batchSize: 100 });
    clock.advance({ minutes: 15 });

    const { result: queued, statements } = await countingStatements(() => reminders.tick());
    const perReminder = statements / queued;
    process.stdout.write(`reminder tick: ${queued} reminders queued in ${statements} statements (${perReminder.toFixed(3)} per reminder)\n`);

    expect(queued).toBe(1000);
    const posts = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from outbox where kind = 'reminder.post'`))[0]!.n;
    const homes = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from outbox where kind = 'home.refresh' and created_at = ${clock.now().toJSDate().toISOString()}::timestamptz`))[0]!.n;
    expect(posts).toBe(1000);
    expect(homes).toBeLessThanOrEqual(10); // one per batch, not one per reminder
    expect(perReminder).toBeLessThan(0.2);
  }, 120_000);
});
