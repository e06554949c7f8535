import { and, eq, sql } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { rowsOf, type Executor } from '../db/client.js';
import { fromDate } from '../db/repositories/incident-repository.js';
import { deleteOldRows } from '../db/delete-old-rows.js';
import { outbox } from '../db/schema.js';
import { outboxIntentCodec, type OutboxIntent } from './intents.js';

interface ClaimedRow {
  id: number;
  incidentId: number | null;
  /** The request that wrote it (src/observability/request-context.ts), when there was one. */
  requestId: string | null;
  attempts: number;
  /** A replaced reminder that may be in Slack already: only look for it, never post it. */
  withdrawing: boolean;
  createdAt: DateTime;
  /** This claim's lease: past it, another replica may claim the row, so this one must not send it. */
  leaseUntil: DateTime;
}

/** A claimed row whose intent this release can read. */
export interface OutboxMessage extends ClaimedRow {
  intent: OutboxIntent;
}

/** A claimed row that does not parse: it goes to the dead letters, never to Slack. */
export interface UnreadableOutboxRow extends ClaimedRow {
  kind: string;
  reason: string;
}

export type ClaimedOutboxRow = { readable: true; message: OutboxMessage } | { readable: false; row: UnreadableOutboxRow };

export class OutboxRepository {
  /** `requestId`: the request under way when a row is written, stored on it for tracing. */
  constructor(private readonly requestId: () => string | undefined = () => undefined) {}

  /** `availableAt`: not before then (a throttle); now by default. */
  async enqueue(ex: Executor, message: { incidentId: number | null; intent: OutboxIntent; now: DateTime; availableAt?: DateTime }): Promise<number> {
    const [row] = await ex
      .insert(outbox)
      .values({
        incidentId: message.incidentId,
        requestId: this.requestId() ?? null,
        kind: message.intent.kind,
        payload: outboxIntentCodec.write(message.intent),
        availableAt: (message.availableAt ?? message.now).toJSDate(),
        createdAt: message.now.toJSDate(),
      })
      .returning({ id: outbox.id });
    return row!.id;
  }

  /** Whether a person's App Home publish waits unclaimed: a new one would show nothing more. */
  async homePublishWaiting(ex: Executor, userId: string): Promise<boolean> {
    const result = await ex.execute(sql`
      select 1 from outbox
      where kind = 'home.publish' and status = 'pending' and claimed_until is null and payload->>'userId' = ${userId}
      limit 1`);
    return rowsOf(result).length > 0;
  }

  /**
   * Claims up to `limit` deliverable messages: pending, due, not leased by a live dispatcher, and
   * first in line for their incident, so an incident's messages go out in the order written.
   * SKIP LOCKED lets every replica claim at once without waiting on each other.
   */
  async claim(ex: Executor, now: DateTime, limit: number, leaseSeconds: number): Promise<ClaimedOutboxRow[]> {
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
      returning outbox.id, outbox.incident_id, outbox.request_id, outbox.kind, outbox.payload, outbox.attempts, outbox.withdrawing, outbox.created_at`);
    return rowsOf<{
      id: string | number;
      incident_id: number | null;
      request_id: string | null;
      kind: string;
      payload: unknown;
      attempts: number;
      withdrawing: boolean;
      created_at: Date | string;
    }>(result)
      .sort((a, b) => Number(a.id) - Number(b.id))
      .map((r): ClaimedOutboxRow => {
        const row = {
          id: Number(r.id), incidentId: r.incident_id, requestId: r.request_id, attempts: r.attempts, withdrawing: r.withdrawing,
          createdAt: fromDate(new Date(r.created_at))!, leaseUntil: now.plus({ seconds: leaseSeconds }),
        };
        const read = outboxIntentCodec.read(r.payload);
        if (!read.ok) return { readable: false, row: { ...row, kind: r.kind, reason: read.reason } };
        if (read.value.kind !== r.kind) {
          return { readable: false, row: { ...row, kind: r.kind, reason: `kind column says ${r.kind}, payload says ${read.value.kind}` } };
        }
        return { readable: true, message: { ...row, intent: read.value } };
      });
  }

  /** Settles many deliveries in one statement (the dispatcher groups those that finish together). */
  async markDeliveredMany(ex: Executor, ids: readonly number[], now: DateTime): Promise<void> {
    if (ids.length === 0) return;
    await ex.execute(sql`
      update outbox set status = 'delivered', delivered_at = ${now.toJSDate().toISOString()}::timestamptz, claimed_until = null, last_error = null
      where status = 'pending' and id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
  }

  /**
   * Puts a message back until `availableAt`. `attempted: false` when it never reached the
   * destination (a rate limit): the claim's attempt is taken back, so pacing neither uses up its
   * attempts nor makes the next send look for an earlier post.
   */
  async retryLater(ex: Executor, id: number, availableAt: DateTime, error: string, options: { attempted?: boolean } = {}): Promise<void> {
    const attempted = options.attempted ?? true;
    await ex
      .update(outbox)
      .set({
        availableAt: availableAt.toJSDate(),
        claimedUntil: null,
        lastError: error.slice(0, 1000),
        ...(attempted ? {} : { attempts: sql`greatest(0, ${outbox.attempts} - 1)` }),
      })
      .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')));
  }

