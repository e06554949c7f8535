import { DateTime } from 'luxon';

/**
 * What a leading time on a note said. Times are wall-clock times in the author's zone:
 * `14:23 …` is today, `yesterday 23:50 …` the day before, `2024-11-22 14:23 …` that day.
 */
export type LeadingTime =
  | { kind: 'none'; text: string }
  | { kind: 'at'; at: DateTime; text: string; written: string }
  /** The time is later than now: notes record what happened. `text` is what followed the time. */
  | { kind: 'future'; written: string; nowInZone: DateTime; text: string }
  /** A time with nothing after it. */
  | { kind: 'empty'; written: string }
  /** Looks like a time but is none: `25:10`, `2024-02-30 10:00`, a time skipped by a clock change. */
  | { kind: 'invalid'; written: string };

const LEADING_TIME = /^(?:(yesterday|today)\s+|(\d{4}-\d{2}-\d{2})\s+)?(\d{1,2}):(\d{2})(?=\s|$)/i;

/** Whether the note starts with something that reads as a time (its zone does not matter here). */
export function hasLeadingTime(input: string): boolean {
  return LEADING_TIME.test(input.trim());
}

export function parseLeadingTime(input: string, now: DateTime, zone: string): LeadingTime {
  const text = input.trim();
  const match = LEADING_TIME.exec(text);
  if (!match) return { kind: 'none', text };
  const [written, word, isoDate, hh = '', mm = ''] = match;
  const rest = text.slice(written.length).trim();
  const local = now.setZone(zone);
  const hour = Number(hh);
  const minute = Number(mm);
  const day = isoDate
    ? DateTime.fromISO(isoDate, { zone })
    : word?.toLowerCase() === 'yesterday'
      ? local.minus({ days: 1 }).startOf('day')
      : local.startOf('day');
  if (!day.isValid || hour > 23 || minute > 59) return { kind: 'invalid', written };
  const at = day.set({ hour, minute, second: 0, millisecond: 0 });
  // A wall-clock time that does not exist (skipped when clocks go forward) comes back moved.
  if (!at.isValid || at.hour !== hour || at.minute !== minute) return { kind: 'invalid', written };
  if (at.toMillis() > now.toMillis()) return { kind: 'future', written, nowInZone: local, text: rest };
  if (!rest) return { kind: 'empty', written };
  return { kind: 'at', at: at.toUTC(), text: rest, written };
}
