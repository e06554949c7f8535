import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SteppedClock } from '../../src/clock.js';
import { rowsOf } from '../../src/db/client.js';
import { createRepositories } from '../../src/db/repositories/index.js';
import { RetentionService } from '../../src/services/retention-service.js';
import { migratedDatabase, type MigratedDatabase } from '../helpers/db.js';

let m: MigratedDatabase;
beforeAll(async () => {
  m = await migratedDatabase();
});
afterAll(async () => m?.close());

const now = DateTime.fromISO('2026-11-25T03:00:00Z', { zone: 'utc' });
const daysAgo = (d: number) => now.minus({ days: d }).toISO();

describe('retention', () => {
  it('prunes event ids, and delivered and superseded outbox rows past the age, keeping failed and dead rows', async () => {
    const db = m.database.db;
    const repos = createRepositories();
    for (const [id, age] of [['Ev-old-1', 31], ['Ev-old-2', 45], ['Ev-new', 29]] as const) {
      await db.execute(sql`insert into processed_events (event_id, received_at) values (${id}, ${daysAgo(age)}::timestamptz)`);
    }
    const row = (status: string, age: number) => db.execute(sql`
      insert into outbox (incident_id, kind, payload, status, available_at, created_at, delivered_at)
      values (null, 'card.sync', '{"kind":"card.sync","v":1}', ${status}, ${daysAgo(age)}::timestamptz, ${daysAgo(age)}::timestamptz,
              ${status === 'delivered' ? daysAgo(age) : null}::timestamptz)`);
    await row('delivered', 40);
    await row('delivered', 31);
    await row('delivered', 2);
    await row('failed', 90);
    await row('dead', 90);
    await row('pending', 90);
    await row('superseded', 31);
    await row('superseded', 2);

    const retention = new RetentionService({ db, repos, clock: new SteppedClock(now), retentionDays: 30 });
    await db.execute(sql`insert into channel_pace (method, channel, next_at) values ('chat.postMessage', 'C_OLD', now() - interval '2 hours'), ('chat.postMessage', 'C_NOW', now())`);
    expect(await retention.prune()).toEqual({ events: 2, outbox: 3, requests: 0, pace: 1 });
    const events = rowsOf<{ event_id: string }>(await db.execute(sql`select event_id from processed_events order by 1`));
    expect(events.map((e) => e.event_id)).toEqual(['Ev-new']);
    const outbox = rowsOf<{ status: string }>(await db.execute(sql`select status from outbox order by id`));
    expect(outbox.map((o) => o.status)).toEqual(['delivered', 'failed', 'dead', 'pending', 'superseded']);
    expect(await retention.prune()).toEqual({ events: 0, outbox: 0, requests: 0, pace: 0 });
  });
});
