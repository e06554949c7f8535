import type { DateTime } from 'luxon';
import type { Clock } from '../clock.js';
import type { Executor } from '../db/client.js';
import type { ClaimedNudge } from '../db/repositories/checklist-nudge-repository.js';
import type { Repositories } from '../db/repositories/index.js';
import { nudgeRecipient } from '../domain/runbooks/nudge.js';
import { enqueueIntent, type TransactionDeps } from './incident-transaction.js';

export interface ChecklistNudgeServiceDeps extends TransactionDeps {
  clock: Clock;
  /** Steps claimed per transaction. */
  batchSize?: number;
}

/**
 * Checklist steps with a `due_after` still open when they fall due: one nudge each in the incident
 * channel, to the step's assignee, else the holder of its role, else the commander.
 */
export class ChecklistNudgeService {
  constructor(private readonly deps: ChecklistNudgeServiceDeps) {}

  /** When the next step falls due, for the due-time waker. */
  nextDueAt(): Promise<DateTime | undefined> {
    return this.deps.repos.checklistNudges.earliestDue(this.deps.db);
  }

  /**
   * Every replica runs this on the scheduler's tick and at due times: claims the steps that fell
   * due (FOR UPDATE SKIP LOCKED, marked nudged in the same transaction) and queues their nudges,
   * so a step is nudged once however many replicas run, across restarts. Resolves with how many.
   */
  async tick(): Promise<number> {
    const { db, repos, clock } = this.deps;
    const limit = this.deps.batchSize ?? 100;
    let queued = 0;
    for (;;) {
      const now = clock.now();
      const { claimed, nudged } = await db.transaction(async (tx) => {
        const due = await repos.checklistNudges.claimDue(tx, now, limit);
        let count = 0;
        for (const nudge of due.filter((n) => n.incidentOpen)) count += await queueNudge(tx, repos, nudge, now);
        return { claimed: due.length, nudged: count };
      });
      queued += nudged;
      if (nudged > 0) this.deps.onOutboxWritten?.();
      if (claimed < limit) return queued;
    }
  }
}

async function queueNudge(tx: Executor, repos: Repositories, nudge: ClaimedNudge, now: DateTime): Promise<number> {
  const incident = await repos.incidents.findById(tx, nudge.incidentId);
  const runbook = await repos.runbooks.find(tx, nudge.attachmentId);
  const item = runbook?.items.find((i) => i.id === nudge.itemId);
  if (!incident || !runbook || !item) return 0;
  await enqueueIntent(tx, repos, incident.id, now, {
    kind: 'notice.post',
    target: 'incident',
    notice: {
      type: 'checklist_item_due',
      recipientId: nudgeRecipient(item, incident),
      runbookTitle: runbook.title,
      itemText: item.text,
      dueAt: nudge.dueAt.toUTC().toISO()!,
      ...(item.link ? { link: item.link } : {}),
    },
  });
  return 1;
}
