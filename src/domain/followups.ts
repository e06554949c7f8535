import type { DateTime } from 'luxon';

/** An action item falls due at this hour of its due date, in the team's zone: a message at the start of the day, not at midnight. */
export const FOLLOWUP_DUE_HOUR = 9;

/**
 * The latest due date (ISO, `2026-12-01`) that has fallen due at `now` in `zone`: today once it is
 * past FOLLOWUP_DUE_HOUR there, else yesterday. Items due on or before it are due.
 */
export function lastDueDate(now: DateTime, zone: string): string {
  const local = now.setZone(zone);
  const day = local.hour >= FOLLOWUP_DUE_HOUR ? local : local.minus({ days: 1 });
  return day.toISODate()!;
}
