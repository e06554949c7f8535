/**
 * Resident memory of the bot as `npm start` runs it (its prestart build, then the command it
 * execs, both read from package.json), from /proc: against Postgres (with Slack credentials, Slack
 * played by a local workspace in this process) idle and then with 10,000 open incidents and one
 * `/incident list` of them; and in the local workspace mode (PGlite and the page) on its first
 * start, then with 10,000 open incidents listed once. Goals from issue 13: 150, 250 and 400 MiB.
 *
 * Idle is the settled figure, 60 s after start: V8 gives back its start-up young generation only
 * when it sees the process idle (after 20–40 s here), and a bot idles for hours. The figure 10 s
 * after start is printed beside it.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createWorkspace } from 'local-slack-workspace';
import { localProfile } from '../src/local-workspace/profile.js';
import { freshDatabase, withCluster } from './cluster.js';
import type { BenchModule } from './run.js';

const OPEN = 10_000;
const SETTLE_MS = 60_000;
const EARLY_MS = 10_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MiB = (kb: number) => (kb / 1024).toFixed(0);

/** The same rows on both databases: open incidents, each with a commander, next update due tomorrow. */
const SEED_SQL = [
  `insert into incidents (title, severity, status, scenario, impact, declared_by, started_at, detected_at, declared_at, next_update_due_at, next_reminder_at)
   select 'Open ' || g, 'sev2', 'investigating', 'other', 'x', 'U_ALICE', now(), now(), now(), now() + interval '1 day', now() + interval '1 day'
   from generate_series(1, ${OPEN}) g`,
  `insert into incident_roles (incident_id, role, user_id, assigned_at) select id, 'commander', 'U_ALICE', now() from incidents`,
];

function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
}

/** `npm start`'s command: its prestart is run once here, and its `exec node …` is what the bot is started with. */
function npmStartCommand(): string[] {
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
  const start = scripts['start'] ?? '';
  if (!start.startsWith('exec node ')) throw new Error(`npm start is "${start}"; this bench knows how to measure "exec node …" only`);
  if (scripts['prestart']) execFileSync('npm', ['run', '--silent', 'prestart'], { stdio: 'inherit' });
  return start.slice('exec node '.length).split(/\s+/);
}

interface Bot { child: ChildProcess; url: string }

