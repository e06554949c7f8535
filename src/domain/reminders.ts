import type { DateTime } from 'luxon';

/**
 * The reminders of one cadence cycle (from the last update, or the declaration, to the next):
 * 1 — the update is due: the commander is reminded in the incident channel;
 * 2 — half a cadence later: escalated to the communications lead and the channel;
 * 3 — a whole cadence later: #incidents is told the update is overdue.
 */
export type ReminderStage = 1 | 2 | 3;
export const REMINDER_STAGES: readonly ReminderStage[] = [1, 2, 3];
export const LAST_STAGE: ReminderStage = 3;

export const SNOOZE_LIMIT = 3;
export const SNOOZE_MINUTES = 10;

export interface ReminderState {
  /** When the update is (was) due. */
  dueAt: DateTime;
  cadenceMinutes: number;
  /** The highest stage already sent in this cycle; 0 when none. */
  stage: number;
  /** Snoozes used in this cycle: each puts every later stage off by SNOOZE_MINUTES. */
  snoozeCount: number;
}

/**
 * When a stage of the cycle falls due: at the due time, half a cadence and a whole cadence later,
 * each put off by the snoozes used so far.
 */
export function stageAt(dueAt: DateTime, cadenceMinutes: number, stage: ReminderStage, snoozeCount = 0): DateTime {
  const offsetSeconds = { 1: 0, 2: (cadenceMinutes * 60) / 2, 3: cadenceMinutes * 60 }[stage];
  return dueAt.plus({ seconds: offsetSeconds + snoozeCount * SNOOZE_MINUTES * 60 });
}

/**
 * The stage to send now: the highest one not yet sent whose time has come. After downtime or a
 * snooze that spanned several stages, only the most urgent is sent (it names everyone the earlier
 * ones would have).
 */
export function stageDueNow(state: ReminderState, now: DateTime): ReminderStage | undefined {
  let due: ReminderStage | undefined;
  for (const s of REMINDER_STAGES) {
    if (s > state.stage && stageAt(state.dueAt, state.cadenceMinutes, s, state.snoozeCount) <= now) due = s;
  }
  return due;
}

/** When the next reminder after `stage` is due, or null once the last stage was sent. */
export function nextReminderAfter(state: ReminderState): DateTime | null {
  const next = REMINDER_STAGES.find((s) => s > state.stage);
  return next ? stageAt(state.dueAt, state.cadenceMinutes, next, state.snoozeCount) : null;
}

export type SnoozeDecision =
  | { ok: true; until: DateTime; count: number; left: number }
  | { ok: false; reason: 'nothing_pending' | 'limit_reached' };

/**
 * A snooze puts the cycle's next reminder (and every later one) off by SNOOZE_MINUTES; each cycle
 * allows SNOOZE_LIMIT of them. Only a sent reminder with a next one pending can be snoozed.
 */
export function decideSnooze(state: ReminderState & { nextReminderAt: DateTime | null }): SnoozeDecision {
  if (state.stage < 1 || !state.nextReminderAt) return { ok: false, reason: 'nothing_pending' };
  if (state.snoozeCount >= SNOOZE_LIMIT) return { ok: false, reason: 'limit_reached' };
  const count = state.snoozeCount + 1;
  const until = nextReminderAfter({ ...state, snoozeCount: count })!;
  return { ok: true, until, count, left: SNOOZE_LIMIT - count };
}

/** Whole minutes from `due` to `at` (0 when not late). */
export function minutesLate(due: DateTime, at: DateTime): number {
  return Math.max(0, Math.floor(at.diff(due, 'minutes').minutes));
}
