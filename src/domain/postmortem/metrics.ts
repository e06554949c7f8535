import type { DateTime } from 'luxon';
import { isSeverity, type Severity } from '../severity.js';
import { minutesBetween, phaseMinutes, RESPONDER_KINDS } from '../insights/phases.js';
import type { Milestone, TimelineEvent } from '../timeline.js';
import { byOccurrence, currentTimeline, firstMilestone } from '../timeline-corrections.js';
import type { PostmortemInput } from './model.js';

/**
 * Incident metrics, computed only from recorded events (timeline, updates, the incident's own
 * timestamps), never from a row's `updated_at`. Durations are whole minutes (truncated toward
 * zero); `null` means the data needed is not recorded. A milestone marked on a timeline entry
 * (detected, acknowledged, identified, mitigated, recovered) is what a person said happened, so
 * the earliest one of each kind wins over what is inferred.
 */
export interface PostmortemMetrics {
  startedAt: DateTime;
  /** The earliest "detected" milestone, else the declare form's detection time. */
  detectedAt: DateTime;
  declaredAt: DateTime;
  /** The earliest "acknowledged" milestone, else the first responder action after the declaration (see `RESPONDER_KINDS`). */
  acknowledgedAt: DateTime | null;
  /** The earliest "identified" milestone, else the first entry into `identified`. */
  identifiedAt: DateTime | null;
  /** The earliest "mitigated" milestone, else the first entry into `monitoring`. */
  mitigatedAt: DateTime | null;
  /** The earliest "recovered" milestone, else the resolve form's recovery time. */
  recoveredAt: DateTime | null;
  /** The last resolution that was not reopened afterwards. */
  resolvedAt: DateTime | null;
  timeToDetectMinutes: number | null;
  /** From detection to a marked acknowledgement (an alert answered); without one, from the declaration to the first responder action. */
  timeToAcknowledgeMinutes: number | null;
  timeToIdentifyMinutes: number | null;
  timeToMitigateMinutes: number | null;
  timeToResolveMinutes: number | null;
  /** resolved − started; same as time to resolve. */
  durationMinutes: number | null;
  updatesPosted: number;
  /**
   * Updates the cadence called for: Σ over open periods of (minutes at a severity ÷ that
   * severity's cadence), floored. Severity changes and resolve/reopen are followed. `null` while
   * the incident has no recorded end.
   */
  updatesExpected: number | null;
  /** Longest span without an update: declaration → updates → resolution (when known). */
  longestGapMinutes: number | null;
}

export { minutesBetween, RESPONDER_KINDS };

/** Events in time order, ties broken by id (stable, deterministic). */
export function sortEvents(events: readonly TimelineEvent[]): TimelineEvent[] {
  return [...events].sort(byOccurrence);
}

function str(data: Record<string, unknown>, key: string): string | undefined {
  const v = data[key];
  return typeof v === 'string' ? v : undefined;
}

