/**
 * Vitest globalSetup: a throwaway PostgreSQL cluster for the whole test run.
 *
 * - `TEST_DATABASE_URL` set: use that server as is (nothing started, nothing stopped).
 * - Otherwise: find the machine's Postgres binaries, `initdb` a fresh cluster in a temp dir
 *   (as the `postgres` OS user when running as root), start it with `pg_ctl` on a free loopback
 *   port with trust auth, and stop and delete it in teardown.
 *
 * The admin URL reaches test files through `inject('testDatabaseUrl')` and child processes through
 * `process.env.TEST_DATABASE_URL`. Test files normally call `createTestDatabase()` from
 * `./database.ts` instead of using the admin URL directly.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the test cluster (database `postgres`). */
    testDatabaseUrl: string;
  }
}

const run = promisify(execFile);

const INSTALL_HINT =
  'No PostgreSQL server binaries (initdb, pg_ctl) were found; the integration tests need them.\n' +
  '  Debian/Ubuntu: apt-get update && apt-get install -y postgresql\n' +
  '  macOS:         brew install postgresql@16\n' +
  'Or point the tests at an existing server: TEST_DATABASE_URL=postgres://user:pass@host:5432/postgres';

const hasServerBinaries = (dir: string): boolean =>
  existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'));

/** Directories to look in, most specific first: pg_config, Debian's layout (newest first), PATH. */
function candidateBinDirs(): string[] {
  const dirs: string[] = [];
  try {
    dirs.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    // pg_config not installed: fall through to the other places.
  }
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    dirs.push(...versions.map((v) => path.join(debianRoot, v, 'bin')));
  }
  dirs.push(...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean));
  return dirs;
}

export function findPostgresBinDir(): string {
  const dir = candidateBinDirs().find(hasServerBinaries);
  if (!dir) throw new Error(INSTALL_HINT);
  return dir;
}

async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not allocate a port'))));
    });
  });
}

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

/** Command line for a Postgres binary, wrapped in `runuser -u postgres --` when we are root. */
function asPostgresUser(binary: string, args: string[]): [string, string[]] {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
}

function postgresOwner(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error(
      'Tests run as root, and initdb refuses to run as root, but there is no `postgres` OS user.\n' +
        '  Create it (apt-get install -y postgresql does) or run the tests as an ordinary user.',
    );
  }
}

interface Cluster {
  url: string;
  stop(): Promise<void>;
}

async function startCluster(): Promise<Cluster> {
  const binDir = findPostgresBinDir();
  const baseDir = mkdtempSync(path.join(tmpdir(), 'incident-bot-pg-'));
  const dataDir = path.join(baseDir, 'data');
  const logFile = path.join(baseDir, 'postgres.log');
  if (isRoot()) {
    const { uid, gid } = postgresOwner();
    chownSync(baseDir, uid, gid);
  }

  const exec = async (binary: string, args: string[]): Promise<void> => {
    const [cmd, argv] = asPostgresUser(path.join(binDir, binary), args);
    try {
      await run(cmd, argv, { env: { ...process.env, LC_ALL: 'C', LANG: 'C' } });
    } catch (error) {
      const e = error as { stderr?: string; stdout?: string; message: string };
      const log = existsSync(logFile) ? `\n--- ${logFile} ---\n${readFileSync(logFile, 'utf8')}` : '';
      throw new Error(`${binary} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}${log}`, { cause: error });
    }
  };

  let stopped = false;
  const stopSync = (): void => {
    if (stopped) return;
    stopped = true;
    try {
      const [cmd, argv] = asPostgresUser(path.join(binDir, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'immediate', '-w']);
      execFileSync(cmd, argv, { stdio: 'ignore' });
    } catch {
      // Not running (or already gone): nothing to stop.
    }
    rmSync(baseDir, { recursive: true, force: true });
  };
  // If vitest dies without running teardown, do not leave a postgres process behind.
  process.once('exit', stopSync);

  try {
    await exec('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync']);
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freeLoopbackPort();
      const options = [
        `-p ${port}`,
        '-c listen_addresses=127.0.0.1',
        `-c unix_socket_directories=${baseDir}`,
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=300',
        '-c TimeZone=UTC',
      ].join(' ');
      try {
        await exec('pg_ctl', ['start', '-w', '-t', '60', '-D', dataDir, '-l', logFile, '-o', options]);
        return {
          url: `postgres://postgres@127.0.0.1:${port}/postgres`,
          stop: () => {
            process.removeListener('exit', stopSync);
            stopSync();
            return Promise.resolve();
          },
        };
      } catch (error) {
        lastError = error; // most likely the port was taken between probing and binding: retry
      }
    }
    throw lastError;
  } catch (error) {
    stopSync();
    process.removeListener('exit', stopSync);
    throw error;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    project.provide('testDatabaseUrl', external);
    return async () => {};
  }
  const cluster = await startCluster();
  process.env.TEST_DATABASE_URL = cluster.url;
  project.provide('testDatabaseUrl', cluster.url);
  return async () => {
    delete process.env.TEST_DATABASE_URL;
    await cluster.stop();
  };
}
