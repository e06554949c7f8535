import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from 'local-slack-workspace';
import { rowsOf } from '../../src/db/client.js';
import type { TestApp } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { ALICE, BOB, CAROL } from '../helpers/flows.js';
import { drainAll, startReplicas } from '../helpers/reminder-replicas.js';

const OWNERS = [ALICE, BOB, CAROL, null] as const;

/** Direct messages in the workspace per action item, found through the outbox id each post carries. */
async function directMessagesPerItem(t: TestApp): Promise<Map<number, number>> {
  const rows = rowsOf<{ id: string; item: number }>(
    await t.app.database.db.execute(sql`select id, (payload->>'actionItemId')::int as item from outbox where kind = 'followup.remind'`),
  );
  const itemOf = new Map(rows.map((r) => [Number(r.id), Number(r.item)]));
  const perItem = new Map<number, number>();
  for (const channel of t.ws.channels().filter((c) => c.isIm)) {
    for (const m of t.ws.messages(channel.id)) {
      const outboxId = (m.metadata?.event_payload as { outbox_id?: number } | undefined)?.outbox_id;
      const item = outboxId === undefined ? undefined : itemOf.get(outboxId);
      if (item !== undefined) perItem.set(item, (perItem.get(item) ?? 0) + 1);
    }
  }
  return perItem;
}

describe('follow-up reminders across replicas', () => {
  let database: TestDatabase;
  let replicas: TestApp[] = [];
  afterAll(async () => {
    for (const r of replicas) await r.stop();
    await database?.drop();
  });

  it('sends each owner one direct message per item that falls due, with three replicas ticking together', async () => {
    database = await createTestDatabase();
    const started = await startReplicas(database);
    replicas = started.replicas;
    const { clock } = started;
    const random = seededRandom(5);
    const first = replicas[0]!;
    // 2026-11-25 03:00 UTC to start; items due over the next ten days, some done, some unowned.
    const expected = new Map<number, number>();
    for (let n = 0; n < 20; n++) {
      const incident = await first.app.incidents.declare({ title: `Load ${n}`, severity: 'sev3', scenario: 'other', impact: '', commanderId: ALICE, declaredBy: ALICE });
      const items = Array.from({ length: 6 }, (_, i) => ({
        title: `Item ${n}.${i}`,
        ownerId: OWNERS[Math.floor(random() * OWNERS.length)] ?? null,
        horizon: 'short_term' as const,
        dueDate: random() < 0.1 ? null : DateTime.fromISO('2026-11-25').plus({ days: Math.floor(random() * 10) }).toISODate(),
        done: random() < 0.15,
      }));
      const saved = await first.app.postmortems.addActionItems(incident.id, ALICE, items);
      for (const item of saved) if (item.ownerId && item.dueDate && !item.done && item.dueDate <= '2026-12-02') expected.set(item.id, 1);
    }
    await drainAll(replicas, clock);

    // A tick every 30 minutes for eight days, on all three at once (UTC zone: items fall due at 09:00 UTC).
    for (let step = 0; step < 8 * 48; step++) {
      clock.advance({ minutes: 30 });
      await Promise.all(replicas.map((r) => r.app.followups.tick()));
      if (step % 12 === 0) await drainAll(replicas, clock);
    }
    await drainAll(replicas, clock);
    // Now 2026-12-03 03:00 UTC: due dates up to 2026-12-02 have fallen due, later ones not yet.

    const perItem = await directMessagesPerItem(first);
    expect(expected.size).toBeGreaterThan(40);
    expect(Object.fromEntries(perItem)).toEqual(Object.fromEntries(expected));
    const queued = rowsOf<{ n: number }>(await first.app.database.db.execute(sql`select count(*)::int as n from outbox where kind = 'followup.remind'`));
    expect(queued[0]!.n).toBe(expected.size);
    expect(await Promise.all(replicas.map((r) => r.app.followups.tick()))).toEqual([0, 0, 0]);
  }, 240_000);
});
