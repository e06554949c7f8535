import type { DateTime } from 'luxon';
import { DomainError, type ErrorText } from './errors.js';

/** The modal fields these rules speak about (DomainError.field). */
export const TIME_FIELDS = { startedAt: 'startedAt', detectedAt: 'detectedAt', at: 'at' } as const;

/**
 * When the impact started and when it was detected, as the declare form gave them (either may be
 * left out: detection defaults to the start, the start to detection, both to now). Neither may be
 * in the future, and nothing is detected before it started.
 */
export function incidentTimes(given: { startedAt?: DateTime; detectedAt?: DateTime }, now: DateTime): { startedAt: DateTime; detectedAt: DateTime } {
  const startedAt = given.startedAt ?? given.detectedAt ?? now;
  const detectedAt = given.detectedAt ?? startedAt;
  assertNotFuture(startedAt, now, TIME_FIELDS.startedAt, (t) => t.errors.impactInFuture);
  assertNotFuture(detectedAt, now, TIME_FIELDS.detectedAt, (t) => t.errors.detectionInFuture);
  if (detectedAt.toMillis() < startedAt.toMillis()) {
    throw new DomainError('invalid_input', (t) => t.errors.detectionBeforeImpact, TIME_FIELDS.detectedAt);
  }
  return { startedAt, detectedAt };
}

/** A time people say something happened at must not be later than now. */
export function assertNotFuture(at: DateTime, now: DateTime, field: string, message: ErrorText = (t) => t.errors.timeInFuture): void {
  if (at.toMillis() > now.toMillis()) throw new DomainError('invalid_input', message, field);
}
