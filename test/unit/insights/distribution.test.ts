import { DateTime } from 'luxon';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distributionOf, percentileCont } from '../../../src/domain/insights/distribution.js';
import { hourKind, responderHours } from '../../../src/domain/insights/people.js';
import { previousPeriod } from '../../../src/domain/insights/period.js';

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

describe('percentiles with linear interpolation (as percentile_cont)', () => {
  it('interpolates between the closest ranks', () => {
    expect(percentileCont([2, 10, 20], 0.5)).toBe(10);
    expect(percentileCont([2, 10, 20], 0.9)).toBe(18);
    expect(percentileCont([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentileCont([7], 0.9)).toBe(7);
  });

  it('has no median for no values, and n 0', () => {
    expect(distributionOf([])).toEqual({ n: 0, medianMinutes: null, p90Minutes: null, valuesMinutes: [] });
  });
});

describe('hours in a person\'s own zone', () => {
  it('reads sleep 23–07 every day, working 09–18 on weekdays, the rest as evening', () => {
    const seoul = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Seoul' });
    expect(hourKind(seoul('2026-05-04T23:30:00'))).toBe('sleep');
    expect(hourKind(seoul('2026-05-04T10:00:00'))).toBe('working');
    expect(hourKind(seoul('2026-05-09T10:00:00'))).toBe('evening'); // a Saturday
    expect(hourKind(seoul('2026-05-04T08:00:00'))).toBe('evening');
  });

  it('counts two incidents at once once', () => {
    const [h] = responderHours([
      { userId: 'U1', from: utc('2026-05-04T10:00:00Z'), to: utc('2026-05-04T12:00:00Z') },
      { userId: 'U1', from: utc('2026-05-04T11:00:00Z'), to: utc('2026-05-04T13:00:00Z') },
    ], () => 'UTC');
    expect(h).toEqual({ userId: 'U1', hours: 3, workingHours: 3, eveningHours: 0, sleepHours: 0, woken: false });
  });

  it('counts whole weeks by their days, and a day with a clock change by its hours', () => {
    const local = (iso: string, zone: string) => DateTime.fromISO(iso, { zone });
    // Monday to Monday in Seoul, from an evening: five weekdays, two weekend days, and the ends.
    const [week] = responderHours([{ userId: 'U1', from: local('2026-05-03T20:00:00', 'Asia/Seoul'), to: local('2026-05-11T08:30:00', 'Asia/Seoul') }], () => 'Asia/Seoul');
    expect(week).toMatchObject({ hours: 180.5, workingHours: 45, eveningHours: 3 + 67 + 1.5, sleepHours: 1 + 56 + 7 });
    // Berlin's spring change: Sunday 29 March 2026 is 23 hours long, and the hour lost is a sleep hour.
    const [spring] = responderHours([{ userId: 'U2', from: local('2026-03-28T00:00:00', 'Europe/Berlin'), to: local('2026-03-30T00:00:00', 'Europe/Berlin') }], () => 'Europe/Berlin');
    expect(spring).toMatchObject({ hours: 47, workingHours: 0, eveningHours: 32, sleepHours: 15, woken: true });
  });

  it('agrees with counting minute by minute, across clock changes and half-hour zones', () => {
    const zones = ['UTC', 'Asia/Seoul', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/St_Johns'];
    const minute = 60_000;
    // Clock changes in 2026 (Berlin, New York, Lord Howe's half hour, St John's), so stretches meet them often.
    const changes = ['2026-03-29T01:00:00Z', '2026-03-08T07:00:00Z', '2026-04-04T15:00:00Z', '2026-10-25T01:00:00Z', '2026-11-01T06:00:00Z', '2026-11-01T03:30:00Z']
      .map((iso) => Date.parse(iso) / minute);
    const anyTime = fc.integer({ min: Date.UTC(2025, 0, 1) / minute, max: Date.UTC(2027, 0, 1) / minute });
    const nearChange = fc.tuple(fc.constantFrom(...changes), fc.integer({ min: 0, max: 48 * 60 })).map(([at, before]) => at - before);
    fc.assert(fc.property(
      fc.oneof(anyTime, nearChange), fc.integer({ min: 1, max: 48 * 60 }), fc.constantFrom(...zones),
      (start, minutes, zone) => {
        const counted = { working: 0, evening: 0, sleep: 0 };
        for (let m = 0; m < minutes; m += 1) counted[hourKind(DateTime.fromMillis((start + m) * minute, { zone }))] += 1;
        const [h] = responderHours([{ userId: 'U1', from: DateTime.fromMillis(start * minute), to: DateTime.fromMillis((start + minutes) * minute) }], () => zone);
        const hours = (n: number) => Math.round((n / 60) * 100) / 100;
        expect(h).toMatchObject({ workingHours: hours(counted.working), eveningHours: hours(counted.evening), sleepHours: hours(counted.sleep) });
        expect(h!.woken).toBe(hourKind(DateTime.fromMillis(start * minute, { zone })) === 'sleep');
      },
    ), { numRuns: 200 });
  });
});

describe('the previous period', () => {
  it('is as long and ends where the period starts', () => {
    const p = previousPeriod({ from: utc('2026-03-01T00:00:00Z'), to: utc('2026-03-29T00:00:00Z') });
    expect([p.from.toISO(), p.to.toISO()]).toEqual(['2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z']);
  });
});
