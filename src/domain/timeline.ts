import type { DateTime } from 'luxon';
import { z } from 'zod';
import { reminderViewSchema } from './reminder-view.js';
import { ATTACH_REASONS } from './runbooks/checklist.js';
import { isoText, roleSchema, scenarioSchema, severitySchema, statusSchema, utcInstant } from './schemas.js';
import type { Severity } from './severity.js';
import type { Status } from './incident.js';

export const HORIZONS = ['immediate', 'short_term', 'long_term'] as const;
export type Horizon = (typeof HORIZONS)[number];
export const horizonSchema = z.enum(HORIZONS);

const alertData = z.object({ alertId: z.number().int(), source: z.string(), title: z.string(), detailsUrl: z.string().nullable() });

const reminderData = reminderViewSchema.extend({ minutesLate: z.number().optional() });

/** A Slack message, by channel and ts: the key every conversation kind carries. */
const messageRef = { channelId: z.string(), messageTs: z.string() };
/** A file shared in a message, kept as a link. */
export const messageFileSchema = z.object({ name: z.string(), permalink: z.string() });
export type MessageFile = z.infer<typeof messageFileSchema>;
/** What a message said; `editedTs` orders versions (null: never edited). */
export const messageContentSchema = z.object({ text: z.string(), files: z.array(messageFileSchema), editedTs: z.string().nullable() });
export type MessageContent = z.infer<typeof messageContentSchema>;
export const PIN_SOURCES = ['reaction', 'shortcut'] as const;

/** Moments a person may mark on a timeline entry; they drive the postmortem's metrics. */
export const MILESTONES = ['detected', 'acknowledged', 'identified', 'mitigated', 'recovered'] as const;
export type Milestone = (typeof MILESTONES)[number];
export const milestoneSchema = z.enum(MILESTONES);

/** Which item of which attached runbook a checklist event is about; `text` as the item said then. */
const checklistItemRef = { attachmentId: z.number().int(), runbookId: z.string(), itemId: z.string(), text: z.string() };

/** Each timeline kind's details, as stored in `timeline_events.data` (parsed on read and write). */
export const TIMELINE_DATA = {
  declared: z.object({ title: z.string(), severity: severitySchema, scenario: scenarioSchema, commanderId: z.string() }),
  status_changed: z.object({ from: statusSchema, to: statusSchema }),
  severity_changed: z.object({ from: severitySchema, to: severitySchema }),
  role_assigned: z.object({ role: roleSchema, userId: z.string(), previous: z.string().nullish() }),
  update_posted: z.object({ updateId: z.number().int(), status: statusSchema }),
  /** A note (`/incident note`, or the timeline form, which may mark a milestone); backdated when it says so. */
  note_added: z.object({ text: z.string(), milestone: milestoneSchema.nullish() }),
  /** A note or entry corrected by its author or the commander; the entry shows the new text, time and milestone. */
  entry_edited: z.object({ entryId: z.number().int(), text: z.string(), at: isoText, milestone: milestoneSchema.nullable() }),
  /** A note or entry taken off the timeline; the record of it stays. */
  entry_removed: z.object({ entryId: z.number().int() }),
  reminder_sent: reminderData,
  reminder_escalated: reminderData,
  update_overdue: reminderData,
  /** A queued reminder taken back before it reached Slack: a later one or the update it asked for replaced it. */
  reminder_withdrawn: z.object({ cycle: z.number().int().nonnegative(), stage: reminderViewSchema.shape.stage }),
  snoozed: z.object({ cycle: z.number().int(), minutes: z.number(), until: isoText, count: z.number().int(), limit: z.number().int() }),
  resolved: z.object({ from: statusSchema, summary: z.string(), rootCauseConfirmed: z.boolean() }),
  reopened: z.object({}),
  action_item_added: z.object({ actionItemId: z.number().int(), title: z.string(), horizon: horizonSchema }),
  postmortem_generated: z.object({ locale: z.enum(['en', 'ko']), variant: z.enum(['internal', 'external']).optional() }),
  /** The scenario decides the draft's own section (rollback record, capacity follow-ups, …). */
  scenario_changed: z.object({ from: scenarioSchema, to: scenarioSchema }),
  action_item_done: z.object({ actionItemId: z.number().int(), title: z.string() }),
  /** A monitoring system's alert started firing (at its own start time) or stopped; the actor is the source, not a person. */
  alert_fired: alertData,
  alert_resolved: alertData,
  /** Delivery learned where the incident's channel is. */
  channel_created: z.object({ channelId: z.string(), channelName: z.string() }),
  /** Delivery shared a postmortem draft into the incident channel. */
  postmortem_shared: z.object({ fileId: z.string(), permalink: z.string().nullable() }),
  /**
   * A message put on the timeline (a 📌 reaction or the message shortcut), recorded at the
   * message's own time. A reaction carries no content: delivery fetches it (`message_fetched`).
   */
  message_pinned: z.object({ ...messageRef, via: z.enum(PIN_SOURCES), authorId: z.string().nullable(), content: messageContentSchema.nullable() }),
  /** The person who pinned it by reaction took the reaction away. */
  message_unpinned: z.object(messageRef),
  message_edited: z.object({ ...messageRef, content: messageContentSchema }),
  message_deleted: z.object(messageRef),
  /** Delivery read the message from Slack: its content (when asked for) and permalink. */
  message_fetched: z.object({ ...messageRef, authorId: z.string().nullable(), permalink: z.string().nullable(), content: messageContentSchema.nullable() }),
  /** A runbook joined the incident: matched on severity and scenario, attached by hand, or the incident's own Tasks. */
  runbook_attached: z.object({ attachmentId: z.number().int(), runbookId: z.string(), title: z.string(), reason: z.enum(ATTACH_REASONS), items: z.number().int() }),
  checklist_item_done: z.object(checklistItemRef),
  checklist_item_skipped: z.object({ ...checklistItemRef, reason: z.string() }),
  /** Undo of a done or skipped item: open again. */
  checklist_item_reopened: z.object({ ...checklistItemRef, from: z.enum(['done', 'skipped']) }),
  checklist_item_assigned: z.object({ ...checklistItemRef, userId: z.string(), previous: z.string().nullable() }),
  /** `/incident task`: an item added to the incident's Tasks. */
  checklist_item_added: z.object({ ...checklistItemRef, assigneeId: z.string().nullable() }),
} satisfies Record<string, z.ZodType<Record<string, unknown>>>;

