import type { DateTime } from 'luxon';
import { z } from 'zod';
import { DomainError, type ErrorText } from '../errors.js';
import { roleSchema } from '../schemas.js';
import type { RunbookItem } from './format.js';

export const ITEM_STATES = ['open', 'assigned', 'done', 'skipped'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

/** The incident's own runbook that `/incident task` adds to; `_` keeps it apart from every file's id. */
export const TASKS_RUNBOOK_ID = '_tasks';
export const TASKS_RUNBOOK_TITLE = 'Tasks';

/** How a runbook joined the incident. */
export const ATTACH_REASONS = ['matched', 'manual', 'tasks'] as const;
export type AttachReason = (typeof ATTACH_REASONS)[number];

export const snapshotItemSchema = z.object({
  id: z.string(),
  text: z.string(),
  role: roleSchema.optional(),
  dueAfterSeconds: z.number().int().positive().optional(),
  link: z.string().optional(),
  warn: z.string().optional(),
});

/** The runbook as it was when it joined the incident (stored JSON, versioned): a later file edit changes no running checklist. */
export const runbookSnapshotSchema = z.object({ title: z.string(), items: z.array(snapshotItemSchema) });
export type RunbookSnapshot = z.infer<typeof runbookSnapshotSchema>;

/** One item of an attached runbook, with where it stands. */
export interface ChecklistItem extends RunbookItem {
  state: ItemState;
  assigneeId: string | null;
  /** Who marked it done or skipped, and when; null while open. */
  closedBy: string | null;
  closedAt: DateTime | null;
  /** Why it was skipped. */
  reason: string | null;
}

export interface AttachedRunbook {
  /** The attachment's own id (what buttons carry). */
  id: number;
  incidentId: number;
  runbookId: string;
  title: string;
  attachedAt: DateTime;
  items: ChecklistItem[];
}

export const isOpen = (item: Pick<ChecklistItem, 'state'>): boolean => item.state === 'open' || item.state === 'assigned';

export function openItemCount(runbooks: readonly AttachedRunbook[]): number {
  return runbooks.reduce((sum, runbook) => sum + runbook.items.filter(isOpen).length, 0);
}

/** The changes a person makes to an item. */
export type ItemChange =
  | { type: 'done' }
  | { type: 'skip'; reason: string }
  | { type: 'undo' }
  | { type: 'assign'; userId: string };

/** What the item becomes after `change`, or a DomainError saying why not (done twice, undo of an open item…). */
export function applyItemChange(item: ChecklistItem, change: ItemChange, actorId: string, now: DateTime): ChecklistItem {
  switch (change.type) {
    case 'done':
    case 'skip': {
      if (!isOpen(item)) throw new DomainError('invalid_input', closedAlready(item));
      const reason = change.type === 'skip' ? change.reason.trim() : null;
      if (change.type === 'skip' && !reason) throw new DomainError('invalid_input', (t) => t.errors.skipReasonMissing, 'reason');
      return { ...item, state: change.type === 'done' ? 'done' : 'skipped', closedBy: actorId, closedAt: now, reason };
    }
    case 'undo':
      if (isOpen(item)) throw new DomainError('invalid_input', (t) => t.errors.stepStillOpen);
      return { ...item, state: item.assigneeId ? 'assigned' : 'open', closedBy: null, closedAt: null, reason: null };
    case 'assign':
      if (!isOpen(item)) throw new DomainError('invalid_input', closedAlready(item));
      if (item.assigneeId === change.userId) throw new DomainError('invalid_input', (t) => t.errors.stepAssignedAlready(change.userId));
      return { ...item, state: 'assigned', assigneeId: change.userId };
  }
}

/** Why a closed step cannot be closed again or assigned. */
function closedAlready(item: ChecklistItem): ErrorText {
  const by = item.closedBy ?? '';
  return item.state === 'skipped' ? (t) => t.errors.stepSkippedAlready(by) : (t) => t.errors.stepDoneAlready(by);
}

/** A fresh item of a runbook that has just joined the incident. */
export function openItem(item: RunbookItem): ChecklistItem {
  return { ...item, state: 'open', assigneeId: null, closedBy: null, closedAt: null, reason: null };
}

/** When the item falls due, if it has a `due_after`. */
export function itemDueAt(runbook: Pick<AttachedRunbook, 'attachedAt'>, item: RunbookItem): DateTime | undefined {
  return item.dueAfterSeconds === undefined ? undefined : runbook.attachedAt.plus({ seconds: item.dueAfterSeconds });
}
