import type { DateTime } from 'luxon';
import type { TimelineEvent, TimelineKind } from '../../src/domain/timeline.js';

/**
 * A timeline event whose data may be partial or odd: the postmortem renderer must cope with what
 * the pure functions are handed, whatever the repository would have let through.
 */
export function looseEvent(e: {
  id: number;
  incidentId: number;
  kind: TimelineKind;
  actorId: string | null;
  occurredAt: DateTime;
  data?: Record<string, unknown>;
}): TimelineEvent {
  return { ...e, data: e.data ?? {} } as TimelineEvent;
}
