import { DateTime } from 'luxon';
import type { WorkspaceClock } from '../src/clock.js';

/** A clock that moves only when told to. */
export class SteppedClock implements WorkspaceClock {
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
}
