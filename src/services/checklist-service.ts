import type { Clock } from '../clock.js';
import type { AssignedItem } from '../db/repositories/runbook-repository.js';
import { DomainError } from '../domain/errors.js';
import { incidentRef, type Incident } from '../domain/incident.js';
import {
  applyItemChange, openItemCount, TASKS_RUNBOOK_ID, TASKS_RUNBOOK_TITLE, type AttachedRunbook, type ChecklistItem, type ItemChange, type Runbook,
} from '../domain/runbooks/index.js';
import { authorize, lockIncident, withLockedIncident, type IncidentChange, type TransactionDeps } from './incident-transaction.js';
import { attachRunbook } from './runbook-attachment.js';

export interface ChecklistServiceDeps extends TransactionDeps {
  clock: Clock;
  /** The runbook files read at start-up: what `/incident runbook <id>` may attach. */
  runbooks: readonly Runbook[];
}

/** What a change left: the incident, the runbook as it is now and the item changed. */
export interface ItemChanged {
  incident: Incident;
  runbook: AttachedRunbook;
  item: ChecklistItem;
}

const MY_ITEMS_SHOWN = 20;

/** The checklists of attached runbooks: done, skip, undo, assign, tasks, attaching by hand. */
export class ChecklistService {
  constructor(private readonly deps: ChecklistServiceDeps) {}

  forRequest(key: string): ChecklistService {
    return new ChecklistService({ ...this.deps, requestKey: key });
  }

  library(): readonly Runbook[] {
    return this.deps.runbooks;
  }

  /**
   * Done, skip, undo or assign one item, as `actorId`. Under the incident's row lock, and written
   * only if the item still stands as it was read, so two Done clicks at once give one "done"
   * (the second is told who was first).
   */
  async changeItem(attachmentId: number, itemId: string, actorId: string, change: ItemChange): Promise<ItemChanged> {
    const found = await this.deps.repos.runbooks.find(this.deps.db, attachmentId);
    if (!found) throw new DomainError('not_found', (t) => t.errors.checklistGone);
    await authorize(this.deps, 'tick_checklist', actorId, found.incidentId);
    return withLockedIncident(this.deps, found.incidentId, lockIncident, async ({ tx, repos, incident, now, writer }) => {
      const runbook = (await repos.runbooks.find(tx, attachmentId))!;
      const before = runbook.items.find((i) => i.id === itemId);
      if (!before) throw new DomainError('not_found', (t) => t.errors.stepGone);
      const after = applyItemChange(before, change, actorId, now);
      if (!(await repos.runbooks.saveItem(tx, attachmentId, after, before.state, now))) {
        throw new DomainError('invalid_input', (t) => t.errors.stepChangedMeanwhile);
      }
      const ref = { attachmentId, runbookId: runbook.runbookId, itemId, text: before.text };
      if (change.type === 'done') await writer.record('checklist_item_done', actorId, ref);
      if (change.type === 'skip') await writer.record('checklist_item_skipped', actorId, { ...ref, reason: after.reason ?? '' });
      if (change.type === 'undo') await writer.record('checklist_item_reopened', actorId, { ...ref, from: before.state === 'skipped' ? 'skipped' : 'done' });
      if (change.type === 'assign') await writer.record('checklist_item_assigned', actorId, { ...ref, userId: change.userId, previous: before.assigneeId });
      await writer.enqueue({ kind: 'checklist.sync', attachmentId });
      if (change.type === 'assign' || before.assigneeId) await writer.refreshHomes();
      return { incident, runbook: { ...runbook, items: runbook.items.map((i) => (i.id === itemId ? after : i)) }, item: after };
    });
  }

  /** `/incident task <text> [@person]`: an item of the incident's own Tasks runbook, made on first use. */
  async addTask(incidentId: number, actorId: string, text: string, assigneeId: string | null): Promise<ItemChanged> {
    const task = text.trim();
    if (!task) throw new DomainError('invalid_input', (t) => t.errors.taskMissing);
    if (task.length > 500) throw new DomainError('invalid_input', (t) => t.errors.taskTooLong(500));
    await authorize(this.deps, 'tick_checklist', actorId, incidentId);
    return withLockedIncident(this.deps, incidentId, lockIncident, async (change) => {
      const { tx, repos, now, writer, incident } = change;
      let tasks = (await repos.runbooks.listForIncident(tx, incidentId)).find((r) => r.runbookId === TASKS_RUNBOOK_ID);
      const item = { id: `task-${(tasks?.items.length ?? 0) + 1}`, text: task };
      if (tasks) await repos.runbooks.addItem(tx, tasks.id, item, now);
      else tasks = await attachRunbook(change, { id: TASKS_RUNBOOK_ID, title: TASKS_RUNBOOK_TITLE, items: [item] }, 'tasks', actorId);
      const attachmentId = tasks!.id;
      await writer.record('checklist_item_added', actorId, { attachmentId, runbookId: TASKS_RUNBOOK_ID, itemId: item.id, text: task, assigneeId });
      if (assigneeId) {
        const added = (await repos.runbooks.find(tx, attachmentId))!.items.find((i) => i.id === item.id)!;
        await repos.runbooks.saveItem(tx, attachmentId, applyItemChange(added, { type: 'assign', userId: assigneeId }, actorId, now), 'open', now);
        await writer.record('checklist_item_assigned', actorId, { attachmentId, runbookId: TASKS_RUNBOOK_ID, itemId: item.id, text: task, userId: assigneeId, previous: null });
        await writer.refreshHomes();
      }
      await writer.enqueue({ kind: 'checklist.sync', attachmentId });
      return this.changed(change, attachmentId, item.id, incident);
    });
  }

  /** `/incident runbook <id>`: attaches one runbook by hand (whatever its `when`). */
  async attachByHand(incidentId: number, actorId: string, runbookId: string): Promise<AttachedRunbook> {
    const runbook = this.deps.runbooks.find((r) => r.id === runbookId);
    if (!runbook) {
      throw new DomainError('invalid_input', (t) => t.errors.noSuchRunbook(runbookId.slice(0, 64).replace(/[<>&`]/g, '')));
    }
    await authorize(this.deps, 'attach_runbook', actorId, incidentId);
    return withLockedIncident(this.deps, incidentId, lockIncident, async (change) => {
      const attached = await attachRunbook(change, runbook, 'manual', actorId);
      if (!attached) throw new DomainError('invalid_input', (t) => t.errors.runbookAttachedAlready(incidentRef(incidentId), runbook.id));
      return attached;
    });
  }

  find(attachmentId: number): Promise<AttachedRunbook | undefined> {
    return this.deps.repos.runbooks.find(this.deps.db, attachmentId);
  }

  list(incidentId: number): Promise<AttachedRunbook[]> {
    return this.deps.repos.runbooks.listForIncident(this.deps.db, incidentId);
  }

  async openCount(incidentId: number): Promise<number> {
    return openItemCount(await this.list(incidentId));
  }

  /** Open items assigned to `userId` across open incidents (App Home filters what they may see). */
  assignedTo(userId: string): Promise<AssignedItem[]> {
    return this.deps.repos.runbooks.assignedTo(this.deps.db, userId, MY_ITEMS_SHOWN);
  }

  private async changed({ tx, repos }: IncidentChange, attachmentId: number, itemId: string, incident: Incident): Promise<ItemChanged> {
    const runbook = (await repos.runbooks.find(tx, attachmentId))!;
    return { incident, runbook, item: runbook.items.find((i) => i.id === itemId)! };
  }
}
