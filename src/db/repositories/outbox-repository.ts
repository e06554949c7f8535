import { and, eq, sql } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { rowsOf, type Executor } from '../client.js';
import { outbox } from '../schema.js';
import { fromDate } from './incident-repository.js';

export interface OutboxMessage {
  id: number;
  incidentId: number | null;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  createdAt: DateTime;
}

export class OutboxRepository {
  async enqueue(
    ex: Executor,
    message: { incidentId: number | null; kind: string; payload: Record<string, unknown>; now: DateTime },
  ): Promise<number> {
    const [row] = await ex
      .insert(outbox)
      .values({
        incidentId: message.incidentId,
        kind: message.kind,
        payload: message.payload,
        availableAt: message.now.toJSDate(),
        createdAt: message.now.toJSDate(),
      })
      .returning({ id: outbox.id });
    return row!.id;
  }

  /**
   * Claims up to `limit` deliverable messages: pending, due, not leased by a live dispatcher, and
   * first in line for their incident, so an incident's messages go out in the order written.
   * SKIP LOCKED lets every replica claim at once without waiting on each other.
   */
  async claim(ex: Executor, now: DateTime, limit: number, leaseSeconds: number): Promise<OutboxMessage[]> {
    const at = now.toJSDate().toISOString();
    const until = now.plus({ seconds: leaseSeconds }).toJSDate().toISOString();
    const result = await ex.execute(sql`
      with candidates as (
        select o.id from outbox o
        where o.status = 'pending'
          and o.available_at <= ${at}::timestamptz
          and (o.claimed_until is null or o.claimed_until < ${at}::timestamptz)
          and (o.incident_id is null or not exists (
            select 1 from outbox earlier
            where earlier.incident_id = o.incident_id and earlier.status = 'pending' and earlier.id < o.id))
        order by o.id
        limit ${limit}
        for update of o skip locked
      )
      update outbox set claimed_until = ${until}::timestamptz, attempts = outbox.attempts + 1
      from candidates where outbox.id = candidates.id
      returning outbox.id, outbox.incident_id, outbox.kind, outbox.payload, outbox.attempts, outbox.created_at`);
    return rowsOf<{
      id: string | number;
      incident_id: number | null;
      kind: string;
      payload: Record<string, unknown>;
      attempts: number;
      created_at: Date | string;
    }>(result)
      .map((r) => ({
        id: Number(r.id),
        incidentId: r.incident_id,
        kind: r.kind,
        payload: r.payload,
        attempts: r.attempts,
        createdAt: fromDate(new Date(r.created_at))!,
      }))
      .sort((a, b) => a.id - b.id);
  }

  async markDelivered(ex: Executor, id: number, now: DateTime): Promise<void> {
    await ex
      .update(outbox)
      .set({ status: 'delivered', deliveredAt: now.toJSDate(), claimedUntil: null, lastError: null })
      .where(eq(outbox.id, id));
  }

  async retryLater(ex: Executor, id: number, availableAt: DateTime, error: string): Promise<void> {
    await ex
      .update(outbox)
      .set({ availableAt: availableAt.toJSDate(), claimedUntil: null, lastError: error.slice(0, 1000) })
      .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')));
  }

  /** Gives up on a message Slack will never accept, so the incident's later messages can flow. */
  async markFailed(ex: Executor, id: number, error: string): Promise<void> {
    await ex
      .update(outbox)
      .set({ status: 'failed', claimedUntil: null, lastError: error.slice(0, 1000) })
      .where(eq(outbox.id, id));
  }

  async pendingCount(ex: Executor): Promise<number> {
    const [row] = rowsOf<{ n: number }>(await ex.execute(sql`select count(*)::int as n from outbox where status = 'pending'`));
    return row?.n ?? 0;
  }
}
