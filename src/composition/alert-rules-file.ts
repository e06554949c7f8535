import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { alertRulesSchema, DEFAULT_ALERT_RULES, unknownRuleRunbooks, type AlertRules } from '../domain/alerts/rules.js';

/** The ALERT_RULES file, read once at start-up; a bad file stops start-up naming every problem. */
export function loadAlertRules(path: string | undefined, runbookIds?: ReadonlySet<string>): AlertRules {
  const rules = readAlertRules(path);
  const unknown = runbookIds ? unknownRuleRunbooks(rules, runbookIds) : [];
  if (unknown.length > 0) {
    throw new Error(`ALERT_RULES: ${path} lists runbooks that RUNBOOKS_DIR does not have (${unknown.join('; ')}); have: ${[...runbookIds!].join(', ') || 'none'}`);
  }
  return rules;
}

function readAlertRules(path: string | undefined): AlertRules {
  if (!path) return DEFAULT_ALERT_RULES;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`ALERT_RULES: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`, { cause: err });
  }
  let document: unknown;
  try {
    document = parse(text);
  } catch (err) {
    throw new Error(`ALERT_RULES: ${path} is not valid YAML: ${(err as Error).message}`, { cause: err });
  }
  const rules = alertRulesSchema.safeParse(document ?? {});
  if (!rules.success) throw new Error(`ALERT_RULES: ${path} is not a valid rules file:\n${z.prettifyError(rules.error)}`);
  return rules.data;
}
