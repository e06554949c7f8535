import { sql, type SQL } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

import { ALERT_SOURCES, ALERT_STATUSES } from '../domain/alerts/alert.js';
import { ROLES, SCENARIOS, STATUSES } from '../domain/incident.js';
import { LOCALES, VARIANTS } from '../domain/postmortem/model.js';
import { RESPONDER_EVENT, SPARSE_EVENT } from './timeline-predicates.js';
import { ATTACH_REASONS, ITEM_STATES } from '../domain/runbooks/checklist.js';
import { SEVERITIES } from '../domain/severity.js';
import { HORIZONS, TIMELINE_KINDS } from '../domain/timeline.js';
import { OUTBOX_KINDS } from '../outbox/intents.js';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const OUTBOX_STATUSES = ['pending', 'delivered', 'failed', 'dead', 'superseded'] as const;

/** `column in (…)`: enum columns are text with a CHECK, so a new value is one migration, not a type change. */
const oneOf = (column: SQL | { name: string }, values: readonly string[]) =>
  sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;

/** `id` is the human reference: INC-{id}, handed out by the sequence. */
export const incidents = pgTable(
  'incidents',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    severity: text('severity', { enum: SEVERITIES }).notNull(),
    status: text('status', { enum: STATUSES }).notNull(),
    scenario: text('scenario', { enum: SCENARIOS }).notNull(),
    impact: text('impact').notNull().default(''),
    declaredBy: text('declared_by').notNull(),
    channelId: text('channel_id'),
    channelName: text('channel_name'),
    startedAt: tz('started_at').notNull(),
    detectedAt: tz('detected_at').notNull(),
    declaredAt: tz('declared_at').notNull(),
    lastUpdateAt: tz('last_update_at'),
    nextUpdateDueAt: tz('next_update_due_at'),
    resolvedAt: tz('resolved_at'),
    isDrill: boolean('is_drill').notNull().default(false),
    isPrivate: boolean('is_private').notNull().default(false),
    resolution: jsonb('resolution'),
    /** Reminders of the current cadence cycle: 0 none yet, 1 commander, 2 comms lead, 3 #incidents told. */
    reminderStage: integer('reminder_stage').notNull().default(0),
    /** Bumped whenever the cadence restarts (update, severity change, reopen); keys the cycle's messages. */
    reminderCycle: integer('reminder_cycle').notNull().default(0),
    nextReminderAt: tz('next_reminder_at'),
    lastRemindedAt: tz('last_reminded_at'),
    snoozeCount: integer('snooze_count').notNull().default(0),
  },
  (t) => [
    index('incidents_open_due_idx').on(t.nextUpdateDueAt).where(sql`${t.status} <> 'resolved'`),
    index('incidents_next_reminder_idx')
      .on(t.nextReminderAt)
      .where(sql`${t.status} <> 'resolved' and ${t.nextReminderAt} is not null`),
    index('incidents_channel_idx').on(t.channelId),
    /** Insights find a period's incidents by their last resolution. */
    index('incidents_resolved_at_idx').on(t.resolvedAt).where(sql`${t.status} = 'resolved'`),
    // Lists and pickers show the open incidents most severe and most recent first, a page at a time.
    index('incidents_open_rank_idx').on(t.severity, t.declaredAt.desc(), t.id.desc()).where(sql`${t.status} <> 'resolved'`),
    // App Home's "Yours" starts from what a person declared (and their roles), not every open incident.
    index('incidents_open_declarer_idx').on(t.declaredBy).where(sql`${t.status} <> 'resolved'`),
    index('incidents_open_private_idx').on(t.id).where(sql`${t.status} <> 'resolved' and ${t.isPrivate}`),
    check('incidents_severity_check', oneOf(t.severity, SEVERITIES)),
    check('incidents_status_check', oneOf(t.status, STATUSES)),
    check('incidents_scenario_check', oneOf(t.scenario, SCENARIOS)),
  ],
);

