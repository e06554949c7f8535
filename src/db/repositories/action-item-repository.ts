import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import type { NewActionItem } from '../../domain/action-item.js';
import type { ActionItem } from '../../domain/timeline.js';
import { rowsOf, type Executor } from '../client.js';
import { actionItems } from '../schema.js';
import { fromDate } from './incident-repository.js';

export type { NewActionItem };

export class ActionItemRepository {
  async insert(ex: Executor, incidentId: number, item: NewActionItem, createdAt: DateTime): Promise<ActionItem> {
    const [row] = await ex
      .insert(actionItems)
      .values({ incidentId, ...item, createdAt: createdAt.toJSDate() })
      .returning();
    return toActionItem(row!);
  }

  /** A person's open action items, the soonest due first (undated last). */
  async listOpenForOwner(ex: Executor, ownerId: string, limit: number): Promise<ActionItem[]> {
    const rows = await ex
      .select()
      .from(actionItems)
      .where(and(eq(actionItems.ownerId, ownerId), eq(actionItems.done, false)))
      .orderBy(sql`${actionItems.dueDate} asc nulls last`, asc(actionItems.id))
      .limit(limit);
    return rows.map(toActionItem);
  }

  async findById(ex: Executor, id: number, options: { forUpdate?: boolean } = {}): Promise<ActionItem | undefined> {
    const query = ex.select().from(actionItems).where(eq(actionItems.id, id));
    const [row] = options.forUpdate ? await query.for('update') : await query;
    return row ? toActionItem(row) : undefined;
  }

  async markDone(ex: Executor, id: number): Promise<void> {
    await ex.update(actionItems).set({ done: true }).where(eq(actionItems.id, id));
  }

  /**
   * Locks up to `limit` open, owned items due on or before `lastDueDate` whose owner has not been
   * told, skipping rows another replica holds (FOR UPDATE SKIP LOCKED), and marks them told: the
   * caller queues the messages in the same transaction, so each owner hears once.
   */
  async claimDue(ex: Executor, lastDueDate: string, now: DateTime, limit: number): Promise<ActionItem[]> {
    const result = await ex.execute(sql`
      with due as (
        select id from action_items
        where not done and due_notified_at is null and owner_id is not null and due_date is not null
          and due_date <= ${lastDueDate}
        order by due_date, id
        limit ${limit}
        for update skip locked
      )
      update action_items set due_notified_at = ${now.toJSDate().toISOString()}::timestamptz
      from due where action_items.id = due.id
      returning action_items.id`);
    const ids = rowsOf<{ id: number }>(result).map((r) => Number(r.id));
    if (ids.length === 0) return [];
    const rows = await ex.select().from(actionItems).where(inArray(actionItems.id, ids)).orderBy(asc(actionItems.id));
    return rows.map(toActionItem);
  }

  async listForIncident(ex: Executor, incidentId: number): Promise<ActionItem[]> {
    const rows = await ex
      .select()
      .from(actionItems)
      .where(eq(actionItems.incidentId, incidentId))
      .orderBy(asc(actionItems.createdAt), asc(actionItems.id));
    return rows.map(toActionItem);
  }
}

function toActionItem(r: typeof actionItems.$inferSelect): ActionItem {
  return {
    id: r.id,
    incidentId: r.incidentId,
    title: r.title,
    ownerId: r.ownerId,
    horizon: r.horizon,
    dueDate: r.dueDate,
    done: r.done,
    createdAt: fromDate(r.createdAt)!,
  };
}
