import { describe, expect, it } from 'vitest';
import { DrillClock, isDrilling, SteppedClock } from '../../src/clock.js';

const START = '2026-11-25T03:00:00Z';

describe('DrillClock', () => {
  it('runs at the given speed: a SEV-1 cadence of 15 minutes passes in 15 seconds at 60x', () => {
    const base = new SteppedClock(START);
    const clock = new DrillClock(60, base);
    base.advance({ seconds: 15 });
    expect(clock.now().toISO()).toBe('2026-11-25T03:15:00.000Z');
    expect(isDrilling(clock)).toBe(true);
  });

  it('changes speed at runtime from where it is, never jumping backwards', () => {
    const base = new SteppedClock(START);
    const clock = new DrillClock(1, base);
    expect(isDrilling(clock)).toBe(false);
    base.advance({ seconds: 10 });
    clock.setSpeed(60);
    expect(clock.now().toISO()).toBe('2026-11-25T03:00:10.000Z');
    base.advance({ seconds: 10 });
    const during = clock.now();
    expect(during.toISO()).toBe('2026-11-25T03:10:10.000Z');
    clock.setSpeed(1);
    expect(clock.now() >= during).toBe(true);
    base.advance({ seconds: 1 });
    expect(clock.now().toISO()).toBe('2026-11-25T03:10:11.000Z');
    expect(isDrilling(clock)).toBe(false);
  });

  it('never goes backwards even when the base clock does', () => {
    const base = new SteppedClock(START);
    const clock = new DrillClock(2, base);
    base.advance({ seconds: 5 });
    const seen = clock.now();
    base.advance({ seconds: -3 });
    expect(clock.now() >= seen).toBe(true);
  });

  it('refuses speeds below 1', () => {
    expect(() => new DrillClock(0)).toThrow(RangeError);
    expect(() => new DrillClock(1).setSpeed(0.5)).toThrow(RangeError);
    expect(isDrilling(new SteppedClock(START))).toBe(false);
  });
});
