/**
 * The database restarts or fails over while a query is running: that query fails, and the process
 * goes on (vitest fails a run on any uncaught exception).
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratedDatabase, type MigratedDatabase } from '../helpers/db.js';

let m: MigratedDatabase;
beforeAll(async () => {
  m = await migratedDatabase();
});
afterAll(async () => m?.close());

describe('a connection lost while in use', () => {
  it('fails the query under way and keeps the process and the pool working', async () => {
    const running = m.database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_sleep(5)`);
    });
    const admin = new pg.Client({ connectionString: m.testDatabase.url });
    await admin.connect();
    try {
      await expect
        .poll(async () => {
          const { rows } = await admin.query(
            "select pg_terminate_backend(pid) as killed from pg_stat_activity where application_name = 'incident-bot' and query like '%pg_sleep%' and pid <> pg_backend_pid()",
          );
          return rows.length;
        }, { timeout: 5000 })
        .toBeGreaterThan(0);
      await expect(running).rejects.toThrow();
      const { rows } = await admin.query('select 1 as one');
      expect(rows).toEqual([{ one: 1 }]);
      // The pool hands out a fresh connection for the next piece of work.
      expect(await m.database.db.execute(sql`select 2 as two`)).toBeDefined();
    } finally {
      await admin.end();
    }
  });
});
