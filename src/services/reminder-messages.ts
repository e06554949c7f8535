import type { ReminderStage } from '../domain/reminders.js';
import type { Severity } from '../domain/severity.js';

/**
 * Everything a reminder message shows, carried in its outbox intents so the message (and its
 * later edits) render the same whichever replica sends them. Times are ISO strings.
 */
export interface ReminderView {
  cycle: number;
  stage: ReminderStage;
  /** 1 for the first status update of the incident, 2 for the second, … */
  updateNumber: number;
  dueAt: string;
  remindedAt: string;
  /** The severity (and its cadence) the update was due under. */
  severity: Severity;
  cadenceMinutes: number;
  commanderId: string;
  commsLeadId: string | null;
  snoozeCount: number;
  snoozeLimit: number;
  /** The latest snooze of the cycle, once someone pressed it. */
  snoozed?: { by: string; until: string };
}

/** Why a cycle's reminders stopped asking: shown in place of the buttons. */
export type ReminderClosure =
  | { type: 'answered'; by: string; at: string }
  | { type: 'severity_changed'; by: string; to: Severity; at: string; nextDueAt: string | null }
  | { type: 'resolved'; by: string; at: string };

/** The edit of one sent reminder: refreshed (snooze) or closed. */
export interface ReminderEdit {
  view: ReminderView;
  closed?: ReminderClosure;
}

export const reminderMessageKey = (cycle: number, stage: number): string => `reminder:${cycle}:${stage}`;
