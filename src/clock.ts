import { DateTime } from 'luxon';

/** Time comes from here, never from `new Date()`, so tests and drills can move it. */
export interface Clock {
  now(): DateTime;
}

export const systemClock: Clock = { now: () => DateTime.utc() };

/** A clock that only moves when told to; for tests. */
export class SteppedClock implements Clock {
  private current: DateTime;

  constructor(start: DateTime | string) {
    this.current = typeof start === 'string' ? DateTime.fromISO(start, { zone: 'utc' }) : start.toUTC();
  }

  now(): DateTime {
    return this.current;
  }

  advance(duration: { minutes?: number; seconds?: number; hours?: number; milliseconds?: number }): DateTime {
    this.current = this.current.plus(duration);
    return this.current;
  }

  set(to: DateTime): void {
    this.current = to.toUTC();
  }
}

/**
 * Runs `speed` times faster than the base clock from the moment it is made: a drill's 15 minutes
 * pass in 15 seconds at 60x.
 */
export class AcceleratedClock implements Clock {
  private readonly anchorReal: DateTime;
  private readonly anchorVirtual: DateTime;

  constructor(
    private readonly speed: number,
    private readonly base: Clock = systemClock,
    startAt?: DateTime,
  ) {
    this.anchorReal = base.now();
    this.anchorVirtual = startAt ?? this.anchorReal;
  }

  now(): DateTime {
    const elapsed = this.base.now().diff(this.anchorReal).toMillis();
    return this.anchorVirtual.plus({ milliseconds: elapsed * this.speed });
  }
}

/**
 * The drill clock: runs `speed` times faster than the base clock, and the speed can change while
 * it runs (the workspace page's drill control). Changing speed re-anchors at the current virtual
 * time, so time never jumps backwards; after a drill it stays ahead of the wall clock.
 */
export class DrillClock implements Clock {
  private anchorReal: DateTime;
  private anchorVirtual: DateTime;
  private current: number;
  private last: DateTime;

  constructor(
    speed = 1,
    private readonly base: Clock = systemClock,
  ) {
    if (!(speed >= 1)) throw new RangeError(`drill speed must be at least 1, got ${speed}`);
    this.current = speed;
    this.anchorReal = base.now();
    this.anchorVirtual = this.anchorReal;
    this.last = this.anchorReal;
  }

  get speed(): number {
    return this.current;
  }

  setSpeed(speed: number): void {
    if (!(speed >= 1)) throw new RangeError(`drill speed must be at least 1, got ${speed}`);
    const now = this.now();
    this.anchorReal = this.base.now();
    this.anchorVirtual = now;
    this.current = speed;
  }

  now(): DateTime {
    const elapsed = this.base.now().diff(this.anchorReal).toMillis();
    const virtual = this.anchorVirtual.plus({ milliseconds: elapsed * this.current });
    if (virtual > this.last) this.last = virtual;
    return this.last;
  }
}

/** True while a drill clock runs faster than real time: what is declared now is a drill. */
export function isDrilling(clock: Clock): boolean {
  return clock instanceof DrillClock && clock.speed > 1;
}
