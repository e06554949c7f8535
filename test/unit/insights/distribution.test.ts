import { DateTime } from 'luxon';
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
});

describe('the previous period', () => {
  it('is as long and ends where the period starts', () => {
    const p = previousPeriod({ from: utc('2026-03-01T00:00:00Z'), to: utc('2026-03-29T00:00:00Z') });
    expect([p.from.toISO(), p.to.toISO()]).toEqual(['2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z']);
  });
});
