import type { DateTime } from 'luxon';
import { DomainError } from '../errors.js';

/** A half-open span of time `[from, to)`. */
export interface Period {
  from: DateTime;
  to: DateTime;
}

/** The period of equal length just before. */
export function previousPeriod(period: Period): Period {
  const length = period.to.toMillis() - period.from.toMillis();
  return { from: period.from.minus(length), to: period.from };
}

/** The last `days` days up to now. */
export function lastDays(days: number, now: DateTime): Period {
  return { from: now.minus({ days }), to: now };
}

/** A period must end after it starts and span no more than a year and a bit (one query each). */
export function assertPeriod(period: Period): void {
  if (!period.from.isValid || !period.to.isValid) throw new DomainError('invalid_input', (t) => t.errors.periodNotIso);
  if (period.to.toMillis() <= period.from.toMillis()) throw new DomainError('invalid_input', (t) => t.errors.periodBackwards);
  if (period.to.diff(period.from, 'days').days > 400) throw new DomainError('invalid_input', (t) => t.errors.periodTooLong(400));
}
