import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe('test Postgres cluster', () => {
  let first: TestDatabase;
  let second: TestDatabase;

  beforeAll(async () => {
    first = await createTestDatabase();
    second = await createTestDatabase();
  });

  afterAll(async () => {
    await first?.drop();
    await second?.drop();
  });

  it('provides the admin URL to test files and to child processes', () => {
    const url = inject('testDatabaseUrl');
    expect(url).toMatch(/^postgres(ql)?:\/\//);
    expect(process.env.TEST_DATABASE_URL).toBe(url);
  });

  it('runs queries on a real server, with the test process in UTC', async () => {
    const [row] = await query<{ sum: number; version: string }>(
      first.url,
      "SELECT 1 + $1::int AS sum, current_setting('server_version_num') AS version",
      [41],
    );
    expect(row?.sum).toBe(42);
    expect(Number(row?.version)).toBeGreaterThanOrEqual(130000);
    expect(new Date().getTimezoneOffset()).toBe(0);
  });

  it('gives each caller its own empty database', async () => {
    expect(first.url).not.toBe(second.url);
    await query(first.url, 'CREATE TABLE only_in_first (id int PRIMARY KEY)');
    await query(first.url, 'INSERT INTO only_in_first VALUES (1)');

    const inFirst = await query<{ n: string }>(first.url, 'SELECT count(*) AS n FROM only_in_first');
    expect(inFirst[0]?.n).toBe('1');
    const inSecond = await query<{ t: string | null }>(second.url, "SELECT to_regclass('only_in_first') AS t");
    expect(inSecond[0]?.t).toBeNull();
  });

  it('drop() removes the database', async () => {
    const scratch = await createTestDatabase();
    const name = new URL(scratch.url).pathname.slice(1);
    const holder = new pg.Client({ connectionString: scratch.url });
    await holder.connect();
    holder.on('error', () => {}); // drop() terminates this connection on purpose
    await scratch.drop();
    await holder.end().catch(() => {});
    const rows = await query(inject('testDatabaseUrl'), 'SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    expect(rows).toHaveLength(0);
  });
});
