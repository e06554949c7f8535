import { sql } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { rowsOf, type Executor } from '../client.js';
import { fromDate } from './incident-repository.js';

/** A checklist step whose due time came while it was still open, claimed for its one nudge. */
export interface ClaimedNudge {
  incidentId: number;
  attachmentId: number;
  itemId: string;
  dueAt: DateTime;
  /** Whether its incident is still open: a resolved incident's steps are marked, not nudged. */
  incidentOpen: boolean;
}

/** The due times of checklist steps (`checklist_items.due_at`), claimed once across replicas. */
export class ChecklistNudgeRepository {
  /**
   * Takes up to `limit` open steps whose due time has come and that no nudge has claimed, skipping
   * rows another replica holds (FOR UPDATE SKIP LOCKED), and marks them nudged: the caller queues
   * the nudges in the same transaction, so each step is nudged once however many replicas tick.
   * Steps of resolved incidents are marked too, so the due index never fills with them.
   */
  async claimDue(ex: Executor, now: DateTime, limit: number): Promise<ClaimedNudge[]> {
    const at = now.toJSDate().toISOString();
    const result = await ex.execute(sql`
      with due as (
        select attachment_id, item_id from checklist_items
        where state in ('open', 'assigned') and due_at is not null and nudged_at is null and due_at <= ${at}::timestamptz
        order by due_at, attachment_id, item_id
        limit ${limit}
        for update skip locked
      )
      update checklist_items c set nudged_at = ${at}::timestamptz
      from due, incident_runbooks r, incidents i
      where c.attachment_id = due.attachment_id and c.item_id = due.item_id
        and r.id = c.attachment_id and i.id = r.incident_id
      returning r.incident_id, c.attachment_id, c.item_id, c.due_at, i.status <> 'resolved' as incident_open`);
    return rowsOf<{ incident_id: number; attachment_id: number; item_id: string; due_at: Date | string; incident_open: boolean }>(result)
      .map((r) => ({
        incidentId: Number(r.incident_id),
        attachmentId: Number(r.attachment_id),
        itemId: r.item_id,
        dueAt: fromDate(new Date(r.due_at))!,
        incidentOpen: r.incident_open,
      }))
      .sort((a, b) => a.incidentId - b.incidentId || a.dueAt.toMillis() - b.dueAt.toMillis());
  }

  /** The earliest due time of a step not yet nudged (one step of the partial index), for the due-time waker. */
  async earliestDue(ex: Executor): Promise<DateTime | undefined> {
    const result = await ex.execute(sql`
      select min(due_at) as due from checklist_items
      where state in ('open', 'assigned') and due_at is not null and nudged_at is null`);
    const due = rowsOf<{ due: Date | string | null }>(result)[0]?.due;
    return due ? (fromDate(new Date(due)) ?? undefined) : undefined;
  }
}
