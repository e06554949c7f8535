import type { DateTime } from 'luxon';
import type { Clock } from '../clock.js';
import type { Executor } from '../db/client.js';
import type { Repositories } from '../db/repositories/index.js';
import type { ReminderProgress, ReminderRow } from '../db/repositories/reminder-repository.js';
import type { NewTimelineEvent } from '../db/repositories/timeline-repository.js';
import { DomainError } from '../domain/errors.js';
import { incidentRef, type Incident } from '../domain/incident.js';
import {
  decideSnooze, minutesLate, nextReminderAfter, REMINDER_STAGES, SNOOZE_LIMIT, SNOOZE_MINUTES, stageDueNow, type ReminderStage,
} from '../domain/reminders.js';
import type { CadenceMinutes } from '../domain/severity.js';
import type { TimelineKind } from '../domain/timeline.js';
import type { Logger } from '../logger.js';
import {
  authorize, enqueueIntent, lockIncident, withLockedIncident, type TransactionDeps,
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
        const states = await repos.reminders.claimDue(tx, now, limit);
        const queuedNow = await this.queueDue(tx, states, now);
        if (states.length > 0) await this.deps.beforeCommit?.(states.map((r) => r.incidentId));
        return { claimed: states.length, queued: queuedNow };
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
          limit ? (t) => t.errors.snoozeLimit(SNOOZE_LIMIT) : (t) => t.errors.nothingToSnooze(incidentRef(incidentId)),
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

  /**
   * Queues the stage due now for each claimed incident, in a few statements for the whole batch:
   * the incidents, their update counts, the reminders they replace, the timeline events, the
   * outbox rows (with one App Home refresh) and the next due times. A reminder still waiting in
   * the outbox is withdrawn when a later stage is queued: it would reach the commander stale.
   */
  private async queueDue(tx: Executor, states: readonly ReminderRow[], now: DateTime): Promise<QueuedReminder[]> {
    const { repos } = this.deps;
    if (states.length === 0) return [];
    const incidents = new Map((await repos.incidents.findByIds(tx, states.map((s) => s.incidentId))).map((i) => [i.id, i]));
    const progress: ReminderProgress[] = [];
    const due: DueReminder[] = [];
    for (const state of states) {
      const incident = incidents.get(state.incidentId);
      if (!incident) continue;
      const next = this.nextStep(incident, state, now);
      progress.push(next.progress);
      if (next.due) due.push(next.due);
    }
    if (due.length > 0) {
      const dueIds = due.map((d) => d.incident.id);
      const updates = await repos.reminders.updatesPostedMany(tx, dueIds);
      const withdrawn = await repos.outbox.supersedeReminders(tx, dueIds, now);
      const views = due.map((d) => ({
        incidentId: d.incident.id,
        stage: d.stage,
        minutesLate: minutesLate(d.dueAt, now),
        view: reminderView(d.incident, {
          cycle: d.state.cycle, stage: d.stage, dueAt: d.dueAt, now, cadenceMinutes: d.cadenceMinutes, snoozeCount: d.state.snoozeCount,
          updateNumber: (updates.get(d.incident.id) ?? 0) + 1,
        }),
      }));
      await repos.timeline.appendMany(tx, [
        ...withdrawn.flatMap((w) => withdrawalEvent(w, now)),
        ...views.map(({ incidentId, stage, view, minutesLate: late }) => ({
          incidentId, kind: STAGE_KIND[stage], actorId: null, occurredAt: now, data: { ...view, minutesLate: late },
        })),
      ]);
      await repos.outbox.enqueueMany(tx, [
        ...views.map(({ incidentId, view }) => ({ incidentId, intent: { kind: 'reminder.post', reminder: view } as const })),
        { incidentId: null, intent: { kind: 'home.refresh' } }, // App Home shows reminders: one refresh for the batch
      ], now);
    }
    await repos.reminders.updateMany(tx, progress);
    // How late the tick took each: from when its stage was due (the claim's next_reminder_at).
    return due.map((d) => ({ stage: d.stage, latenessSeconds: Math.max(0, now.diff(d.state.nextReminderAt ?? now).as('seconds')) }));
  }

  /** The stage due now for one claimed incident, if any, and where its cycle stands afterwards. */
  private nextStep(incident: Incident, state: ReminderRow, now: DateTime): { progress: ReminderProgress; due?: DueReminder } {
    const kept = { incidentId: state.incidentId, stage: state.stage, lastRemindedAt: state.lastRemindedAt };
    const dueAt = incident.nextUpdateDueAt;
    if (!dueAt) return { progress: { ...kept, nextReminderAt: null } };
    const cadenceMinutes = this.deps.cadence[incident.severity];
    const cycle = { dueAt, cadenceMinutes, stage: state.stage, snoozeCount: state.snoozeCount };
    const stage = stageDueNow(cycle, now);
    if (!stage) return { progress: { ...kept, nextReminderAt: nextReminderAfter(cycle) } };
    return {
      progress: { ...kept, stage, lastRemindedAt: now, nextReminderAt: nextReminderAfter({ ...cycle, stage }) },
      due: { incident, state, stage, dueAt, cadenceMinutes },
    };
  }
}

interface DueReminder {
  incident: Incident;
  state: ReminderRow;
  stage: ReminderStage;
  dueAt: DateTime;
  cadenceMinutes: number;
}

/** The timeline's note that a queued reminder never reached Slack (it says "sent" for it already). */
export function withdrawalEvent(w: { incidentId: number; cycle: number; stage: number }, now: DateTime): NewTimelineEvent<'reminder_withdrawn'>[] {
  const stage = REMINDER_STAGES.find((s) => s === w.stage);
  return stage ? [{ incidentId: w.incidentId, kind: 'reminder_withdrawn', actorId: null, occurredAt: now, data: { cycle: w.cycle, stage } }] : [];
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
 * severity change, a reopen; resolving passes `nextDueAt` null): reminders of the old cycle still
 * waiting in the outbox are withdrawn (they would ask for what was just done), the ones sent are
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
  const withdrawn = await repos.outbox.supersedeReminders(tx, [incidentId], now);
  await repos.timeline.appendMany(tx, withdrawn.flatMap((w) => withdrawalEvent(w, now)));
  if (closure) {
    const unsent = new Set(withdrawn.map((w) => `${w.cycle}:${w.stage}`));
    for (const view of await repos.reminders.sentInCycle(tx, incidentId, state.cycle)) {
      if (unsent.has(`${view.cycle}:${view.stage}`)) continue;
      await enqueueIntent(tx, repos, incidentId, now, { kind: 'reminder.edit', edit: { view, closed: closure } });
    }
  }
  await repos.reminders.update(tx, incidentId, {
    cycle: state.cycle + 1, stage: 0, snoozeCount: 0, lastRemindedAt: null, nextReminderAt: nextDueAt,
  });
}
