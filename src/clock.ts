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
