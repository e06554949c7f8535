import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Logger } from '../logger.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction or the database itself: repositories accept either. */
export type Executor = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export interface DatabaseOptions {
  url?: string;
  /** A direct connection for LISTEN when `url` goes through PgBouncer in transaction mode. */
  listenUrl?: string;
  pgliteDir: string;
  poolSize: number;
  statementTimeoutMs: number;
}

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
  /** Connections checked out and queries waiting for one (PGlite has no pool: zeros). */
  poolStats(): { inUse: number; waiting: number };
  /** LISTENs on `channel` on a connection of its own; `onNotify` gets each payload. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<{ close(): Promise<void> }>;
}

/**
 * One bounded pool per process with statement and connection timeouts (the lesson of the seeds);
 * PGlite in a local folder when no DATABASE_URL is given.
 */
export async function openDatabase(options: DatabaseOptions, logger: Logger): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize,
      statement_timeout: options.statementTimeoutMs,
      query_timeout: options.statementTimeoutMs + 1000,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
      application_name: 'incident-bot',
    });
    pool.on('error', (err) => logger.warn({ err: err.message }, 'idle database connection failed'));
    // A connection lost while checked out (a failover, a restart) emits 'error' on its client,
    // which pg-pool does not listen to then: without this the process would die of it. The
    // query under way still fails, and its caller answers for it.
    pool.on('connect', (client) => {
      client.on('error', (err) => logger.warn({ err: err.message }, 'database connection lost while in use'));
    });
    return {
      db: drizzle(pool, { schema }),
      kind: 'postgres',
      close: () => pool.end(),
      poolStats: () => ({ inUse: pool.totalCount - pool.idleCount, waiting: pool.waitingCount }),
      listen: (channel, onNotify) => listenOn(options.listenUrl ?? options.url!, channel, onNotify, logger),
    };
  }
  // Loaded only without DATABASE_URL: PGlite's code is no weight on a bot run against Postgres.
  const { openPglite } = await import('./pglite.js');
  return openPglite(options.pgliteDir, logger);
}

/** A connection that only listens; if it drops, the caller's safety-net tick carries on. */
async function listenOn(url: string, channel: string, onNotify: (payload: string) => void, logger: Logger) {
  const client = new pg.Client({ connectionString: url, application_name: 'incident-bot-listen', connectionTimeoutMillis: 5000 });
  client.on('error', (err) => logger.warn({ err: err.message }, 'the LISTEN connection failed; due times are read on the tick until restart'));
  client.on('notification', (message) => {
    if (message.channel === channel) onNotify(message.payload ?? '');
  });
  await client.connect();
  await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
  return { close: () => client.end() };
}

/** `execute` answers `{ rows }` on both drivers. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