export function computeMetrics(input: PostmortemInput): PostmortemMetrics {
  const { incident } = input;
  const events = currentTimeline(input.timeline);
  const marked = (milestone: Milestone): DateTime | null => firstMilestone(events, milestone)?.occurredAt ?? null;
  const detectedAt = marked('detected') ?? incident.detectedAt;
  const acknowledgedMark = marked('acknowledged');

  const declaredEvent = events.find((e) => e.kind === 'declared');
  const declaredAt = declaredEvent?.occurredAt ?? incident.declaredAt;
  const declaredMs = declaredAt.toMillis();

  // From an alert, acknowledging is the first thing a person does after it (declaring included);
  // otherwise the declaration is the alert, and the first responder's action after it the answer.
  const alerted = events.some((e) => e.kind === 'alert_fired');
  const ackFrom = alerted ? detectedAt : declaredAt;
  const acknowledged = events.find(
    (e) =>
      (e === declaredEvent ? alerted : RESPONDER_KINDS.has(e.kind)) &&
      e.actorId !== null &&
      e.actorId !== '' &&
      e.occurredAt.toMillis() >= (e === declaredEvent ? ackFrom.toMillis() : declaredMs),
  );

  const firstEntry = (status: string): DateTime | null =>
    events.find((e) => e.kind === 'status_changed' && str(e.data, 'to') === status)?.occurredAt ??
    null;
  const identifiedAt = marked('identified') ?? firstEntry('identified');
  const mitigatedAt = marked('mitigated') ?? firstEntry('monitoring');
  const acknowledgedAt = acknowledgedMark ?? acknowledged?.occurredAt ?? null;

  let lastResolved: TimelineEvent | undefined;
  let reopenedAfter = false;
  for (const e of events) {
    if (e.kind === 'resolved') {
      lastResolved = e;
      reopenedAfter = false;
    } else if (e.kind === 'reopened' && lastResolved) {
      reopenedAfter = true;
    }
  }
  let resolvedAt: DateTime | null = null;
  if (lastResolved && !reopenedAfter) resolvedAt = lastResolved.occurredAt;
  else if (!lastResolved && incident.status === 'resolved' && incident.resolvedAt) {
    resolvedAt = incident.resolvedAt;
  }

  const since = (from: DateTime, to: DateTime | null): number | null =>
    to ? minutesBetween(from, to) : null;
  const phases = phaseMinutes({
    startedAt: incident.startedAt,
    detectedAt,
    acknowledgeFrom: acknowledgedMark ? detectedAt : ackFrom,
    acknowledgedAt,
    mitigatedAt,
    resolvedAt,
  });

  const updateTimes = input.updates.map((u) => u.postedAt.toMillis()).sort((a, b) => a - b);
  let longestGapMinutes: number | null = null;
  {
    const points = [declaredMs, ...updateTimes.filter((t) => t >= declaredMs)];
    if (resolvedAt && resolvedAt.toMillis() >= (points[points.length - 1] ?? declaredMs)) {
      points.push(resolvedAt.toMillis());
    }
    let best = -1;
    for (let i = 1; i < points.length; i++) {
      best = Math.max(best, (points[i] ?? 0) - (points[i - 1] ?? 0));
    }
    if (best >= 0) longestGapMinutes = Math.trunc(best / 60000);
  }

  return {
    startedAt: incident.startedAt,
    detectedAt,
    declaredAt,
    acknowledgedAt,
    identifiedAt,
    mitigatedAt,
    recoveredAt: marked('recovered') ?? input.resolution?.recoveredAt ?? null,
    resolvedAt,
    timeToDetectMinutes: phases.detect,
    timeToAcknowledgeMinutes: phases.acknowledge,
    timeToIdentifyMinutes: since(incident.startedAt, identifiedAt),
    timeToMitigateMinutes: phases.mitigate,
    timeToResolveMinutes: phases.resolve,
    durationMinutes: phases.resolve,
    updatesPosted: input.updates.length,
    updatesExpected: expectedUpdates(input, events, declaredMs, resolvedAt),
    longestGapMinutes,
  };
}

function expectedUpdates(
  input: PostmortemInput,
  events: readonly TimelineEvent[],
  declaredMs: number,
  resolvedAt: DateTime | null,
): number | null {
  if (!resolvedAt) return null;
  const firstChange = events.find((e) => e.kind === 'severity_changed');
  const initialFrom = firstChange ? str(firstChange.data, 'from') : undefined;
  let severity: Severity =
    initialFrom && isSeverity(initialFrom) ? initialFrom : input.incident.severity;
  let open = true;
  let cursor = declaredMs;
  let units = 0;
  const close = (at: number): void => {
    if (open && at > cursor) {
      const cadence = input.cadence[severity];
      if (cadence > 0) units += (at - cursor) / 60000 / cadence;
    }
    cursor = Math.max(cursor, at);
  };
  for (const e of events) {
    const at = e.occurredAt.toMillis();
    if (at < declaredMs) continue;
    if (e.kind === 'severity_changed') {
      close(at);
      const to = str(e.data, 'to');
      if (to && isSeverity(to)) severity = to;
    } else if (e.kind === 'resolved') {
      close(at);
      open = false;
    } else if (e.kind === 'reopened') {
      close(at);
      open = true;
    }
  }
  if (open) close(Math.max(resolvedAt.toMillis(), cursor));
  return Math.floor(units + 1e-9);
}
