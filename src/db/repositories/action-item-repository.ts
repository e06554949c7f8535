import { and, asc, eq, sql } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import type { NewActionItem } from '../../domain/action-item.js';
import type { ActionItem } from '../../domain/timeline.js';
import type { Executor } from '../client.js';
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
