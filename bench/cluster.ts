import { randomBytes } from 'node:crypto';
import pg from 'pg';
import startCluster from '../test/helpers/postgres-cluster.js';

/** Runs `work` against TEST_DATABASE_URL, or a throwaway cluster started like the tests'. */
export async function withCluster<T>(work: (adminUrl: string) => Promise<T>): Promise<T> {
  let teardown: (() => Promise<void>) | undefined;
  if (!process.env.TEST_DATABASE_URL) teardown = await startCluster({ provide: () => {} } as never);
  try {
    return await work(process.env.TEST_DATABASE_URL!);
  } finally {
    await teardown?.();
  }
}

export async function freshDatabase(adminUrl: string): Promise<string> {
  const name = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template template0`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