export type TimelineKind = keyof typeof TIMELINE_DATA;
export const TIMELINE_KINDS = Object.keys(TIMELINE_DATA) as TimelineKind[];
export type TimelineData = { [K in TimelineKind]: z.infer<(typeof TIMELINE_DATA)[K]> };

/** What delivery learned from Slack (where the channel and the draft are): kept, but not part of the postmortem's story. */
export const DELIVERY_RECORD_KINDS: ReadonlySet<TimelineKind> = new Set<TimelineKind>(['channel_created', 'postmortem_shared']);

/** The history of messages on the timeline: folded into one entry per message (src/domain/conversation.ts), never shown one by one. */
export const CONVERSATION_KINDS: ReadonlySet<TimelineKind> = new Set<TimelineKind>([
  'message_pinned', 'message_unpinned', 'message_edited', 'message_deleted', 'message_fetched',
]);


/** Corrections to other entries: applied to them (see currentTimeline), never shown as lines of their own. */
export const CORRECTION_KINDS: ReadonlySet<TimelineKind> = new Set<TimelineKind>(['entry_edited', 'entry_removed']);

/** Entries people wrote, which their author and the commander may edit or remove. */
export const EDITABLE_KINDS: ReadonlySet<TimelineKind> = new Set<TimelineKind>(['note_added']);

/**
 * One recorded step: its kind decides the shape of `data`. `occurredAt` is when it happened,
 * `recordedAt` when it was written down (later for a backdated note); absent means the same.
 * `editedAt` is set on an entry corrected since (see currentTimeline).
 */
export type TimelineEvent = {
  [K in TimelineKind]: {
    id: number;
    incidentId: number;
    kind: K;
    actorId: string | null;
    occurredAt: DateTime;
    recordedAt?: DateTime;
    editedAt?: DateTime;
    data: TimelineData[K];
  };
}[TimelineKind];

/** Report field id (see SEVERITY_INFO) → text, plus `summary`. */
export const updateFieldsSchema = z.record(z.string(), z.string());

export interface StatusUpdate {
  id: number;
  incidentId: number;
  authorId: string;
  status: Status;
  severity: Severity;
  fields: z.infer<typeof updateFieldsSchema>;
  postedAt: DateTime;
}

export interface ActionItem {
  id: number;
  incidentId: number;
  title: string;
  ownerId: string | null;
  horizon: Horizon;
  /** ISO date, `2024-11-22`. */
  dueDate: string | null;
  done: boolean;
  createdAt: DateTime;
}

/** What the resolve modal gathers, as stored in `incidents.resolution`. */
export const resolutionSchema = z.object({
  summary: z.string(),
  rootCause: z.string(),
  rootCauseConfirmed: z.boolean(),
  contributingFactors: z.array(z.string()).default([]),
  recoverySignal: z.string().nullable().default(null),
  recoveredAt: utcInstant.nullable().default(null),
  customerImpact: z.string().nullable().default(null),
  businessImpact: z.string().nullable().default(null),
});
export type Resolution = z.output<typeof resolutionSchema>;
