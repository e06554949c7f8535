/**
 * Every `callback_id`, `action_id` and `block_id` the Block Kit builders emit, shared with the
 * listeners that handle them.
 */

/** Modal `callback_id`s (the `app.view(...)` keys). */
export const CALLBACK_ID = {
  declare: 'incident_declare',
  update: 'incident_update',
  resolve: 'incident_resolve',
  followup: 'incident_followup',
  /** The message shortcut's "choose the incident" modal. */
  timelineMessage: 'incident_timeline_message',
  /** Adds a timeline entry, or edits one (its id in private_metadata). */
  timelineEntry: 'incident_timeline_entry',
  /** Asks why a checklist step is skipped (the item in private_metadata). */
  checklistSkip: 'checklist_skip',
} as const;

/**
 * Button `action_id`s (the `app.action(...)` keys). Every button's `value` is the incident id as a
 * decimal string.
 */
export const ACTION_ID = {
  /** Opens the status-update modal. */
  openUpdate: 'incident_open_update',
  /** Opens the resolve modal. */
  openResolve: 'incident_open_resolve',
  /** Reopens a resolved incident (carries a confirm dialog). */
  reopen: 'incident_reopen',
  /** On a reminder: opens the status-update modal for the incident's current severity. */
  reminderPostUpdate: 'reminder_post_update',
  /** On a reminder: puts the next reminder off by 10 minutes (limited per cycle). */
  reminderSnooze: 'reminder_snooze',
  /** On an alert posted to #incidents: opens the declare modal for it (the value is the alert id). */
  declareFromAlert: 'alert_declare',
  /** On App Home: opens the declare modal. */
  homeDeclare: 'home_declare',
  /** On the timeline: shows another page (value: incident and page, see button-values.ts). */
  timelinePage: 'incident_timeline_page',
  /** On the timeline: opens the timeline form for a new entry. */
  timelineAdd: 'incident_timeline_add',
  /** On a timeline entry: the overflow menu with Edit and Remove (option values name the entry). */
  timelineEntryMenu: 'incident_timeline_entry_menu',
  /** On a note read as UTC (Slack could not tell the author's zone): opens the timeline form on that entry (value as an entry's Edit option). */
  noteCorrectTime: 'incident_note_correct_time',
  /** On a note refused for a time later than now: records its text at now, once (value: see recordNoteValue). */
  noteRecordNow: 'incident_note_record_now',
  /** In the follow-up list and the due message: marks the action item (its id is the value) done. */
  followupDone: 'followup_done',
  /** In the resolve modal: one more action-item row (views.update). */
  addActionItemRow: 'resolve_add_action_item',
  /** On a checklist item (value: attachment and item, see button-values.ts): done, skip (a modal asks why), undo. */
  checklistDone: 'checklist_done',
  checklistSkip: 'checklist_skip',
  checklistUndo: 'checklist_undo',
  /** On a checklist item: a users_select; the item is in its block_id (`checklist:<attachment>:<item>`). */
  checklistAssign: 'checklist_assign',
} as const;

/** A modal input: its `block_id` (errors are keyed by it) and its element's `action_id`. */
export interface InputId {
  block: string;
  action: string;
}

const input = (name: string): InputId => ({ block: name, action: `${name}_input` });

export const DECLARE_INPUT = {
  title: input('declare_title'),
  severity: input('declare_severity'),
  scenario: input('declare_scenario'),
  impact: input('declare_impact'),
  commander: input('declare_commander'),
  drill: input('declare_drill'),
  startedAt: input('declare_started_at'),
  detectedAt: input('declare_detected_at'),
} as const satisfies Record<string, InputId>;

export const TIMELINE_INPUT = {
  at: input('timeline_at'),
  text: input('timeline_text'),
  milestone: input('timeline_milestone'),
} as const satisfies Record<string, InputId>;

export const TIMELINE_MESSAGE_INPUT = {
  incident: input('timeline_message_incident'),
} as const satisfies Record<string, InputId>;

export const UPDATE_INPUT = {
  status: input('update_status'),
  summary: input('update_summary'),
  scenario: input('update_scenario'),
} as const satisfies Record<string, InputId>;

/** The input for a severity report field (`SEVERITY_INFO[sev].reportFields[i].id`). */
export function updateFieldInput(fieldId: string): InputId {
  return input(`update_field_${fieldId}`);
}

export const RESOLVE_INPUT = {
  summary: input('resolve_summary'),
  rootCause: input('resolve_root_cause'),
  rootCauseCertainty: input('resolve_root_cause_certainty'),
  contributingFactors: input('resolve_contributing_factors'),
  recoverySignal: input('resolve_recovery_signal'),
  recoveredAt: input('resolve_recovered_at'),
  customerImpact: input('resolve_customer_impact'),
  businessImpact: input('resolve_business_impact'),
} as const satisfies Record<string, InputId>;

export const ACTION_ITEM_FIELDS = ['title', 'owner', 'horizon', 'due'] as const;
export type ActionItemField = (typeof ACTION_ITEM_FIELDS)[number];

/** Row `row` (0-based) of the action-item inputs in the resolve and follow-up modals. */
export function actionItemInput(row: number, field: ActionItemField): InputId {
  return input(`action_item_${row}_${field}`);
}

/** Block ids of message blocks a listener may want to find or replace. */
export const MESSAGE_BLOCK_ID = {
  addActionItemRow: 'resolve_add_action_item_row',
  cardActions: 'incident_card_actions',
  reminderActions: 'reminder_actions',
} as const;

export const CHECKLIST_SKIP_INPUT = { reason: input('checklist_skip_reason') } as const;
