import { z } from 'zod';
import { reminderClosureSchema, reminderViewSchema } from '../domain/reminder-view.js';
import { roleSchema, scenarioSchema, severitySchema, statusSchema } from '../domain/schemas.js';
import { storedCodec } from '../db/stored-json.js';

/** The incident's own channel, or a reply under its announcement in #incidents. */
export const postTargetSchema = z.enum(['incident', 'announcement_thread']);
export type PostTarget = z.infer<typeof postTargetSchema>;

export const noticeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('severity_changed'), actorId: z.string(), from: severitySchema, to: severitySchema }),
  z.object({ type: z.literal('status_changed'), actorId: z.string(), from: statusSchema, to: statusSchema }),
  z.object({ type: z.literal('role_assigned'), actorId: z.string(), role: roleSchema, userId: z.string() }),
  z.object({ type: z.literal('note_added'), actorId: z.string(), text: z.string() }),
  z.object({
    type: z.literal('resolved'), actorId: z.string(), summary: z.string(), rootCause: z.string(), rootCauseConfirmed: z.boolean(),
  }),
  z.object({ type: z.literal('reopened'), actorId: z.string() }),
  z.object({ type: z.literal('scenario_changed'), actorId: z.string(), from: scenarioSchema, to: scenarioSchema }),
  /** A checklist step still open when it fell due, addressed to `recipientId` (assignee, role holder or commander). */
  z.object({
    type: z.literal('checklist_item_due'), recipientId: z.string(), runbookTitle: z.string(), itemText: z.string(),
    dueAt: z.iso.datetime({ offset: true }), link: z.string().optional(),
  }),
]);
export type Notice = z.infer<typeof noticeSchema>;

/** The edit of one sent reminder: refreshed (snooze) or closed. */
export const reminderEditSchema = z.object({ view: reminderViewSchema, closed: reminderClosureSchema.optional() });
export type ReminderEdit = z.infer<typeof reminderEditSchema>;

/**
 * What the outbox carries: intents, not rendered blocks. Delivery renders them from the state in
 * Postgres when it sends, so an edit after an outage shows the incident as it is now.
 */
export const outboxIntentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('channel.create'), inviteUserIds: z.array(z.string()) }),
  z.object({ kind: z.literal('channel.invite'), userIds: z.array(z.string()) }),
  z.object({ kind: z.literal('card.sync') }),
  z.object({ kind: z.literal('announcement.sync') }),
  z.object({ kind: z.literal('update.post'), updateId: z.number().int(), target: postTargetSchema }),
  z.object({ kind: z.literal('notice.post'), notice: noticeSchema, target: postTargetSchema }),
  /** Stages 1 and 2 go to the incident channel, stage 3 (overdue) to #incidents. */
  z.object({ kind: z.literal('reminder.post'), reminder: reminderViewSchema }),
  z.object({ kind: z.literal('reminder.edit'), edit: reminderEditSchema }),
  /** An alert no incident tracks, in #incidents with a Declare button (no incident). */
  z.object({ kind: z.literal('alert.post'), alertId: z.number().int() }),
  /** An alert attached to the incident, in its channel; with a Resolve button once all its alerts are resolved. */
  z.object({ kind: z.literal('alert.notice'), alertId: z.number().int(), suggestResolve: z.boolean() }),
  /** Something on App Home changed: queues a (throttled) publish for everyone who opened it. */
  z.object({ kind: z.literal('home.refresh') }),
  /** Renders one person's App Home from Postgres at delivery and publishes it (views.publish). */
  z.object({ kind: z.literal('home.publish'), userId: z.string() }),
  /** Reads a message put on the timeline from Slack (its content when `content`, always its permalink) and records it. */
  z.object({ kind: z.literal('message.fetch'), channelId: z.string(), messageTs: z.string(), content: z.boolean() }),
  /**
   * Renders the postmortem draft from Postgres at delivery, uploads it as the next version and puts
   * it in the incident channel's one draft message of its language and variant (absent: internal).
   */
  z.object({ kind: z.literal('postmortem.publish'), locale: z.enum(['en', 'ko']).optional(), variant: z.enum(['internal', 'external']).optional() }),
  /** Posts (pinned) or edits the checklist message(s) of one attached runbook, rendered from Postgres at delivery. */
  z.object({ kind: z.literal('checklist.sync'), attachmentId: z.number().int() }),
  /** A direct message to an action item's owner: the item is due. */
  z.object({ kind: z.literal('followup.remind'), actionItemId: z.number().int() }),
  /** The weekly insights digest in #incidents, for the 7 days `[from, to)` before its scheduled time. */
  z.object({ kind: z.literal('insights.digest'), scheduledFor: z.string(), from: z.string(), to: z.string() }),
]);
export type OutboxIntent = z.infer<typeof outboxIntentSchema>;
export const OUTBOX_KINDS = outboxIntentSchema.options.map((o) => o.shape.kind.value);

/** Version 1: the intents above. Rows written before versioning carry the same shape without `v`. */
export const outboxIntentCodec = storedCodec(outboxIntentSchema);
