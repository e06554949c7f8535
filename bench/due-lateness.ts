/**
 * Reminder lateness at real speed with default settings: 300 reminders fall due over five minutes,
 * on one replica and on three sharing the database. Each replica sleeps until the earliest due time
 * and is woken by any replica's change (LISTEN/NOTIFY); the 15 s tick is only the safety net.
 * Lateness is due → claimed and due → posted in the local workspace. `DUE_BENCH_SECONDS` shortens it.
 */
import { sql } from 'drizzle-orm';
import { WebClient } from '@slack/web-api';
import { createWorkspace } from 'local-slack-workspace';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { rowsOf } from '../src/db/client.js';
import { LOCAL_BOT_TOKEN, startApplication, type Application } from '../src/application.js';
import { localProfile } from '../src/local-workspace/profile.js';
import { createLogger } from '../src/logger.js';
import { freshDatabase, percentile, withCluster } from './cluster.js';
import type { BenchModule } from './run.js';

const REMINDERS = 300;
const SPREAD_SECONDS = Number(process.env.DUE_BENCH_SECONDS ?? 300);
const GOAL_P99_S = 1;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function once(adminUrl: string, replicas: number): Promise<string> {
  const url = await freshDatabase(adminUrl);
  const ws = createWorkspace({ ...localProfile('incidents'), signingSecret: 'due-bench', botToken: LOCAL_BOT_TOKEN });
  const apps: Application[] = [];
  try {
    for (let i = 0; i < replicas; i += 1) {
      apps.push(await startApplication({
        config: loadConfig({ DATABASE_URL: url, PORT: '0', LOG_LEVEL: 'silent', REMINDERS_IN: 'incident' }),
        logger: createLogger('silent'),
        clock: systemClock,
        sandbox: { workspace: ws, signingSecret: 'due-bench' },
      }));
    }
    const first = apps[0]!;
    // Open incidents with channels of their own, as if declared and announced long ago (declaring
    // 300 at once would spend five minutes announcing them in #incidents at Slack's pace first).
    const slack = new WebClient(LOCAL_BOT_TOKEN, { slackApiUrl: `${first.url}/workspace/api/` });
    const channels: string[] = [];
    for (let i = 0; i < REMINDERS; i += 1) channels.push((await slack.conversations.create({ name: `due-${i}` })).channel!.id!);
    const channelArray = `{${channels.join(',')}}`; // a Postgres array literal: one parameter
    // The first reminders spread over the next SPREAD_SECONDS, written in one transaction.
    await first.database.db.execute(sql`
      insert into incidents (title, severity, status, scenario, impact, declared_by, channel_id, channel_name, started_at, detected_at, declared_at, next_update_due_at, next_reminder_at)
      select 'Due ' || g, 'sev2', 'investigating', 'other', 'x', 'U_ALICE', (${channelArray}::text[])[g + 1], 'due-' || g, now(), now(), now(),
             now() + interval '5 seconds' + g * (${SPREAD_SECONDS}::float8 / ${REMINDERS}) * interval '1 second',
             now() + interval '5 seconds' + g * (${SPREAD_SECONDS}::float8 / ${REMINDERS}) * interval '1 second'
      from generate_series(0, ${REMINDERS - 1}) g`);
    await first.database.db.execute(sql`insert into incident_roles (incident_id, role, user_id, assigned_at) select id, 'commander', 'U_ALICE', now() from incidents`);
    const due = new Map(rowsOf<{ id: number; at: Date }>(await first.database.db.execute(sql`select id, next_reminder_at as at from incidents`)).map((r) => [Number(r.id), new Date(r.at).getTime()]));
    await sleep((SPREAD_SECONDS + 12) * 1000);
    const claimed = rowsOf<{ incident_id: number; at: Date }>(await first.database.db.execute(sql`
      select incident_id, occurred_at as at from timeline_events where kind = 'reminder_sent'`));
    const posted = rowsOf<{ incident_id: number; at: Date }>(await first.database.db.execute(sql`
      select incident_id, delivered_at as at from outbox where kind = 'reminder.post' and status = 'delivered'`));
    const late = (rows: Array<{ incident_id: number; at: Date }>) =>
      rows.map((r) => (new Date(r.at).getTime() - due.get(Number(r.incident_id))!) / 1000).sort((a, b) => a - b);
    const c = late(claimed);
    const p = late(posted);
    const verdict = percentile(p, 99) <= GOAL_P99_S ? 'meets goal' : 'MISSES goal';
    return `${replicas} replica${replicas > 1 ? 's' : ' '}: ${c.length}/${REMINDERS} claims, due → claimed p50 ${percentile(c, 50).toFixed(3)} s p99 ${percentile(c, 99).toFixed(3)} s; ` +
      `due → posted p50 ${percentile(p, 50).toFixed(3)} s p99 ${percentile(p, 99).toFixed(3)} s max ${(p.at(-1) ?? NaN).toFixed(3)} s  [goal: p99 ≤ ${GOAL_P99_S} s: ${verdict}]`;
  } finally {
    for (const app of apps) await app.stop();
  }
}

export const dueLatenessBench: BenchModule = {
  name: `reminder lateness at real speed: ${REMINDERS} due over ${SPREAD_SECONDS} s, woken at the due time`,
  run: () => withCluster(async (adminUrl) => [await once(adminUrl, 1), await once(adminUrl, 3)]),
};
