import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseLeadingTime } from '../../../src/domain/note-time.js';

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

describe('parseLeadingTime', () => {
  it('reads `yesterday 23:50` in the author’s zone, across midnight there while UTC is still on the day before', () => {
    // 00:10 on 16 Nov in Seoul is 15:10 on 15 Nov in UTC.
    const now = utc('2024-11-15T15:10:00Z');
    const r = parseLeadingTime('yesterday 23:50 Alert fired', now, 'Asia/Seoul');
    expect(r).toMatchObject({ kind: 'at', text: 'Alert fired', written: 'yesterday 23:50' });
    if (r.kind !== 'at') throw new Error('expected a time');
    expect(r.at.toISO()).toBe('2024-11-15T14:50:00.000Z'); // 23:50 KST on the 15th, twenty minutes ago
    // The same words read in UTC mean a day earlier.
    const inUtc = parseLeadingTime('yesterday 23:50 Alert fired', now, 'UTC');
    expect(inUtc.kind === 'at' && inUtc.at.toISO()).toBe('2024-11-14T23:50:00.000Z');
  });

  it('reads `14:23` as today in the zone, and a full date as that day', () => {
    const now = utc('2024-11-15T06:00:00Z'); // 15:00 KST
    const today = parseLeadingTime('14:23 DB failover started', now, 'Asia/Seoul');
    expect(today.kind === 'at' && today.at.toISO()).toBe('2024-11-15T05:23:00.000Z');
    const dated = parseLeadingTime('2024-11-14 09:05   pool exhausted', now, 'Asia/Seoul');
    expect(dated).toMatchObject({ kind: 'at', text: 'pool exhausted' });
    expect(dated.kind === 'at' && dated.at.toISO()).toBe('2024-11-14T00:05:00.000Z');
  });

  it('refuses a time later than now, an impossible time, and a time with nothing after it', () => {
    const now = utc('2024-11-15T06:00:00Z'); // 15:00 KST
    expect(parseLeadingTime('15:01 too early', now, 'Asia/Seoul')).toMatchObject({ kind: 'future', written: '15:01' });
    expect(parseLeadingTime('2024-11-16 01:00 x', now, 'Asia/Seoul').kind).toBe('future');
    expect(parseLeadingTime('25:10 x', now, 'Asia/Seoul')).toMatchObject({ kind: 'invalid', written: '25:10' });
    expect(parseLeadingTime('2024-02-30 10:00 x', now, 'UTC').kind).toBe('invalid');
    expect(parseLeadingTime('yesterday 10:00', now, 'UTC')).toMatchObject({ kind: 'empty' });
    // 02:30 on 10 March 2024 did not happen in New York: clocks went from 02:00 to 03:00.
    expect(parseLeadingTime('2024-03-10 02:30 x', utc('2024-03-11T00:00:00Z'), 'America/New_York').kind).toBe('invalid');
  });

  it('leaves text without a leading time as it is', () => {
    const now = utc('2024-11-15T06:00:00Z');
    for (const text of ['DB failover started', 'at 14:23 the pool filled', '2:30pm deploy', 'yesterday was fine', '14:235 x']) {
      expect(parseLeadingTime(text, now, 'UTC')).toEqual({ kind: 'none', text });
    }
  });

  it('gives back any past minute written as `yyyy-MM-dd HH:mm` in any zone (property)', () => {
    const zones = ['UTC', 'Asia/Seoul', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Pacific/Chatham'];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 * 24 * 400 }), fc.constantFrom(...zones), (minutesAgo, zone) => {
        const now = utc('2025-06-01T12:34:56Z');
        const at = now.minus({ minutes: minutesAgo }).startOf('minute');
        const r = parseLeadingTime(`${at.setZone(zone).toFormat('yyyy-MM-dd HH:mm')} note`, now, zone);
        // A wall-clock time repeated when clocks go back reads as its first occurrence.
        const repeated = at.setZone(zone).offset !== at.setZone(zone).minus({ hours: 1 }).offset || at.setZone(zone).offset !== at.setZone(zone).plus({ hours: 1 }).offset;
        if (repeated) return r.kind === 'at' && Math.abs(r.at.toMillis() - at.toMillis()) <= 3_600_000;
        return r.kind === 'at' && r.at.toMillis() === at.toMillis() && r.text === 'note';
      }),
    );
  });

  it('never reads a time later than now, whatever is typed (property)', () => {
    const now = utc('2025-06-01T12:34:56Z');
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('UTC', 'Asia/Seoul', 'America/Los_Angeles'), (text, zone) => {
        const r = parseLeadingTime(text, now, zone);
        return r.kind !== 'at' || r.at.toMillis() <= now.toMillis();
      }),
    );
  });
});
