import type { DateTime } from 'luxon';
import type { TimelineKind } from '../timeline.js';

/**
 * The phases of an incident, one definition for the postmortem's metrics and for insights across
 * incidents (the repository's SQL derives the same milestones; a test holds the two together).
 */
export const PHASES = ['detect', 'acknowledge', 'mitigate', 'resolve'] as const;
export type Phase = (typeof PHASES)[number];

/** Kinds that count as a human acting on the incident (when the actor is not null = the bot). */
export const RESPONDER_KINDS: ReadonlySet<TimelineKind> = new Set<TimelineKind>([
  'status_changed',
  'severity_changed',
  'role_assigned',
  'update_posted',
  'note_added',
  'snoozed',
  'resolved',
  'reopened',
  'action_item_added',
  'action_item_done',
  'scenario_changed',
]);

/** The moments the phases run between; `null` where nothing recorded says when. */
export interface PhaseMilestones {
  startedAt: DateTime;
  detectedAt: DateTime;
  /** Where acknowledging is counted from: detection for a marked acknowledgement or an alert, else the declaration. */
  acknowledgeFrom: DateTime;
  acknowledgedAt: DateTime | null;
  mitigatedAt: DateTime | null;
  resolvedAt: DateTime | null;
}

/** Whole minutes, truncated toward zero (never -0). */
export function minutesBetween(from: DateTime, to: DateTime): number {
  const m = Math.trunc((to.toMillis() - from.toMillis()) / 60000);
  return m === 0 ? 0 : m;
}

/**
 * detect = detected − impact started; acknowledge = acknowledged − (detected or declared);
 * mitigate = mitigated − impact started; resolve = resolved − impact started.
 */
export function phaseMinutes(m: PhaseMilestones): Record<Phase, number | null> {
  const since = (from: DateTime, to: DateTime | null): number | null => (to ? minutesBetween(from, to) : null);
  return {
    detect: minutesBetween(m.startedAt, m.detectedAt),
    acknowledge: since(m.acknowledgeFrom, m.acknowledgedAt),
    mitigate: since(m.startedAt, m.mitigatedAt),
    resolve: since(m.startedAt, m.resolvedAt),
  };
}
