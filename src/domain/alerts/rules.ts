import { z } from 'zod';
import { scenarioSchema, severitySchema } from '../schemas.js';
import type { Scenario } from '../incident.js';
import type { Severity } from '../severity.js';
import type { Labels } from './alert.js';

/**
 * What an alert group that no open incident tracks leads to: a declared incident, or a post in
 * #incidents with a Declare button. An alert whose group an open incident already tracks is
 * attached to it, whatever the rules say.
 */
export const ALERT_ACTIONS = ['declare', 'post', 'ignore'] as const;
export type AlertAction = (typeof ALERT_ACTIONS)[number];

const slackUserId = z.string().regex(/^[UW][A-Z0-9_]+$/, 'a Slack user id such as U024BE7LH');

const ruleSchema = z.strictObject({
  /** Labels that must equal these values. */
  match: z.record(z.string(), z.string()).default({}),
  /** Labels that must match these regular expressions (anchored, as in Alertmanager's routes). */
  match_re: z.record(z.string(), z.string().refine(isRegex, 'must be a valid regular expression')).default({}),
  action: z.enum(ALERT_ACTIONS).default('declare'),
  severity: severitySchema.optional(),
  scenario: scenarioSchema.optional(),
  commander: slackUserId.optional(),
  private: z.boolean().optional(),
  /** Runbooks (their ids in RUNBOOKS_DIR) attached to the incident the rule declares. */
  runbooks: z.array(z.string().regex(/^[a-z0-9-]+$/, 'a runbook id: lowercase letters, digits and -')).default([]),
});

/** The ALERT_RULES file (YAML): the first rule whose matchers all hold decides. */
export const alertRulesSchema = z.strictObject({
  rules: z.array(ruleSchema).default([]),
  /** What an alert that no rule matches leads to. */
  otherwise: z.enum(ALERT_ACTIONS).default('post'),
  /** Who commands an incident declared from an alert, unless its rule names someone. */
  commander: slackUserId.optional(),
});
export type AlertRules = z.output<typeof alertRulesSchema>;
export type AlertRule = AlertRules['rules'][number];

/** With no rules file: the `severity` label decides, as most Prometheus rules set it. */
export const DEFAULT_ALERT_RULES: AlertRules = alertRulesSchema.parse({
  rules: [
    { match: { severity: 'critical' }, severity: 'sev1' },
    { match_re: { severity: 'major|error' }, severity: 'sev2' },
    { match: { severity: 'warning' }, severity: 'sev3' },
  ],
});

export interface AlertDecision {
  action: AlertAction;
  severity: Severity;
  scenario: Scenario;
  commanderId: string | undefined;
  isPrivate: boolean;
  runbookIds: readonly string[];
}

export function decideAlert(rules: AlertRules, labels: Labels): AlertDecision {
  const rule = rules.rules.find((r) => matches(r, labels));
  return {
    action: rule?.action ?? rules.otherwise,
    severity: rule?.severity ?? severityForLabel(labels.severity) ?? 'sev3',
    scenario: rule?.scenario ?? 'other',
    commanderId: rule?.commander ?? rules.commander,
    isPrivate: rule?.private ?? false,
    runbookIds: rule?.runbooks ?? [],
  };
}

function matches(rule: AlertRule, labels: Labels): boolean {
  const equal = Object.entries(rule.match).every(([name, value]) => (labels[name] ?? '') === value);
  const pattern = Object.entries(rule.match_re).every(([name, re]) => new RegExp(`^(?:${re})$`).test(labels[name] ?? ''));
  return equal && pattern;
}

const LABEL_SEVERITY: Record<string, Severity> = { critical: 'sev1', major: 'sev2', error: 'sev2', warning: 'sev3' };

/** The severity an alert's `severity` label names (critical, major, error, warning), if any. */
export function severityForLabel(value: string | undefined): Severity | undefined {
  return value === undefined ? undefined : LABEL_SEVERITY[value.toLowerCase()];
}

function isRegex(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** Each rule's runbook ids that the library does not have, as "rule N: id" (N from 1, as a person counts). */
export function unknownRuleRunbooks(rules: AlertRules, known: ReadonlySet<string>): string[] {
  return rules.rules.flatMap((rule, i) => rule.runbooks.filter((id) => !known.has(id)).map((id) => `rule ${i + 1}: ${id}`));
}
