import type { DateTime } from 'luxon';
import type { Status } from './incident.js';
import type { CadenceMinutes, Severity } from './severity.js';

export interface CadenceInput {
  severity: Severity;
  status: Status;
  declaredAt: DateTime;
  lastUpdateAt: DateTime | null;
}

/**
 * The next status update is due one cadence after the last update, or after the declaration when
 * none was posted yet. A resolved incident has no update due.
 */
export function nextUpdateDue(input: CadenceInput, cadence: CadenceMinutes): DateTime | null {
  if (input.status === 'resolved') return null;
  const from = input.lastUpdateAt ?? input.declaredAt;
  return from.plus({ minutes: cadence[input.severity] });
}

/** Minutes late (0 when not yet due). */
export function minutesOverdue(due: DateTime | null, now: DateTime): number {
  if (!due) return 0;
  return Math.max(0, Math.floor(now.diff(due, 'minutes').minutes));
}
