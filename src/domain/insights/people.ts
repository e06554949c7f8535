import { DateTime, IANAZone } from 'luxon';

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
  return kindAt(local.hour, local.weekday);
}

function kindAt(hour: number, weekday: number): HourKind {
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

const HOUR_KINDS: readonly HourKind[] = ['working', 'evening', 'sleep'];
const WEEKDAY_HOURS: Record<HourKind, number> = { sleep: 8, working: 9, evening: 7 };
const WEEKEND_HOURS: Record<HourKind, number> = { sleep: 8, working: 0, evening: 16 };
const DAY_MS = 86_400_000;

/**
 * When `local` is a midnight and the whole day until the next one lies before `end`, that day's
 * hours at once (a quarter's stretch is hundreds of days); a day with a clock change (not 24
 * hours long) is walked boundary by boundary like any other part.
 */
function wholeDay(local: DateTime, end: number): { hours: Record<HourKind, number>; next: DateTime<boolean> } | undefined {
  if (local.hour !== 0 || local.minute !== 0 || local.second !== 0 || local.millisecond !== 0) return undefined;
  const next = local.plus({ days: 1 });
  const length = next.toMillis() - local.toMillis();
  if (length !== DAY_MS || next.toMillis() > end) return undefined;
  return { hours: local.weekday <= 5 ? WEEKDAY_HOURS : WEEKEND_HOURS, next };
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

const HOUR_MS = 3_600_000;
/** Longer than any stretch with two clock changes in it: zones change at most twice a year. */
const FIXED_OFFSET_SPAN_MS = 36 * HOUR_MS;

/**
 * Adds the time from `from` to `to` (epoch ms) to `ms` by the kind of hour it falls in, in
 * `zone`; answers the kind of hour it began in. A stretch with the same UTC offset at both ends
 * and shorter than a day and a half has no clock change inside, so its hours are plain
 * arithmetic on local time; any other is walked on the calendar (as a quarter's 1,000 stretches
 * are mostly the first kind, this keeps a report from spending its time in date arithmetic).
 */
function splitStretch(from: number, to: number, zone: string, ms: Record<HourKind, number>): HourKind {
  const iana = IANAZone.create(zone);
  const offset = iana.offset(from);
  if (to - from <= FIXED_OFFSET_SPAN_MS && iana.offset(to) === offset) {
    const shift = offset * 60_000;
    return walkLocal(from + shift, to + shift, ms);
  }
  let cursor: DateTime<boolean> = DateTime.fromMillis(from, { zone });
  const first = hourKind(cursor);
  while (cursor.toMillis() < to) {
    const day = wholeDay(cursor, to);
    if (day) {
      for (const kind of HOUR_KINDS) ms[kind] += day.hours[kind] * HOUR_MS;
      cursor = day.next;
      continue;
    }
    const boundary = Math.min(nextBoundary(cursor).toMillis(), to);
    ms[hourKind(cursor)] += boundary - cursor.toMillis();
    cursor = DateTime.fromMillis(boundary, { zone });
  }
  return first;
}

/** Local time as epoch-like ms (UTC fields read as local ones), boundary by boundary. */
function walkLocal(from: number, to: number, ms: Record<HourKind, number>): HourKind {
  for (let t = from; t < to;) {
    const { hour, weekday, dayStart } = localFields(t);
    const boundary = Math.min(dayStart + (BOUNDARY_HOURS.find((h) => h > hour) ?? 24) * HOUR_MS, to);
    ms[kindAt(hour, weekday)] += boundary - t;
    t = boundary;
  }
  const start = localFields(from);
  return kindAt(start.hour, start.weekday);
}

function localFields(t: number): { hour: number; weekday: number; dayStart: number } {
  const day = Math.floor(t / DAY_MS);
  const dayStart = day * DAY_MS;
  // 1 January 1970 was a Thursday (ISO weekday 4).
  return { hour: Math.floor((t - dayStart) / HOUR_MS), weekday: ((((day + 3) % 7) + 7) % 7) + 1, dayStart };
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
      if (splitStretch(stretch.from.toMillis(), stretch.to.toMillis(), zone, ms) === 'sleep') woken = true;
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
