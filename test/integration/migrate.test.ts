import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf, type Database } from '../../src/db/client.js';
import { migrate, migrationsApplied } from '../../src/db/migrate.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

let testDb: TestDatabase;
const opened: Database[] = [];
const open = async () => {
  const db = await openDatabase({ url: testDb.url, pgliteDir: '', poolSize: 2, statementTimeoutMs: 5000 }, pino({ level: 'silent' }));
  opened.push(db);
  return db;
};

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  for (const db of opened) await db.close();
  await testDb.drop();
});

describe('migrations at start-up', () => {
  it('lets replicas that start together migrate once, without colliding', async () => {
    const replicas = await Promise.all([open(), open(), open(), open()]);
    expect(await migrationsApplied(replicas[0].db)).toBe(false);
    const results = await Promise.all(replicas.map((r) => migrate(r.db)));
    const applied = results.map((r) => r.applied).sort();
    expect(applied.filter((n) => n > 0)).toHaveLength(1);
    expect(applied.slice(0, 3)).toEqual([0, 0, 0]);
    expect(await migrationsApplied(replicas[0].db)).toBe(true);
    const tables = rowsOf<{ n: number }>(
      await replicas[0].db.execute(sql`select count(*)::int as n from information_schema.tables where table_name = 'incidents'`),
    );
    expect(tables[0]!.n).toBe(1);
  });
});