/** The current holder of each role; the history is in the timeline. */
export const incidentRoles = pgTable(
  'incident_roles',
  {
    incidentId: integer('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROLES }).notNull(),
    userId: text('user_id').notNull(),
    assignedAt: tz('assigned_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.role] }),
    index('incident_roles_user_idx').on(t.userId, t.incidentId),
    check('incident_roles_role_check', oneOf(t.role, ROLES)),
  ],
);

export const statusUpdates = pgTable(
  'status_updates',
  {
    id: serial('id').primaryKey(),
    incidentId: integer('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    authorId: text('author_id').notNull(),
    status: text('status', { enum: STATUSES }).notNull(),
    severity: text('severity', { enum: SEVERITIES }).notNull(),
    /** Versioned JSON (src/db/stored-json.ts), parsed on read. */
    fields: jsonb('fields').$type<unknown>().notNull(),
    postedAt: tz('posted_at').notNull(),
  },
  (t) => [
    index('status_updates_incident_idx').on(t.incidentId, t.postedAt),
    check('status_updates_status_check', oneOf(t.status, STATUSES)),
    check('status_updates_severity_check', oneOf(t.severity, SEVERITIES)),
  ],
);

export const timelineEvents = pgTable(
  'timeline_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    incidentId: integer('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    actorId: text('actor_id'),
    /** When it happened: for a backdated note, the time its author gave. */
    occurredAt: tz('occurred_at').notNull(),
    /** When it was written down, where that is later than when it happened; null means at `occurred_at`. */
    recordedAt: tz('recorded_at'),
    /** Versioned JSON whose shape the kind decides, parsed on read. */
    data: jsonb('data').$type<unknown>().notNull().default({}),
    /** For the conversation kinds: the Slack message the event is about, so an edit or deletion finds its entries. */
    messageChannelId: text('message_channel_id'),
    messageTs: text('message_ts'),
  },
  (t) => [
    index('timeline_incident_idx').on(t.incidentId, t.occurredAt, t.id),
    // Insights read a period's milestones from the few entries that carry them, and each
    // incident's first responder action (and who acted when) without touching every note.
    index('timeline_sparse_idx').on(t.incidentId, t.occurredAt).where(SPARSE_EVENT()),
    index('timeline_responder_idx').on(t.incidentId, t.occurredAt, t.actorId).where(RESPONDER_EVENT()),
    index('timeline_message_idx').on(t.messageChannelId, t.messageTs).where(sql`${t.messageTs} is not null`),
    check('timeline_events_kind_check', oneOf(t.kind, TIMELINE_KINDS)),
  ],
);

export const actionItems = pgTable(
  'action_items',
  {
    id: serial('id').primaryKey(),
    incidentId: integer('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    ownerId: text('owner_id'),
    horizon: text('horizon', { enum: HORIZONS }).notNull(),
    dueDate: text('due_date'),
    done: boolean('done').notNull().default(false),
    createdAt: tz('created_at').notNull(),
    /** When its owner was sent the due reminder; set in the claim's transaction, so once across replicas. */
    dueNotifiedAt: tz('due_notified_at'),
  },
  (t) => [
    index('action_items_incident_idx').on(t.incidentId),
    index('action_items_due_idx').on(t.dueDate).where(sql`not ${t.done} and ${t.dueNotifiedAt} is null and ${t.ownerId} is not null and ${t.dueDate} is not null`),
    check('action_items_horizon_check', oneOf(t.horizon, HORIZONS)),
  ],
);

/**
 * Every version of a postmortem draft shared in Slack, per language and variant: the channel's one
 * draft message shows the newest and lists the earlier ones. The row is written after the upload
 * and before the message changes, keyed by its outbox row, so a retried delivery finds its version.
 */
export const postmortemDrafts = pgTable(
  'postmortem_drafts',
  {
    id: serial('id').primaryKey(),
    incidentId: integer('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    locale: text('locale', { enum: LOCALES }).notNull(),
    variant: text('variant', { enum: VARIANTS }).notNull(),
    version: integer('version').notNull(),
    fileId: text('file_id').notNull(),
    fileName: text('file_name').notNull(),
    permalink: text('permalink'),
    outboxId: bigint('outbox_id', { mode: 'number' }).notNull(),
    writtenAt: tz('written_at').notNull(),
  },
  (t) => [
    uniqueIndex('postmortem_drafts_version_idx').on(t.incidentId, t.locale, t.variant, t.version),
    uniqueIndex('postmortem_drafts_outbox_idx').on(t.outboxId),
    check('postmortem_drafts_locale_check', oneOf(t.locale, LOCALES)),
    check('postmortem_drafts_variant_check', oneOf(t.variant, VARIANTS)),
  ],
);

/** Everything that must reach Slack, written in the transaction of the change it announces. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    incidentId: integer('incident_id'),
    /** The request that caused it, for tracing a message from its cause to its delivery. */
    requestId: text('request_id'),
    kind: text('kind').notNull(),
    /** A versioned outbox intent (src/outbox/intents.ts), parsed when claimed. */
    payload: jsonb('payload').$type<unknown>().notNull(),
    /** `failed`: Slack will not take it; `dead`: this release cannot read it; `superseded`: a reminder replaced before it was sent. */
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /**
     * A reminder replaced after a send whose outcome was never heard (a timeout, a 5xx): it may be in
     * Slack. Its next claim only looks for that post, and is superseded if there is none.
     */
    withdrawing: boolean('withdrawing').notNull().default(false),
    availableAt: tz('available_at').notNull(),
    claimedUntil: tz('claimed_until'),
    lastError: text('last_error'),
    createdAt: tz('created_at').notNull(),
    deliveredAt: tz('delivered_at'),
  },
  (t) => [
    index('outbox_pending_idx').on(t.availableAt, t.id).where(sql`${t.status} = 'pending'`),
    index('outbox_incident_pending_idx').on(t.incidentId, t.id).where(sql`${t.status} = 'pending'`),
    check('outbox_status_check', oneOf(t.status, OUTBOX_STATUSES)),
    check('outbox_kind_check', oneOf(t.kind, OUTBOX_KINDS)),
  ],
);

/** Where each of an incident's long-lived messages is, so later edits find it. */
export const slackMessages = pgTable(
  'slack_messages',
  {
    incidentId: integer('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    channelId: text('channel_id').notNull(),
    ts: text('ts').notNull(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.key] })],
);

/**
 * This installation's identity, made once: it goes into the metadata of every message the bot
 * posts, so another installation sharing a channel (staging beside production, a restored copy)
 * is never mistaken for this one. One row, enforced by the key.
 */
export const installation = pgTable(
  'installation',
  {
    singleton: boolean('singleton').primaryKey().default(true),
    id: text('id').notNull(),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [check('installation_singleton_check', sql`${t.singleton}`)],
);

/**
 * Requests already applied (a view submission's id and hash, a command's trigger, a click): the
 * key is written in the transaction of the change, so a replay or retry changes nothing twice.
 */
export const appliedRequests = pgTable(
  'applied_requests',
  {
    key: text('key').primaryKey(),
    appliedAt: timestamp('applied_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('applied_requests_applied_at_idx').on(t.appliedAt)],
);

/** Slack retries events; an event id seen before is acknowledged and ignored. */
export const processedEvents = pgTable('processed_events', {
  eventId: text('event_id').primaryKey(),
  receivedAt: tz('received_at').notNull(),
});

/** Names of Slack users, looked up by delivery (never inside Slack's 3-second window) for the postmortem draft. */
export const slackUsers = pgTable('slack_users', {
  id: text('id').primaryKey(),
  displayName: text('display_name'),
  realName: text('real_name'),
  tz: text('tz'),
  /** Slack's language for the person (`ko-KR`), from users.info with include_locale. */
  locale: text('locale'),
  updatedAt: tz('updated_at').notNull(),
});

/**
 * Every alert notification that changed something: one row per alert state (firing, then
 * resolved) of each fingerprint in its group. A re-notification finds its state here and adds nothing.
 */
export const alerts = pgTable(
  'alerts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    source: text('source', { enum: ALERT_SOURCES }).notNull(),
    sourceName: text('source_name').notNull(),
    groupKey: text('group_key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    status: text('status', { enum: ALERT_STATUSES }).notNull(),
    title: text('title').notNull(),
    /** Versioned JSON (src/db/stored-json.ts): the alert's labels. */
    labels: jsonb('labels').$type<unknown>().notNull(),
    startsAt: tz('starts_at').notNull(),
    endsAt: tz('ends_at'),
    detailsUrl: text('details_url'),
    /** The alert's runbook (`runbook_url` annotation), an http(s) URL. */
    runbookUrl: text('runbook_url'),
    incidentId: integer('incident_id').references(() => incidents.id, { onDelete: 'set null' }),
    receivedAt: tz('received_at').notNull(),
  },
  (t) => [
    index('alerts_group_idx').on(t.source, t.groupKey, t.fingerprint, t.id),
    index('alerts_incident_idx').on(t.incidentId),
    check('alerts_source_check', oneOf(t.source, ALERT_SOURCES)),
    check('alerts_status_check', oneOf(t.status, ALERT_STATUSES)),
  ],
);

/** One row per scheduled digest time: whoever inserts it first (in the transaction that queues the post) posts it. */
export const insightsDigests = pgTable('insights_digests', {
  scheduledFor: tz('scheduled_for').primaryKey(),
  claimedAt: tz('claimed_at').notNull(),
});

/**
 * Each resolved incident's insights figures as its timeline reads now (milestones, phases in
 * minutes, peak severity, and each person's stretches on it), so a quarter's report reads one row
 * per incident instead of deriving them from every event. A cache, never the truth: a trigger
 * marks an incident stale in `incident_figures_stale` whenever its timeline or its row changes,
 * and a stale incident is derived afresh (src/db/repositories/insights/figures-sql.ts).
 */
export const incidentFigures = pgTable(
  'incident_figures',
  {
    incidentId: integer('incident_id')
      .primaryKey()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    declared: tz('declared').notNull(),
    detected: tz('detected').notNull(),
    acknowledged: tz('acknowledged'),
    /** What acknowledgement is measured from: detection or declaration. */
    ackFrom: tz('ack_from').notNull(),
    mitigated: tz('mitigated'),
    resolved: tz('resolved').notNull(),
    peak: text('peak').notNull(),
    detect: integer('detect'),
    acknowledge: integer('acknowledge'),
    mitigate: integer('mitigate'),
    resolve: integer('resolve'),
    /** Each person's stretches on the incident, as three arrays of one length (user, from, to). */
    stretchUsers: text('stretch_users').array().notNull(),
    stretchFrom: tz('stretch_from').array().notNull(),
    stretchTo: tz('stretch_to').array().notNull(),
  },
  (t) => [index('incident_figures_resolved_idx').on(t.resolved)],
);

/** Incidents whose figures may be out of date: written by triggers, consumed by a refresh. */
export const incidentFiguresStale = pgTable(
  'incident_figures_stale',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    incidentId: integer('incident_id').notNull(),
  },
  (t) => [index('incident_figures_stale_incident_idx').on(t.incidentId)],
);

/** People who opened the app's Home tab: their Home is re-published when incidents change, throttled per person. */
export const homeTabs = pgTable('home_tabs', {
  userId: text('user_id').primaryKey(),
  openedAt: tz('opened_at').notNull(),
  publishedAt: tz('published_at'),
});

/**
 * Slack's pace per method and channel, shared by every replica: the earliest a call may go next
 * (one message a second per channel, or a 429's Retry-After). Reserved with one atomic upsert.
 */
export const channelPace = pgTable(
  'channel_pace',
  {
    method: text('method').notNull(),
    channel: text('channel').notNull(),
    nextAt: tz('next_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.method, t.channel] })],
);

/**
 * A runbook attached to an incident, with its items as they were when it joined (versioned JSON,
 * `runbookSnapshotSchema`): editing a file changes no checklist already running. Never removed.
 */
export const incidentRunbooks = pgTable(
  'incident_runbooks',
  {
    id: serial('id').primaryKey(),
    incidentId: integer('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    runbookId: text('runbook_id').notNull(),
    snapshot: jsonb('snapshot').$type<unknown>().notNull(),
    reason: text('reason', { enum: ATTACH_REASONS }).notNull(),
    attachedBy: text('attached_by'),
    attachedAt: tz('attached_at').notNull(),
  },
  (t) => [
    uniqueIndex('incident_runbooks_runbook_idx').on(t.incidentId, t.runbookId),
    check('incident_runbooks_reason_check', oneOf(t.reason, ATTACH_REASONS)),
  ],
);

/** Where each item of an attached runbook stands; its text is in the runbook's snapshot. */
export const checklistItems = pgTable(
  'checklist_items',
  {
    attachmentId: integer('attachment_id')
      .notNull()
      .references(() => incidentRunbooks.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    position: integer('position').notNull(),
    state: text('state', { enum: ITEM_STATES }).notNull().default('open'),
    assigneeId: text('assignee_id'),
    /** Who marked it done or skipped, when, and (skipped) why. */
    closedBy: text('closed_by'),
    closedAt: tz('closed_at'),
    reason: text('reason'),
    /** `due_after` from when the runbook joined; null without one. */
    dueAt: tz('due_at'),
    /** When the item's nudge went out (once, across replicas). */
    nudgedAt: tz('nudged_at'),
    changedAt: tz('changed_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.attachmentId, t.itemId] }),
    index('checklist_items_assignee_idx').on(t.assigneeId).where(sql`${t.state} = 'assigned'`),
    index('checklist_items_due_idx').on(t.dueAt).where(sql`${t.state} in ('open', 'assigned') and ${t.dueAt} is not null and ${t.nudgedAt} is null`),
    check('checklist_items_state_check', oneOf(t.state, ITEM_STATES)),
  ],
);
