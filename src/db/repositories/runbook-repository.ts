import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import {
  itemDueAt, runbookSnapshotSchema, type AttachReason, type AttachedRunbook, type ChecklistItem, type ItemState, type RunbookItem, type RunbookSnapshot,
} from '../../domain/runbooks/index.js';
import type { Executor } from '../client.js';
import { checklistItems, incidentRunbooks, incidents } from '../schema.js';
import { readOrThrow, storedCodec } from '../stored-json.js';
import { fromDate } from './incident-repository.js';

const SNAPSHOT = storedCodec(runbookSnapshotSchema);

type AttachmentRow = typeof incidentRunbooks.$inferSelect;
type ItemRow = typeof checklistItems.$inferSelect;

/** An open item assigned to someone, with where it belongs (App Home's "My checklist items"). */
export interface AssignedItem {
  incidentId: number;
  attachmentId: number;
  runbookTitle: string;
  item: ChecklistItem;
}

/** Runbooks attached to incidents (a snapshot each) and where each of their items stands. */
export class RunbookRepository {
  /** Attaches `runbook` unless the incident has it already (then undefined): its snapshot and one open row per item. */
  async attach(
    ex: Executor,
    attach: { incidentId: number; runbookId: string; snapshot: RunbookSnapshot; reason: AttachReason; attachedBy: string | null; at: DateTime },
  ): Promise<AttachedRunbook | undefined> {
    const [row] = await ex
      .insert(incidentRunbooks)
      .values({
        incidentId: attach.incidentId, runbookId: attach.runbookId, snapshot: SNAPSHOT.write(attach.snapshot),
        reason: attach.reason, attachedBy: attach.attachedBy, attachedAt: attach.at.toJSDate(),
      })
      .onConflictDoNothing()
      .returning();
    if (!row) return undefined;
    if (attach.snapshot.items.length > 0) {
      await ex.insert(checklistItems).values(attach.snapshot.items.map((item, position) => newItemRow(row.id, item, position, attach.at)));
    }
    return (await this.find(ex, row.id))!;
  }

  /** Adds an item at the end of an attached runbook (the incident's Tasks). */
  async addItem(ex: Executor, attachmentId: number, item: RunbookItem, now: DateTime): Promise<void> {
    const [row] = await ex.select().from(incidentRunbooks).where(eq(incidentRunbooks.id, attachmentId)).for('update');
    if (!row) throw new Error(`attached runbook ${attachmentId} is gone`);
    const snapshot = readSnapshot(row);
    await ex.update(incidentRunbooks).set({ snapshot: SNAPSHOT.write({ ...snapshot, items: [...snapshot.items, item] }) }).where(eq(incidentRunbooks.id, attachmentId));
    await ex.insert(checklistItems).values(newItemRow(attachmentId, item, snapshot.items.length, now));
  }

  async find(ex: Executor, attachmentId: number): Promise<AttachedRunbook | undefined> {
    const [row] = await ex.select().from(incidentRunbooks).where(eq(incidentRunbooks.id, attachmentId));
    return row ? (await this.assemble(ex, [row]))[0] : undefined;
  }

  /** The incident's runbooks in the order they joined. */
  async listForIncident(ex: Executor, incidentId: number): Promise<AttachedRunbook[]> {
    const rows = await ex.select().from(incidentRunbooks).where(eq(incidentRunbooks.incidentId, incidentId)).orderBy(asc(incidentRunbooks.id));
    return this.assemble(ex, rows);
  }

  async attachedIds(ex: Executor, incidentId: number): Promise<Set<string>> {
    const rows = await ex.select({ runbookId: incidentRunbooks.runbookId }).from(incidentRunbooks).where(eq(incidentRunbooks.incidentId, incidentId));
    return new Set(rows.map((r) => r.runbookId));
  }

  /**
   * Writes the item's new state only if it still stands as `expected` (a conditional update): of
   * two changes racing past the incident's lock, one applies. True when this one did.
   */
  async saveItem(ex: Executor, attachmentId: number, item: ChecklistItem, expected: ItemState, now: DateTime): Promise<boolean> {
    const updated = await ex
      .update(checklistItems)
      .set({
        state: item.state, assigneeId: item.assigneeId, closedBy: item.closedBy, closedAt: item.closedAt?.toJSDate() ?? null,
        reason: item.reason, changedAt: now.toJSDate(),
      })
      .where(and(eq(checklistItems.attachmentId, attachmentId), eq(checklistItems.itemId, item.id), eq(checklistItems.state, expected)))
      .returning({ itemId: checklistItems.itemId });
    return updated.length === 1;
  }

  /** Open items assigned to `userId` in open incidents, oldest incident first. */
  async assignedTo(ex: Executor, userId: string, limit: number): Promise<AssignedItem[]> {
    const rows = await ex
      .select({ item: checklistItems, attachment: incidentRunbooks })
      .from(checklistItems)
      .innerJoin(incidentRunbooks, eq(incidentRunbooks.id, checklistItems.attachmentId))
      .innerJoin(incidents, eq(incidents.id, incidentRunbooks.incidentId))
      .where(and(eq(checklistItems.assigneeId, userId), eq(checklistItems.state, 'assigned'), ne(incidents.status, 'resolved')))
      .orderBy(asc(incidentRunbooks.incidentId), asc(incidentRunbooks.id), asc(checklistItems.position))
      .limit(limit);
    return rows.flatMap(({ item, attachment }) => {
      const snapshot = readSnapshot(attachment);
      const text = snapshot.items.find((i) => i.id === item.itemId);
      return text ? [{ incidentId: attachment.incidentId, attachmentId: attachment.id, runbookTitle: snapshot.title, item: toItem(text, item) }] : [];
    });
  }

  private async assemble(ex: Executor, rows: AttachmentRow[]): Promise<AttachedRunbook[]> {
    if (rows.length === 0) return [];
    const items = await ex
      .select()
      .from(checklistItems)
      .where(inArray(checklistItems.attachmentId, rows.map((r) => r.id)))
      .orderBy(asc(checklistItems.attachmentId), asc(checklistItems.position));
    return rows.map((row) => {
      const snapshot = readSnapshot(row);
      const states = new Map(items.filter((i) => i.attachmentId === row.id).map((i) => [i.itemId, i]));
      return {
        id: row.id,
        incidentId: row.incidentId,
        runbookId: row.runbookId,
        title: snapshot.title,
        attachedAt: fromDate(row.attachedAt)!,
        items: snapshot.items.flatMap((item) => {
          const state = states.get(item.id);
          return state ? [toItem(item, state)] : [];
        }),
      };
    });
  }
}

function readSnapshot(row: AttachmentRow): RunbookSnapshot {
  return readOrThrow(SNAPSHOT, row.snapshot, `runbook ${row.runbookId} of incident ${row.incidentId}`);
}

function newItemRow(attachmentId: number, item: RunbookItem, position: number, at: DateTime): typeof checklistItems.$inferInsert {
  return { attachmentId, itemId: item.id, position, state: 'open', dueAt: itemDueAt({ attachedAt: at }, item)?.toJSDate() ?? null, changedAt: at.toJSDate() };
}

function toItem(item: RunbookItem, row: ItemRow): ChecklistItem {
  return {
    ...item,
    state: row.state,
    assigneeId: row.assigneeId,
    closedBy: row.closedBy,
    closedAt: fromDate(row.closedAt) ?? null,
    reason: row.reason,
  };
}

