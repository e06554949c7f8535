import { DateTime } from 'luxon';

/** A stretch of time one person spent on an incident. */
export interface Engagement {
  userId: string;
  from: DateTime;
  to: DateTime;
}

export interface ResponderHours {
  userId: string;
  hours: number;
  workingHours: number;
  eveningHours: number;
  sleepHours: number;
  /** Whether any stretch began in this person's sleep hours. */
  woken: boolean;
}

export type HourKind = 'working' | 'evening' | 'sleep';

/** Sleep 23:00–07:00 every day; working 09:00–18:00 Monday–Friday; the rest is evening. */
export function hourKind(local: DateTime): HourKind {
  const { hour, weekday } = local;
  if (hour >= 23 || hour < 7) return 'sleep';
  if (weekday <= 5 && hour >= 9 && hour < 18) return 'working';
  return 'evening';
}

const BOUNDARY_HOURS = [7, 9, 18, 23, 24];

function nextBoundary(local: DateTime): DateTime {
  const next = BOUNDARY_HOURS.find((h) => h > local.hour) ?? 24;
  // Calendar arithmetic, so a day with a clock change still ends at midnight.
  return next === 24 ? local.startOf('day').plus({ days: 1 }) : local.startOf('day').set({ hour: next });
}

/** Merges overlapping stretches, so two incidents at once count once. */
export function mergeStretches(stretches: readonly { from: DateTime; to: DateTime }[]): { from: DateTime; to: DateTime }[] {
  const sorted = [...stretches].filter((s) => s.to > s.from).sort((a, b) => a.from.toMillis() - b.from.toMillis());
  const merged: { from: DateTime; to: DateTime }[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.from <= last.to) last.to = s.to > last.to ? s.to : last.to;
    else merged.push({ ...s });
  }
  return merged;
}

const round2 = (h: number): number => Math.round(h * 100) / 100;

/** Hours per person, split in that person's own zone (`zoneOf`, an IANA name). */
export function responderHours(engagements: readonly Engagement[], zoneOf: (userId: string) => string): ResponderHours[] {
  const byUser = new Map<string, Engagement[]>();
  for (const e of engagements) {
    const list = byUser.get(e.userId);
    if (list) list.push(e);
    else byUser.set(e.userId, [e]);
  }
  const result: ResponderHours[] = [];
  for (const [userId, list] of byUser) {
    const zone = zoneOf(userId);
    const ms: Record<HourKind, number> = { working: 0, evening: 0, sleep: 0 };
    let woken = false;
    for (const stretch of mergeStretches(list)) {
      let cursor = stretch.from.setZone(zone);
      const end = stretch.to.toMillis();
      if (hourKind(cursor) === 'sleep') woken = true;
      while (cursor.toMillis() < end) {
        const boundary = Math.min(nextBoundary(cursor).toMillis(), end);
        ms[hourKind(cursor)] += boundary - cursor.toMillis();
        cursor = DateTime.fromMillis(boundary, { zone });
      }
    }
    const h = (x: number): number => round2(x / 3_600_000);
    result.push({
      userId,
      hours: h(ms.working + ms.evening + ms.sleep),
      workingHours: h(ms.working),
      eveningHours: h(ms.evening),
      sleepHours: h(ms.sleep),
      woken,
    });
  }
  return result.sort((a, b) => b.hours - a.hours || a.userId.localeCompare(b.userId));
}
