/**
 * Resident memory of the bot as `npm start` runs it, read from /proc: against Postgres (with
 * Slack credentials, Slack played by a local workspace in this process), idle and then with
 * 10,000 open incidents; and the local workspace mode (PGlite, the page), idle. Goals from issue
 * 13: 150 MiB, 250 MiB and 400 MiB.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createWorkspace } from 'local-slack-workspace';
import { localProfile } from '../src/local-workspace/profile.js';
import { freshDatabase, withCluster } from './cluster.js';
import type { BenchModule } from './run.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MiB = (kb: number) => (kb / 1024).toFixed(0);

function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
}

/** The bot's process (node, not npm), started as `npm start` starts it, once it listens. */
async function startBot(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, LOG_LEVEL: 'info', PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  for (let i = 0; i < 600 && !/is running|Open http/.test(out); i++) {
    if (child.exitCode !== null) throw new Error(`the bot exited: ${out}`);
    await sleep(100);
  }
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Median of a few reads a second apart, after the process has settled. */
async function settledRss(pid: number): Promise<number> {
  await sleep(10_000);
  const reads: number[] = [];
  for (let i = 0; i < 5; i++, await sleep(1000)) reads.push(rssKb(pid));
  return reads.sort((a, b) => a - b)[2]!;
}

async function run(adminUrl: string): Promise<string[]> {
  const lines: string[] = [];
  // Against Postgres, with "Slack" here.
  const url = await freshDatabase(adminUrl);
  const ws = createWorkspace({ ...localProfile('incidents'), signingSecret: 'memory-bench', botToken: 'xoxb-memory-bench' });
  const base = await ws.listen();
  const bot = await startBot({ DATABASE_URL: url, SLACK_BOT_TOKEN: 'xoxb-memory-bench', SLACK_SIGNING_SECRET: 'memory-bench', SLACK_API_URL: `${base}/workspace/api/` });
  try {
    const idle = await settledRss(bot.pid!);
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    await db.query(`
      insert into incidents (title, severity, status, scenario, impact, declared_by, started_at, detected_at, declared_at, next_update_due_at, next_reminder_at)
      select 'Open ' || g, 'sev2', 'investigating', 'other', 'x', 'U_ALICE', now(), now(), now(), now() + interval '1 day', now() + interval '1 day'
      from generate_series(1, 10000) g`);
    await db.query(`insert into incident_roles (incident_id, role, user_id, assigned_at) select id, 'commander', 'U_ALICE', now() from incidents`);
    await db.end();
    const loaded = await settledRss(bot.pid!);
    lines.push(`bot on Postgres, idle: ${MiB(idle)} MiB  [goal ≤ 150 MiB: ${idle / 1024 <= 150 ? 'meets goal' : 'MISSES goal'}]`);
    lines.push(`bot on Postgres, 10,000 open incidents: ${MiB(loaded)} MiB  [goal ≤ 250 MiB: ${loaded / 1024 <= 250 ? 'meets goal' : 'MISSES goal'}]`);
  } finally {
    await stop(bot);
    await ws.close();
  }
  // The local workspace: PGlite and the page, as on a laptop.
  const dir = mkdtempSync(join(tmpdir(), 'memory-bench-'));
  const local = await startBot({ PGLITE_DIR: dir });
  try {
    const idle = await settledRss(local.pid!);
    lines.push(`local workspace (PGlite, page), idle: ${MiB(idle)} MiB  [goal ≤ 400 MiB: ${idle / 1024 <= 400 ? 'meets goal' : 'MISSES goal'}]`);
  } finally {
    await stop(local);
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

export const memoryBench: BenchModule = { name: 'resident memory (RSS)', run: () => withCluster(run) };
