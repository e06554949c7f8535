/**
 * A user's slow transaction holding one incident's row (a long update, a stuck migration) must not
 * hold up any other incident's reminder: the tick skips locked rows and comes back for them.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/client.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, declare } from '../helpers/flows.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.stop());

async function remindersQueued(incidentId: number): Promise<number> {
  const result = await t.app.database.db.execute(
    sql`select count(*)::int as n from outbox where kind = 'reminder.post' and incident_id = ${incidentId}`,
  );
  return rowsOf<{ n: number }>(result)[0]!.n;
}

const STILL_WAITING = Symbol('the tick is still waiting');
/** Far longer than a tick takes, far shorter than the row lock: the tick must finish inside it. */
const BOUND_MS = 5000;

describe('reminders under a row lock', () => {
  it('a row lock held on one incident does not delay another incident’s reminder', async () => {
    await declare(t.ws, ALICE, 'sev1 Payments failing', { title: 'Payments failing', severity: 'sev1' });
    await declare(t.ws, ALICE, 'sev1 Search failing', { title: 'Search failing', severity: 'sev1' });
    const [held, free] = (await t.app.incidents.listOpen()).map((i) => i.id);
    t.clock.advance({ minutes: 15 });

    const holder = new pg.Client({ connectionString: t.database.url });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('select id from incidents where id = $1 for update', [held]);

      const tick = t.app.reminders.tick();
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([tick, new Promise((r) => (timer = setTimeout(() => r(STILL_WAITING), BOUND_MS)))]);
      clearTimeout(timer);
      expect(outcome).toBe(1);
      expect(await remindersQueued(free!)).toBe(1);
      expect(await remindersQueued(held!)).toBe(0);
      await holder.query('rollback');
      await tick;
    } finally {
      await holder.end();
    }

    // The lock is gone: the next tick sends the held incident's reminder, once.
    expect(await t.app.reminders.tick()).toBe(1);
    expect(await t.app.reminders.tick()).toBe(0);
    expect(await remindersQueued(held!)).toBe(1);
    expect(await remindersQueued(free!)).toBe(1);
  });
});
