import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import type { Logger } from '../logger.js';
import type { Database } from './client.js';
import * as schema from './schema.js';

/**
 * The embedded database of a laptop's trial (no DATABASE_URL). This module, PGlite and drizzle's
 * PGlite driver are loaded only then: a bot on Postgres never holds them.
 */
export async function openPglite(dir: string, logger: Logger): Promise<Database> {
  if (dir !== 'memory://') {
    mkdirSync(dir, { recursive: true });
    await initdbInChildProcess(dir);
  }
  // A laptop's trial database: Postgres's server-sized buffers cost ~100 MiB of resident memory here for nothing.
  const client = new PGlite(dir, {
    postgresqlconf: ['shared_buffers=16MB', 'wal_buffers=1MB', 'work_mem=2MB', 'maintenance_work_mem=8MB', 'temp_buffers=2MB'],
  });
  await client.waitReady;
  logger.info({ dir }, 'using the embedded PGlite database');
  return {
    db: drizzle(client, { schema }),
    kind: 'pglite',
    close: () => client.close(),
    poolStats: () => ({ inUse: 0, waiting: 0 }),
    listen: async (channel, onNotify) => {
      const unlisten = await client.listen(channel, onNotify);
      return { close: () => unlisten() };
    },
  };
}

/**
 * Creates the database in `dir` if there is none yet, in a short-lived child process. PGlite's
 * initdb runs a second Postgres and an initdb WebAssembly instance beside the one that serves;
 * done in this process their memory stays resident long after (a first start idled at ~730 MiB
 * against ~255 MiB on every later one). The child's exit gives it all back.
 */
async function initdbInChildProcess(dir: string): Promise<void> {
  if (existsSync(join(dir, 'PG_VERSION'))) return;
  // PGlite's CommonJS entry by absolute path: the child runs plain JavaScript, whatever runs this process.
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const script = [
    `const { PGlite } = require(${JSON.stringify(entry)});`,
    'const db = new PGlite(process.argv[1]);',
    'db.waitReady.then(() => db.close()).catch((err) => { console.error(err); process.exit(1); });',
  ].join('\n');
  await promisify(execFile)(process.execPath, ['-e', script, dir]).catch((err: unknown) => {
    const stderr = err instanceof Error && 'stderr' in err ? String(err.stderr).trim() : '';
    throw new Error(`could not create the PGlite database in ${dir}${stderr ? `: ${stderr}` : ''}`, { cause: err });
  });
}
