import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { sql } from 'drizzle-orm';
import { OutboxRepository } from '../../src/outbox/outbox-repository.js';
import { IncidentRepository } from '../../src/db/repositories/incident-repository.js';
import { rowsOf } from '../../src/db/client.js';
import { migratedDatabase, type MigratedDatabase } from '../helpers/db.js';

let m: MigratedDatabase;
const outbox = new OutboxRepository();
const incidents = new IncidentRepository();
const now = DateTime.fromISO('2026-11-25T03:00:00Z', { zone: 'utc' });
let incidentA: number;
let incidentB: number;

async function newIncident(title: string): Promise<number> {
  return incidents.insert(m.database.db, {
    title, severity: 'sev1', scenario: 'other', impact: '', declaredBy: 'U1',
    startedAt: now, detectedAt: now, declaredAt: now, nextUpdateDueAt: null, isDrill: false, isPrivate: false,
  });
}

beforeAll(async () => {
  m = await migratedDatabase();
  incidentA = await newIncident('A');
  incidentB = await newIncident('B');
});
afterAll(async () => m?.close());
beforeEach(async () => {
  await m.database.db.execute(sql`delete from outbox`);
});

const enqueue = (incidentId: number, n: number, at = now) =>
  outbox.enqueue(m.database.db, {
    incidentId, intent: { kind: 'notice.post', notice: { type: 'note_added', actorId: 'U1', text: `note ${n}` }, target: 'incident' }, now: at,
  });

/** Claimed rows, readable or not, as id and attempts. */
const claimAt = async (at: DateTime) =>
  (await outbox.claim(m.database.db, at, 10, 60)).map((c) => (c.readable ? c.message : c.row));

describe('outbox claims', () => {
  it('hands out one message per incident at a time, oldest first', async () => {
    const a1 = await enqueue(incidentA, 1);
    await enqueue(incidentA, 2);
    const b1 = await enqueue(incidentB, 1);
    const claimed = await claimAt(now);
    expect(claimed.map((c) => c.id)).toEqual([a1, b1]);
    expect(claimed.every((c) => c.attempts === 1)).toBe(true);
  });

  it('holds later messages of an incident while an earlier one waits for its retry', async () => {
    const a1 = await enqueue(incidentA, 1);
    await enqueue(incidentA, 2);
    await claimAt(now);
    await outbox.retryLater(m.database.db, a1, now.plus({ seconds: 30 }), '500');
    expect(await claimAt(now.plus({ seconds: 10 }))).toEqual([]);
    const later = await claimAt(now.plus({ seconds: 31 }));
    expect(later.map((c) => [c.id, c.attempts])).toEqual([[a1, 2]]);
  });

  it('does not hand a leased message to a second dispatcher until the lease runs out', async () => {
    const a1 = await enqueue(incidentA, 1);
    expect((await claimAt(now)).map((c) => c.id)).toEqual([a1]);
    expect(await claimAt(now.plus({ seconds: 30 }))).toEqual([]);
    // the first dispatcher died: its lease expires and another takes the message up
    expect((await claimAt(now.plus({ seconds: 61 }))).map((c) => c.id)).toEqual([a1]);
  });

  it('lets the next message go once one is delivered or given up', async () => {
    const a1 = await enqueue(incidentA, 1);
    const a2 = await enqueue(incidentA, 2);
    const a3 = await enqueue(incidentA, 3);
    await claimAt(now);
    await outbox.markDeliveredMany(m.database.db, [a1], now);
    expect((await claimAt(now)).map((c) => c.id)).toEqual([a2]);
    await outbox.markFailed(m.database.db, a2, 'invalid_blocks');
    expect((await claimAt(now)).map((c) => c.id)).toEqual([a3]);
  });

  it('never gives the same message to two concurrent claimers', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 40; i += 1) ids.push(await enqueue(await newIncident(`c${i}`), i));
    const batches = await Promise.all(Array.from({ length: 8 }, () => claimAt(now)));
    const claimed = batches.flat().map((c) => c.id);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.sort((a, b) => a - b)).toEqual(ids);
  });
});

describe('replacing a reminder', () => {
  const reminder = (incidentId: number, stage: number) =>
    outbox.enqueue(m.database.db, {
      incidentId,
      intent: {
        kind: 'reminder.post',
        reminder: {
          cycle: 0, stage: stage as 1 | 2 | 3, updateNumber: 1, dueAt: now.toISO()!, remindedAt: now.toISO()!, severity: 'sev1',
          cadenceMinutes: 15, commanderId: 'U1', commsLeadId: null, snoozeCount: 0, snoozeLimit: 3,
        },
      },
      now,
    });
  const statusOf = async (id: number) =>
    rowsOf<{ status: string; withdrawing: boolean; available: number }>(
      await m.database.db.execute(sql`select status, withdrawing, extract(epoch from available_at)::float8 as available from outbox where id = ${id}`),
    )[0]!;

  it('supersedes one never tried; one tried may be in Slack, so it is only marked withdrawing and made due now', async () => {
    const untried = await reminder(incidentA, 1);
    const tried = await reminder(incidentB, 1);
    await claimAt(now);
    await outbox.retryLater(m.database.db, tried, now.plus({ minutes: 5 }), 'timeout');
    await outbox.retryLater(m.database.db, untried, now.plus({ minutes: 5 }), 'ratelimited', { attempted: false });

    const withdrawn = await outbox.supersedeReminders(m.database.db, [incidentA, incidentB], now.plus({ seconds: 5 }));
    expect(withdrawn).toEqual([{ incidentId: incidentA, cycle: 0, stage: 1 }]);
    expect((await statusOf(untried)).status).toBe('superseded');
    const kept = await statusOf(tried);
    expect(kept).toEqual({ status: 'pending', withdrawing: true, available: now.plus({ seconds: 5 }).toSeconds() });

    const [claimed] = await claimAt(now.plus({ seconds: 5 }));
    expect(claimed).toMatchObject({ id: tried, withdrawing: true });
    expect(await outbox.withdrawUnsent(m.database.db, untried)).toBeUndefined(); // already taken out
    expect(await outbox.withdrawUnsent(m.database.db, tried)).toEqual({ incidentId: incidentB, cycle: 0, stage: 1 });
    expect((await statusOf(tried)).status).toBe('superseded');
    await outbox.markDeliveredMany(m.database.db, [tried], now);
    expect((await statusOf(tried)).status).toBe('superseded'); // a late settle does not bring it back
  });

  it('leaves a reminder under a live lease alone: it may be on its way', async () => {
    const id = await reminder(incidentA, 1);
    await claimAt(now);
    expect(await outbox.supersedeReminders(m.database.db, [incidentA], now.plus({ seconds: 5 }))).toEqual([]);
    expect(await statusOf(id)).toMatchObject({ status: 'pending', withdrawing: false });
  });
});
