import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import {
  assertChangeable, assertTransition, canTransition, parseIncidentRef, statusAfterUpdate, STATUSES, type Status,
} from '../../../src/domain/incident.js';
import { minutesOverdue, nextUpdateDue } from '../../../src/domain/cadence.js';
import { DEFAULT_CADENCE, parseSeverity } from '../../../src/domain/severity.js';

describe('status transitions', () => {
  const allowed: [Status, Status][] = [
    ['investigating', 'identified'],
    ['investigating', 'monitoring'],
    ['identified', 'monitoring'],
    ['monitoring', 'investigating'],
    ['monitoring', 'resolved'],
    ['investigating', 'resolved'],
  ];
  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition({ id: 7, status: from }, to)).not.toThrow();
  });

  it.each([
    ['resolved', 'identified'],
    ['resolved', 'monitoring'],
  ] as [Status, Status][])('refuses %s → %s and says how to reopen', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(() => assertTransition({ id: 7, status: from }, to)).toThrow('INC-7 is resolved. Use `/incident reopen` first if it is back.');
  });

  it('only lets a resolved incident go back to investigating (that is reopening)', () => {
    expect(canTransition('resolved', 'investigating')).toBe(true);
  });

  it('refuses staying in the same status with a readable reason', () => {
    for (const status of STATUSES.filter((s) => s !== 'resolved')) {
      expect(() => assertTransition({ id: 7, status }, status)).toThrow(`already ${status}`);
    }
  });
});

describe('the rules a listener must not keep', () => {
  it('a resolved incident takes no change but reopening, said one way', () => {
    expect(() => assertChangeable({ id: 12, status: 'resolved' })).toThrow('INC-12 is resolved. Use `/incident reopen` first if it is back.');
    for (const status of ['investigating', 'identified', 'monitoring'] as const) {
      expect(() => assertChangeable({ id: 12, status })).not.toThrow();
    }
  });

  it('an update that says resolved leaves the incident monitoring; any other status stays as said', () => {
    expect(statusAfterUpdate('resolved')).toBe('monitoring');
    expect(statusAfterUpdate('identified')).toBe('identified');
    expect(statusAfterUpdate('investigating')).toBe('investigating');
    expect(statusAfterUpdate('monitoring')).toBe('monitoring');
  });
});

describe('update due-time rules', () => {
  const declaredAt = DateTime.fromISO('2026-11-25T03:00:00Z', { zone: 'utc' });

  it.each([
    ['sev1', 15],
    ['sev2', 30],
    ['sev3', 60],
  ] as const)('%s is due %i minutes after declaration when no update was posted', (severity, minutes) => {
    const due = nextUpdateDue({ severity, status: 'investigating', declaredAt, lastUpdateAt: null }, DEFAULT_CADENCE);
    expect(due?.diff(declaredAt, 'minutes').minutes).toBe(minutes);
  });

  it('counts from the last update, and follows a changed severity at once', () => {
    const lastUpdateAt = declaredAt.plus({ minutes: 20 });
    const sev2 = nextUpdateDue({ severity: 'sev2', status: 'identified', declaredAt, lastUpdateAt }, DEFAULT_CADENCE);
    expect(sev2?.toISO()).toBe(lastUpdateAt.plus({ minutes: 30 }).toISO());
    const sev1 = nextUpdateDue({ severity: 'sev1', status: 'identified', declaredAt, lastUpdateAt }, DEFAULT_CADENCE);
    expect(sev1?.toISO()).toBe(lastUpdateAt.plus({ minutes: 15 }).toISO());
  });

  it('uses the workspace cadence overrides', () => {
    const due = nextUpdateDue({ severity: 'sev1', status: 'investigating', declaredAt, lastUpdateAt: null }, { ...DEFAULT_CADENCE, sev1: 10 });
    expect(due?.diff(declaredAt, 'minutes').minutes).toBe(10);
  });

  it('has nothing due once resolved', () => {
    expect(nextUpdateDue({ severity: 'sev1', status: 'resolved', declaredAt, lastUpdateAt: null }, DEFAULT_CADENCE)).toBeNull();
  });

  it('counts whole minutes overdue, never negative', () => {
    const due = declaredAt.plus({ minutes: 15 });
    expect(minutesOverdue(due, due.minus({ minutes: 3 }))).toBe(0);
    expect(minutesOverdue(due, due.plus({ minutes: 7, seconds: 59 }))).toBe(7);
  });
});

describe('parsing what people type', () => {
  it.each([
    ['sev1', 'sev1'],
    ['SEV-2', 'sev2'],
    ['3', 'sev3'],
    ['p1', 'sev1'],
    ['sev4', undefined],
    ['', undefined],
  ])('severity %j → %j', (text, expected) => {
    expect(parseSeverity(text)).toBe(expected);
  });

  it.each([
    ['INC-42', 42],
    ['inc-7', 7],
    ['12', 12],
    ['INC-', undefined],
    ['INC-1; drop table', undefined],
  ])('incident reference %j → %j', (text, expected) => {
    expect(parseIncidentRef(text)).toBe(expected);
  });
});
