import { z } from 'zod';
import { isoText, severitySchema } from './schemas.js';

/**
 * Everything a reminder message shows, carried in its outbox intents so the message (and its
 * later edits) render the same whichever replica sends them. Times are ISO strings.
 */
export const reminderViewSchema = z.object({
  cycle: z.number().int().nonnegative(),
  stage: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  /** 1 for the first status update of the incident, 2 for the second, … */
  updateNumber: z.number().int().positive(),
  dueAt: isoText,
  remindedAt: isoText,
  /** The severity (and its cadence) the update was due under. */
  severity: severitySchema,
  cadenceMinutes: z.number().positive(),
  commanderId: z.string(),
  commsLeadId: z.string().nullable(),
  snoozeCount: z.number().int().nonnegative(),
  snoozeLimit: z.number().int().nonnegative(),
  /** The latest snooze of the cycle, once someone pressed it. */
  snoozed: z.object({ by: z.string(), until: isoText }).optional(),
});
export type ReminderView = z.infer<typeof reminderViewSchema>;

/** Why a cycle's reminders stopped asking: shown in place of the buttons. */
export const reminderClosureSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('answered'), by: z.string(), at: isoText }),
  z.object({ type: z.literal('severity_changed'), by: z.string(), to: severitySchema, at: isoText, nextDueAt: isoText.nullable() }),
  z.object({ type: z.literal('resolved'), by: z.string(), at: isoText }),
]);
export type ReminderClosure = z.infer<typeof reminderClosureSchema>;
