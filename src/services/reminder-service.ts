import type { DateTime } from 'luxon';
import type { Clock } from '../clock.js';
import type { Executor } from '../db/client.js';
import type { Repositories } from '../db/repositories/index.js';
import { DomainError } from '../domain/errors.js';
import { incidentRef, type Incident } from '../domain/incident.js';
import {
  decideSnooze, minutesLate, nextReminderAfter, SNOOZE_LIMIT, SNOOZE_MINUTES, stageDueNow, type ReminderStage,
} from '../domain/reminders.js';
import type { CadenceMinutes } from '../domain/severity.js';
import type { TimelineKind } from '../domain/timeline.js';
import type { Logger } from '../logger.js';
import {
  authorize, enqueueIntent, IncidentWriter, lockIncident, withLockedIncident, type TransactionDeps,
} from './incident-transaction.js';
import type { ReminderClosure, ReminderView } from '../domain/reminder-view.js';

export interface ReminderServiceDeps extends TransactionDeps {
  clock: Clock;
  cadence: CadenceMinutes;
  logger: Logger;
  /** Incidents claimed per transaction. */
  batchSize?: number;
  /** Test seam: runs after a batch is written and before it commits (crash tests kill the process here). */
  beforeCommit?: (claimed: number[]) => Promise<void>;
  /** Told of each reminder queued, after its commit: its stage and how late the tick took it. */
  onReminderQueued?: (stage: ReminderStage, latenessSeconds: number) => void;
}

interface QueuedReminder {
  stage: ReminderStage;
  latenessSeconds: number;
}

const STAGE_KIND: Record<ReminderStage, TimelineKind> = { 1: 'reminder_sent', 2: 'reminder_escalated', 3: 'update_overdue' };

/**
 * Sends due status-update reminders and handles snoozes. Every replica ticks: each batch is claimed
 * with FOR UPDATE SKIP LOCKED and its timeline events and outbox messages are written in the same
 * transaction, so a reminder is recorded and queued exactly once; a replica that dies mid-batch
 * rolls back and the next tick claims the same incidents again.
 */
export class ReminderService {
  constructor(private readonly deps: ReminderServiceDeps) {}

  /** The same service, applying each change once per `key` (a view submission, a command, a click). */
  forRequest(key: string): ReminderService {
    return new ReminderService({ ...this.deps, requestKey: key });
  }

  /** When the next reminder falls due, if any is pending. */
  nextDueAt(): Promise<DateTime | undefined> {
    return this.deps.repos.reminders.earliestDue(this.deps.db);
  }

  /** Sends every reminder due now; resolves with how many were queued. */
  async tick(): Promise<number> {
    const { db, repos, clock } = this.deps;
    const limit = this.deps.batchSize ?? 100;
    let sent = 0;
    for (;;) {
      const now = clock.now();
      const { claimed, queued } = await db.transaction(async (tx) => {
        const ids = await repos.reminders.claimDue(tx, now, limit);
        const sentNow: QueuedReminder[] = [];
        for (const id of ids) {
          const one = await this.sendDue(tx, id, now);
          if (one) sentNow.push(one);
        }
        if (ids.length > 0) await this.deps.beforeCommit?.(ids);
        return { claimed: ids.length, queued: sentNow };
      });
      for (const q of queued) this.deps.onReminderQueued?.(q.stage, q.latenessSeconds);
      sent += queued.length;
      if (queued.length > 0) this.deps.onOutboxWritten?.();
      if (claimed < limit) return sent;
    }
  }

  /** [Snooze 10 min]: puts the cycle's next reminder off; refuses past the limit with a DomainError. */
  async snooze(incidentId: number, userId: string): Promise<{ until: DateTime; left: number }> {
    await authorize(this.deps, 'snooze', userId, incidentId);
    return withLockedIncident(this.deps, incidentId, lockIncident, async ({ tx, repos, incident, writer }) => {
      const state = await repos.reminders.find(tx, incidentId);
      const dueAt = incident.nextUpdateDueAt;
      const decision = state && dueAt
        ? decideSnooze({ ...state, dueAt, cadenceMinutes: this.deps.cadence[incident.severity] })
        : ({ ok: false, reason: 'nothing_pending' } as const);
      if (incident.status === 'resolved' || !state || !decision.ok) {
        const limit = decision.ok === false && decision.reason === 'limit_reached';
        throw new DomainError(
          'snooze_limit',
          limit
            ? `This reminder was already snoozed ${SNOOZE_LIMIT} times, the most allowed. Post the update now (or say why it is late in the channel).`
            : `${incidentRef(incidentId)} has no reminder waiting to be snoozed.`,
        );
      }
      await repos.reminders.update(tx, incidentId, { snoozeCount: decision.count, nextReminderAt: decision.until });
      await writer.record('snoozed', userId, {
        cycle: state.cycle, minutes: SNOOZE_MINUTES, until: decision.until.toUTC().toISO()!, count: decision.count, limit: SNOOZE_LIMIT,
      });
      for (const view of await repos.reminders.sentInCycle(tx, incidentId, state.cycle)) {
        if (view.stage === 3) continue;
        const edited: ReminderView = { ...view, snoozeCount: decision.count, snoozed: { by: userId, until: decision.until.toISO()! } };
        await writer.enqueue({ kind: 'reminder.edit', edit: { view: edited } });
      }
      return { until: decision.until, left: decision.left };
    });
  }

