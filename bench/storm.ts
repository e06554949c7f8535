/**
 * A reminder storm at Slack's rate limit: 1,000 incidents spread over 100 channels fall due at the
 * same moment, three replicas of the bot share one database, and the local workspace allows one
 * message a second per channel (Slack's short burst allowed; 429 with Retry-After beyond it). The floor is the busiest channel's messages at one a second. Printed:
 * the total time from the due moment to the last reminder posted, against 1.2× that floor; lost
 * and doubled reminders; 429s; and database round trips per reminder (every query any
 * connection of the bot sent, from the due moment until the last was recorded delivered).
 */
import { cpus, loadavg } from 'node:os';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { WebClient } from '@slack/web-api';
import { createWorkspace } from 'local-slack-workspace';
import { rowsOf } from '../src/db/client.js';
import { LOCAL_BOT_TOKEN } from '../src/application.js';
import { localProfile } from '../src/local-workspace/profile.js';
import { freshDatabase, withCluster } from './cluster.js';
import type { BenchModule } from './run.js';
import type { ReplicaReply, ReplicaRequest } from './storm-replica.js';

const REMINDERS = 1000;
const CHANNELS = 100;
const PER_SECOND = 1;
const GOAL_RATIO = 1.2;
const REPLICAS = 3;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A replica in a worker thread of its own: its own event loop, as in its own process. */
class Replica {
  private readonly worker: Worker;
  private readonly replies: ReplicaReply[] = [];
  private readonly waiting: Array<(reply: ReplicaReply) => void> = [];
  private readonly exited: Promise<void>;

  constructor(env: Record<string, string>) {
    // The worker loads TypeScript as the bench does (tsx).
    this.worker = new Worker(new URL('./storm-replica-entry.mjs', import.meta.url), { workerData: { env } });
    this.exited = once(this.worker, 'exit').then(() => undefined, () => undefined);
    this.worker.on('message', (reply: ReplicaReply) => {
      const next = this.waiting.shift();
      if (next) next(reply);
      else this.replies.push(reply);
    });
  }

  next(): Promise<ReplicaReply> {
    const ready = this.replies.shift();
    return ready ? Promise.resolve(ready) : new Promise((resolve, reject) => {
      this.waiting.push(resolve);
      this.worker.once('error', reject);
    });
  }

  async ask(request: ReplicaRequest): Promise<ReplicaReply> {
    this.worker.postMessage(request);
    return this.next();
  }

  async stop(): Promise<void> {
    await Promise.race([this.ask('stop'), this.exited]);
    await this.worker.terminate();
  }
}