  /** Gives up on a message Slack will never accept, so the incident's later messages can flow. */
  async markFailed(ex: Executor, id: number, error: string): Promise<void> {
    await ex
      .update(outbox)
      .set({ status: 'failed', claimedUntil: null, lastError: error.slice(0, 1000) })
      .where(eq(outbox.id, id));
  }

  /**
   * Hands back leases a stopping process holds. The attempt still counts: the send may have
   * reached Slack, so the next one looks for it first.
   */
  async releaseLeases(ex: Executor, ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    await ex.execute(sql`
      update outbox set claimed_until = null
      where status = 'pending' and id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
  }

  /** A row this release cannot read: kept with the reason for a person to look at, out of the queue. */
  async markDead(ex: Executor, id: number, reason: string): Promise<void> {
    await ex
      .update(outbox)
      .set({ status: 'dead', claimedUntil: null, lastError: reason.slice(0, 1000) })
      .where(eq(outbox.id, id));
  }

  async deadCount(ex: Executor): Promise<number> {
    const [row] = rowsOf<{ n: number }>(await ex.execute(sql`select count(*)::int as n from outbox where status = 'dead'`));
    return row?.n ?? 0;
  }

  /**
   * Deletes up to `limit` rows settled before `cutoff`: delivered then, or superseded (replaced
   * unsent) and written then. Failed and dead rows stay for a person to read.
   */
  async pruneSettledBefore(ex: Executor, cutoff: DateTime, limit: number): Promise<number> {
    const delivered = await deleteOldRows(ex, { table: 'outbox', key: 'id', time: 'delivered_at', also: sql`status = 'delivered'` }, cutoff, limit);
    if (delivered === limit) return delivered;
    const superseded = { table: 'outbox', key: 'id', time: 'created_at', also: sql`status = 'superseded'` };
    return delivered + (await deleteOldRows(ex, superseded, cutoff, limit - delivered));
  }

  async pendingCount(ex: Executor): Promise<number> {
    const [row] = rowsOf<{ n: number }>(await ex.execute(sql`select count(*)::int as n from outbox where status = 'pending'`));
    return row?.n ?? 0;
  }

  /** Several messages written at one instant, in one statement; ids in the order given. */
  async enqueueMany(ex: Executor, messages: readonly { incidentId: number | null; intent: OutboxIntent }[], now: DateTime): Promise<number[]> {
    if (messages.length === 0) return [];
    const at = now.toJSDate();
    const requestId = this.requestId() ?? null;
    const rows = await ex
      .insert(outbox)
      .values(messages.map((m) => ({
        incidentId: m.incidentId, requestId, kind: m.intent.kind, payload: outboxIntentCodec.write(m.intent), availableAt: at, createdAt: at,
      })))
      .returning({ id: outbox.id });
    return rows.map((r) => r.id);
  }

  /**
   * Takes the incidents' reminders that still wait to be posted out of the queue: a later one (or
   * the update it asked for) replaces them. A row a dispatcher holds under a live lease may be on
   * its way to Slack, so it stays. A row tried before may be in Slack already (its answer was
   * lost): it is marked `withdrawing`, made due now, and its next claim only looks for that post
   * (`withdrawUnsent` if there is none). Answers the reminders taken out for sure, oldest first.
   */
  async supersedeReminders(ex: Executor, incidentIds: readonly number[], now: DateTime): Promise<WithdrawnReminder[]> {
    if (incidentIds.length === 0) return [];
    const at = now.toJSDate().toISOString();
    const result = await ex.execute(sql`
      update outbox set
        status = case when attempts = 0 then 'superseded' else status end,
        withdrawing = attempts > 0,
        available_at = least(available_at, ${at}::timestamptz),
        claimed_until = null
      where kind = 'reminder.post' and status = 'pending'
        and incident_id in (${sql.join(incidentIds.map((id) => sql`${id}`), sql`, `)})
        and (claimed_until is null or claimed_until < ${at}::timestamptz)
      returning id, incident_id, status, payload->'reminder'->>'cycle' as cycle, payload->'reminder'->>'stage' as stage`);
    return toWithdrawn(rowsOf<WithdrawnRow>(result).filter((r) => r.status === 'superseded'));
  }

  /** A `withdrawing` reminder found nowhere in Slack: superseded now, so it is never posted. */
  async withdrawUnsent(ex: Executor, id: number): Promise<WithdrawnReminder | undefined> {
    const result = await ex.execute(sql`
      update outbox set status = 'superseded', claimed_until = null
      where id = ${id} and status = 'pending' and withdrawing
      returning id, incident_id, status, payload->'reminder'->>'cycle' as cycle, payload->'reminder'->>'stage' as stage`);
    return toWithdrawn(rowsOf<WithdrawnRow>(result))[0];
  }
}

export interface WithdrawnReminder {
  incidentId: number;
  cycle: number;
  stage: number;
}

interface WithdrawnRow {
  id: string | number;
  incident_id: number;
  status: string;
  cycle: string;
  stage: string;
}

/** Oldest first. */
function toWithdrawn(rows: WithdrawnRow[]): WithdrawnReminder[] {
  return rows
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((r) => ({ incidentId: Number(r.incident_id), cycle: Number(r.cycle), stage: Number(r.stage) }));
}