  private async sendDue(tx: Executor, incidentId: number, now: DateTime): Promise<QueuedReminder | undefined> {
    const { repos } = this.deps;
    const incident = await repos.incidents.findById(tx, incidentId);
    const state = await repos.reminders.find(tx, incidentId);
    if (!incident || !state) return undefined;
    const dueAt = incident.nextUpdateDueAt;
    const cadenceMinutes = this.deps.cadence[incident.severity];
    if (!dueAt) {
      await repos.reminders.update(tx, incidentId, { nextReminderAt: null });
      return undefined;
    }
    const cycle = { dueAt, cadenceMinutes, stage: state.stage, snoozeCount: state.snoozeCount };
    const stage = stageDueNow(cycle, now);
    if (!stage) {
      await repos.reminders.update(tx, incidentId, { nextReminderAt: nextReminderAfter(cycle) });
      return undefined;
    }
    const view = reminderView(incident, {
      cycle: state.cycle, stage, dueAt, now, cadenceMinutes, snoozeCount: state.snoozeCount,
      updateNumber: (await repos.reminders.updatesPosted(tx, incidentId)) + 1,
    });
    const writer = new IncidentWriter(tx, repos, incidentId, now);
    await writer.record(STAGE_KIND[stage], null, { ...view, minutesLate: minutesLate(dueAt, now) });
    await writer.enqueue({ kind: 'reminder.post', reminder: view });
    await writer.refreshHomes();
    await repos.reminders.update(tx, incidentId, {
      stage, lastRemindedAt: now, nextReminderAt: nextReminderAfter({ ...cycle, stage }),
    });
    // How late the tick took it: from when this stage was due (the claim's next_reminder_at).
    const scheduled = state.nextReminderAt ?? now;
    return { stage, latenessSeconds: Math.max(0, now.diff(scheduled).as('seconds')) };
  }

}

function reminderView(
  incident: Incident,
  v: { cycle: number; stage: ReminderStage; dueAt: DateTime; now: DateTime; cadenceMinutes: number; snoozeCount: number; updateNumber: number },
): ReminderView {
  return {
    cycle: v.cycle, stage: v.stage, updateNumber: v.updateNumber, dueAt: v.dueAt.toUTC().toISO()!, remindedAt: v.now.toUTC().toISO()!,
    severity: incident.severity, cadenceMinutes: v.cadenceMinutes, commanderId: incident.commanderId, commsLeadId: incident.commsLeadId,
    snoozeCount: v.snoozeCount, snoozeLimit: SNOOZE_LIMIT,
  };
}


/**
 * Restarts the cadence cycle in the transaction of the change that restarts it (an update, a
 * severity change, a reopen; resolving passes `nextDueAt` null): the cycle's sent reminders are
 * edited to say why they stopped, and the next reminder is set for the new due time. The caller
 * holds the incident's row lock.
 */
export async function restartReminders(
  tx: Executor,
  repos: Repositories,
  incidentId: number,
  now: DateTime,
  nextDueAt: DateTime | null,
  closure?: ReminderClosure,
): Promise<void> {
  const state = await repos.reminders.find(tx, incidentId);
  if (!state) return;
  if (closure) {
    for (const view of await repos.reminders.sentInCycle(tx, incidentId, state.cycle)) {
      await enqueueIntent(tx, repos, incidentId, now, { kind: 'reminder.edit', edit: { view, closed: closure } });
    }
  }
  await repos.reminders.update(tx, incidentId, {
    cycle: state.cycle + 1, stage: 0, snoozeCount: 0, lastRemindedAt: null, nextReminderAt: nextDueAt,
  });
}
