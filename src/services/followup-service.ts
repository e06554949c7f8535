import type { Clock } from '../clock.js';
import { DomainError } from '../domain/errors.js';
import { lastDueDate } from '../domain/followups.js';
import type { Incident } from '../domain/incident.js';
import type { ActionItem } from '../domain/timeline.js';
import { assertMayCompleteActionItem } from './access.js';
import { enqueueIntent, lockIncident, withLockedIncident, type TransactionDeps } from './incident-transaction.js';

export interface FollowupServiceDeps extends TransactionDeps {
  clock: Clock;
  /** The team's zone (config.exportTimeZone): an item falls due in the morning of its due date there. */
  timeZone: string;
  /** Items claimed per transaction. */
  batchSize?: number;
}

/** Action items after they are written: listing them, marking them done, telling owners when they fall due. */
export class FollowupService {
  constructor(private readonly deps: FollowupServiceDeps) {}

  /** The same service, applying each change once per `key` (a click). */
  forRequest(key: string): FollowupService {
    return new FollowupService({ ...this.deps, requestKey: key });
  }

  list(incidentId: number): Promise<ActionItem[]> {
    return this.deps.repos.actionItems.listForIncident(this.deps.db, incidentId);
  }

  find(actionItemId: number): Promise<ActionItem | undefined> {
    return this.deps.repos.actionItems.findById(this.deps.db, actionItemId);
  }

  /** [Done]: by the item's owner or the incident's commander; recorded on the timeline. */
  async markDone(actionItemId: number, userId: string): Promise<{ incident: Incident; item: ActionItem }> {
    const found = await this.find(actionItemId);
    if (!found) throw new DomainError('not_found', (t) => t.errors.actionItemGone);
    return withLockedIncident(this.deps, found.incidentId, lockIncident, async ({ tx, repos, incident, writer }) => {
      const item = await repos.actionItems.findById(tx, actionItemId, { forUpdate: true });
      if (!item) throw new DomainError('not_found', (t) => t.errors.actionItemGone);
      assertMayCompleteActionItem(userId, item, incident);
      if (item.done) throw new DomainError('invalid_input', (t) => t.errors.actionItemDoneAlready(item.title));
      await repos.actionItems.markDone(tx, item.id);
      await writer.record('action_item_done', userId, { actionItemId: item.id, title: item.title });
      return { incident, item: { ...item, done: true } };
    });
  }

  /**
   * Every replica runs this on the scheduler's tick: claims the items that fell due (FOR UPDATE
   * SKIP LOCKED, marked told in the same transaction) and queues a direct message to each owner,
   * so an owner hears once however many replicas tick. Resolves with how many were queued.
   */
  async tick(): Promise<number> {
    const { db, repos, clock } = this.deps;
    const limit = this.deps.batchSize ?? 100;
    let queued = 0;
    for (;;) {
      const now = clock.now();
      const claimed = await db.transaction(async (tx) => {
        const items = await repos.actionItems.claimDue(tx, lastDueDate(now, this.deps.timeZone), now, limit);
        for (const item of items) await enqueueIntent(tx, repos, item.incidentId, now, { kind: 'followup.remind', actionItemId: item.id });
        return items.length;
      });
      queued += claimed;
      if (claimed > 0) this.deps.onOutboxWritten?.();
      if (claimed < limit) return queued;
    }
  }
}
