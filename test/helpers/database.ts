/**
 * Per-test-file databases on the cluster started by `postgres-cluster.ts` (vitest globalSetup).
 *
 *   const db = await createTestDatabase();   // in beforeAll
 *   ... new pg.Pool({ connectionString: db.url }) ...
 *   await db.drop();                         // in afterAll, after closing your pools
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export interface TestDatabase {
  /** Connection URL of a new, empty database that only this caller uses. */
  url: string;
  /** Drops the database, disconnecting anyone still connected. */
  drop(): Promise<void>;
}

/** Superuser URL of the test cluster (or of the server named by TEST_DATABASE_URL). */
export function testClusterUrl(): string {
  let url: string | undefined;
  try {
    url = inject('testDatabaseUrl');
  } catch {
    // Not inside a vitest worker (e.g. a child process): fall back to the environment.
  }
  url ??= process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error('No test database: run through vitest (globalSetup test/helpers/postgres-cluster.ts) or set TEST_DATABASE_URL.');
  }
  return url;
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = testClusterUrl();
  const name = `test_${process.pid}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  // template0: never inherits anything someone created in template1.
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE template0`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
    },
  };
}
