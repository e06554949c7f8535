import type { DateTime } from 'luxon';

export const TIMELINE_KINDS = [
  'declared',
  'status_changed',
  'severity_changed',
  'role_assigned',
  'update_posted',
  'note_added',
  'reminder_sent',
  'reminder_escalated',
  'update_overdue',
  'snoozed',
  'resolved',
  'reopened',
  'action_item_added',
  'postmortem_generated',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/**
 * One recorded step. `data` holds the kind's details, e.g. `{ from, to }` for status and severity
 * changes, `{ role, userId }` for role changes, `{ text }` for notes, `{ updateId }` for updates.
 */
export interface TimelineEvent {
  id: number;
  incidentId: number;
  kind: TimelineKind;
  actorId: string | null;
  occurredAt: DateTime;
  data: Record<string, unknown>;
}

export interface StatusUpdate {
  id: number;
  incidentId: number;
  authorId: string;
  status: import('./incident.js').Status;
  severity: import('./severity.js').Severity;
  /** Report field id (see SEVERITY_INFO) → text, plus `summary`. */
  fields: Record<string, string>;
  postedAt: DateTime;
}

export const HORIZONS = ['immediate', 'short_term', 'long_term'] as const;
export type Horizon = (typeof HORIZONS)[number];

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

/** What the resolve modal gathers (issue 5 extends it). */
export interface Resolution {
  summary: string;
  rootCause: string;
  rootCauseConfirmed: boolean;
  contributingFactors: string[];
  recoverySignal: string | null;
  recoveredAt: DateTime | null;
  customerImpact: string | null;
  businessImpact: string | null;
}
