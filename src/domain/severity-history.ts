import { isSeverity, SEVERITIES, type Severity } from './severity.js';
import type { TimelineEvent } from './timeline.js';

/** The worst severity an incident reached, and the one it has now (or was resolved at). */
export interface SeverityHistory {
  peak: Severity;
  final: Severity;
}

/** The more severe of two: SEV-1 outranks SEV-2. */
export function moreSevere(a: Severity, b: Severity): Severity {
  return SEVERITIES.indexOf(a) <= SEVERITIES.indexOf(b) ? a : b;
}

/**
 * Derived from the timeline (the declaration and every severity change), so no column keeps it:
 * the peak is the most severe level the incident was declared at, left or reached.
 */
export function severityHistory(events: readonly TimelineEvent[], current: Severity): SeverityHistory {
  let peak = current;
  // Read defensively, as the renderer reads the timeline: a value that is no severity is passed over.
  const reach = (value: unknown) => {
    if (typeof value === 'string' && isSeverity(value)) peak = moreSevere(peak, value);
  };
  for (const event of events) {
    if (event.kind === 'declared') reach(event.data.severity);
    else if (event.kind === 'severity_changed') {
      reach(event.data.from);
      reach(event.data.to);
    }
  }
  return { peak, final: current };
}

/** The timeline kinds `severityHistory` reads, for callers that load only those. */
export const SEVERITY_HISTORY_KINDS = ['declared', 'severity_changed'] as const;