async function storm(adminUrl: string): Promise<string[]> {
  const url = await freshDatabase(adminUrl);
  const ws = createWorkspace({
    ...localProfile('incidents'), signingSecret: 'storm-bench', botToken: LOCAL_BOT_TOKEN,
    rateLimits: { 'chat.postMessage': { perChannelPerSecond: PER_SECOND } },
  });
  const base = await ws.listen(0, '127.0.0.1');
  let bench: pg.Client | undefined;
  const replicas: Replica[] = [];
  try {
    const env = {
      DATABASE_URL: url, PORT: '0', LOG_LEVEL: 'silent', REMINDERS_IN: 'incident',
      SLACK_BOT_TOKEN: LOCAL_BOT_TOKEN, SLACK_SIGNING_SECRET: 'storm-bench', SLACK_API_URL: `${base}/workspace/api/`,
    };
    // One at a time: the first migrates the database.
    for (let i = 0; i < REPLICAS; i++) {
      replicas.push(new Replica(env));
      await replicas[i]!.next();
    }
    const slack = new WebClient(LOCAL_BOT_TOKEN, { slackApiUrl: `${base}/workspace/api/` });
    const channels: string[] = [];
    for (let i = 0; i < CHANNELS; i++) channels.push((await slack.conversations.create({ name: `storm-${i}` })).channel!.id!);
    bench = new pg.Client({ connectionString: url });
    await bench.connect();
    // Incident i in channel i mod 100, ten to a channel, all due in three seconds.
    await bench.query(
      `insert into incidents (title, severity, status, scenario, impact, declared_by, channel_id, channel_name, started_at, detected_at, declared_at, next_update_due_at, next_reminder_at)
       select 'Storm ' || g, 'sev2', 'investigating', 'other', 'x', 'U_ALICE', ($1::text[])[1 + g % ${CHANNELS}], 'storm', now(), now(), now(),
              date_trunc('second', now()) + interval '3 seconds', date_trunc('second', now()) + interval '3 seconds'
       from generate_series(0, ${REMINDERS - 1}) g`,
      [channels],
    );
    await bench.query(`insert into incident_roles (incident_id, role, user_id, assigned_at) select id, 'commander', 'U_ALICE', now() from incidents`);
    const dueAt = new Date(rowsOf<{ at: Date }>(await bench.query('select min(next_reminder_at) as at from incidents'))[0]!.at).getTime();
    await sleep(Math.max(0, dueAt - Date.now()));
    for (const replica of replicas) await replica.ask('mark');
    const calls = ws.callLog().length;
    let delivered = 0;
    for (let waited = 0; waited < 120_000 && delivered < REMINDERS; waited += 100) {
      await sleep(100);
      const [row] = (await bench.query(`select count(*)::int as n from outbox where kind = 'reminder.post' and status = 'delivered'`)).rows as Array<{ n: number }>;
      delivered = row?.n ?? 0;
    }
    const reports = await Promise.all(replicas.map((r) => r.ask('report')));
    const roundTrips = reports.reduce((n, r) => n + ('statements' in r ? r.statements : 0), 0);
    const busiest = Math.max(...reports.map((r) => ('busy' in r ? r.busy : 0)));
    const posts = ws.callLog().slice(calls).filter((c) => c.method === 'chat.postMessage');
    const accepted = posts.filter((c) => c.outcome === 'ok');
    const refused = posts.filter((c) => c.fault === '429').length;
    const perIncident = new Map<string, number>();
    for (const c of accepted) {
      const ref = /INC-\d+/.exec(String(c.params['text']))?.[0] ?? '?';
      perIncident.set(ref, (perIncident.get(ref) ?? 0) + 1);
    }
    const doubled = [...perIncident.values()].filter((n) => n > 1).length;
    const lost = REMINDERS - perIncident.size;
    const lastMs = Math.max(...accepted.map((c) => c.realMs));
    const total = (lastMs - dueAt) / 1000;
    const firstPost = (Math.min(...accepted.map((c) => c.realMs)) - dueAt) / 1000;
    const [queued] = (await bench.query(`select extract(epoch from max(created_at)) * 1000 as at from outbox where kind = 'reminder.post'`)).rows as Array<{ at: number }>;
    const floor = REMINDERS / CHANNELS / PER_SECOND;
    const ratio = total / floor;
    return [
      `${REMINDERS} reminders due at once across ${CHANNELS} channels, ${REPLICAS} replicas, ${PER_SECOND} message/s per channel: ${total.toFixed(2)} s against a floor of ${floor.toFixed(0)} s ` +
        `= ${ratio.toFixed(2)}× floor  [goal ≤ ${GOAL_RATIO}×: ${ratio <= GOAL_RATIO ? 'meets goal' : 'MISSES goal'}]`,
      `first reminder posted ${firstPost.toFixed(2)} s after the due moment; the last one queued after ${((Number(queued?.at) - dueAt) / 1000).toFixed(2)} s`,
      `posted ${accepted.length}, lost ${lost}, posted twice ${doubled}  [goal: 0 lost, 0 twice: ${lost === 0 && doubled === 0 ? 'meets goal' : 'MISSES goal'}]; 429s answered: ${refused}  [goal 0: ${refused === 0 ? 'meets goal' : 'MISSES goal'}]`,
      `database round trips: ${roundTrips} = ${(roundTrips / REMINDERS).toFixed(2)} per reminder (claim, record, queue, deliver, settle)`,
      // Near 100% a replica cannot keep up with the pace: the figure is then the machine's, not the pace's.
      `busiest replica's event loop busy ${(busiest * 100).toFixed(0)}% of the storm (each replica in a thread of its own); load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
    ];
  } finally {
    await bench?.end();
    for (const replica of replicas) await replica.stop();
    await ws.close();
  }
}

export const stormBench: BenchModule = {
  name: `reminder storm: ${REMINDERS} reminders due at once over ${CHANNELS} channels on ${REPLICAS} replicas at Slack's rate limit`,
  run: () => withCluster(storm),
};
