import type { Scenario } from '../incident.js';
import type { Severity } from '../severity.js';
import type { Runbook } from './format.js';

export interface MatchFacts {
  severity: Severity;
  scenario: Scenario;
}

/** An absent key of `when` matches any value. */
export function matches(runbook: Runbook, facts: MatchFacts): boolean {
  const { severity, scenario } = runbook.when;
  return (!severity || severity.includes(facts.severity)) && (!scenario || scenario.includes(facts.scenario));
}

/**
 * Layering: the runbooks the incident's facts match that it does not have yet, in the library's
 * order. Matching only ever adds; a runbook attached earlier stays whatever the facts become.
 */
export function runbooksToAttach(library: readonly Runbook[], facts: MatchFacts, attachedIds: ReadonlySet<string>): Runbook[] {
  return library.filter((runbook) => !attachedIds.has(runbook.id) && matches(runbook, facts));
}