/** The bot's process (node, not npm), started as `npm start` starts it, once it listens. */
async function startBot(command: string[], env: Record<string, string>): Promise<Bot> {
  const child = spawn(process.execPath, command, {
    env: { ...process.env, LOG_LEVEL: 'info', PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  for (let i = 0; i < 600; i++) {
    const port = /"port":(\d+).*is running|Open http:\/\/localhost:(\d+)/.exec(out);
    if (port) return { child, url: `http://127.0.0.1:${port[1] ?? port[2]}` };
    if (child.exitCode !== null) throw new Error(`the bot exited: ${out}`);
    await sleep(100);
  }
  throw new Error(`the bot did not start: ${out}`);
}

async function stop(bot: Bot): Promise<void> {
  if (bot.child.exitCode !== null) return;
  const exited = new Promise((r) => bot.child.once('exit', r));
  bot.child.kill('SIGTERM');
  await exited;
}

/** How many open incidents the bot itself reports on /metrics: the figure is taken with them in its database. */
async function openIncidents(bot: Bot): Promise<number> {
  const text = await (await fetch(`${bot.url}/metrics`)).text();
  return [...text.matchAll(/^incident_bot_incidents_open\{[^}]*\} (\d+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
}

/** RSS 10 s after `since`, and settled (median of five reads a second apart from 60 s on). */
async function rss(pid: number, since: number): Promise<{ early: number; settled: number }> {
  await sleep(since + EARLY_MS - Date.now());
  const early = rssKb(pid);
  await sleep(since + SETTLE_MS - Date.now());
  const reads: number[] = [];
  for (let i = 0; i < 5; i++, await sleep(1000)) reads.push(rssKb(pid));
  return { early, settled: reads.sort((a, b) => a - b)[2]! };
}

interface Figure { early: number; settled: number; earlyWhen: string }

function line(label: string, figure: Figure, goalMiB: number, goalNote = ''): string {
  const verdict = figure.settled / 1024 <= goalMiB ? 'meets goal' : 'MISSES goal';
  return `${label}: ${MiB(figure.settled)} MiB settled (${MiB(figure.early)} MiB ${figure.earlyWhen})  [goal ≤ ${goalMiB} MiB${goalNote}: ${verdict}]`;
}

/**
 * Checks on /metrics that the bot holds the incidents, has someone type `/incident list` (which
 * reads every open incident), then measures from `since`.
 */
async function withOpenIncidents(bot: Bot, since: number, earlyWhen: string, list: () => Promise<void>): Promise<Figure> {
  const open = await openIncidents(bot);
  if (open !== OPEN) throw new Error(`the bot reports ${open} open incidents, not ${OPEN}`);
  await list();
  return { ...(await rss(bot.child.pid!, since)), earlyWhen };
}

/** `/incident list` typed on the page of a bot running the local workspace. */
async function listOnPage(bot: Bot): Promise<void> {
  const state = (await (await fetch(`${bot.url}/sandbox/state?user=U_ALICE`)).json()) as { channels: { id: string; name: string }[] };
  const general = state.channels.find((c) => c.name === 'general')!.id;
  const sent = await fetch(`${bot.url}/sandbox/command`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'U_ALICE', channelId: general, text: '/incident list' }),
  });
  if (!sent.ok) throw new Error(`/incident list: ${sent.status}`);
}

async function onPostgres(command: string[], adminUrl: string): Promise<string[]> {
  const url = await freshDatabase(adminUrl);
  const ws = createWorkspace({ ...localProfile('incidents'), signingSecret: 'memory-bench', botToken: 'xoxb-memory-bench' });
  const base = await ws.listen();
  const started = Date.now();
  const bot = await startBot(command, { DATABASE_URL: url, SLACK_BOT_TOKEN: 'xoxb-memory-bench', SLACK_SIGNING_SECRET: 'memory-bench', SLACK_API_URL: `${base}/workspace/api/` });
  ws.setBotRequestUrl(`${bot.url}/slack/events`);
  const list = async () => {
    const ack = await ws.slashCommand({ userId: 'U_ALICE', channelId: ws.channel('general')!.id, text: 'list' });
    if (ack.status !== 200) throw new Error(`/incident list: ${ack.status}`);
  };
  try {
    const idle = { ...(await rss(bot.child.pid!, started)), earlyWhen: '10 s after start' };
    const seeded = Date.now();
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    for (const sql of SEED_SQL) await db.query(sql);
    await db.end();
    const loaded = await withOpenIncidents(bot, seeded, '10 s after they were added', list);
    return [line('bot on Postgres, idle', idle, 150), line(`bot on Postgres, ${OPEN.toLocaleString('en')} open incidents`, loaded, 250)];
  } finally {
    await stop(bot);
    await ws.close();
  }
}

/**
 * PGlite serves one process: the incidents go in while the bot is stopped (by the same SQL, this
 * process opening the database), and the bot is measured on the start after, as a laptop that
 * has run many drills would start.
 */
async function local(command: string[]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'memory-bench-'));
  try {
    const first = Date.now();
    const fresh = await startBot(command, { PGLITE_DIR: dir });
    const idle = { ...(await rss(fresh.child.pid!, first).finally(() => stop(fresh))), earlyWhen: '10 s after start' };
    const db = new PGlite(dir);
    for (const sql of SEED_SQL) await db.query(sql);
    await db.close();
    const second = Date.now();
    const bot = await startBot(command, { PGLITE_DIR: dir });
    const loaded = await withOpenIncidents(bot, second, '10 s after start', () => listOnPage(bot)).finally(() => stop(bot));
    return [
      line('local workspace (PGlite, page), idle, first start', idle, 400),
      line(`local workspace, ${OPEN.toLocaleString('en')} open incidents`, loaded, 400, ', the idle goal'),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const memoryBench: BenchModule = {
  name: 'resident memory (RSS)',
  run: async () => {
    const command = npmStartCommand();
    return [...(await withCluster((adminUrl) => onPostgres(command, adminUrl))), ...(await local(command))];
  },
};
