import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAlertRules } from '../../../src/composition/alert-rules-file.js';
import { alertRulesSchema, decideAlert, DEFAULT_ALERT_RULES } from '../../../src/domain/alerts/rules.js';

const decide = (labels: Record<string, string>) => {
  const d = decideAlert(DEFAULT_ALERT_RULES, labels);
  return `${d.action} ${d.severity}`;
};

describe('the default alert rules (no ALERT_RULES file)', () => {
  it('declare by the severity label: critical SEV-1, major or error SEV-2, warning SEV-3; anything else is posted', () => {
    expect(decide({ severity: 'critical' })).toBe('declare sev1');
    expect(decide({ severity: 'major' })).toBe('declare sev2');
    expect(decide({ severity: 'error' })).toBe('declare sev2');
    expect(decide({ severity: 'warning' })).toBe('declare sev3');
    expect(decide({ severity: 'info' }).startsWith('post')).toBe(true);
    expect(decide({ alertname: 'NoSeverity' }).startsWith('post')).toBe(true);
    // Anchored, as Alertmanager's matchers are: "majority" is not "major".
    expect(decide({ severity: 'majority' }).startsWith('post')).toBe(true);
  });
});

describe('a rules file', () => {
  const rules = alertRulesSchema.parse({
    commander: 'U0ONCALL',
    rules: [
      { match: { team: 'payments', env: 'prod' }, severity: 'sev1', commander: 'U0PAY', private: true, runbooks: ['database', 'payments-db'] },
      { match_re: { alertname: 'Disk.*' }, action: 'ignore' },
      { match: { team: 'payments' }, action: 'post' },
    ],
    otherwise: 'declare',
  });

  it('the first rule whose matchers all hold decides; its commander or the file-wide one', () => {
    expect(decideAlert(rules, { team: 'payments', env: 'prod' })).toEqual({
      action: 'declare', severity: 'sev1', scenario: 'other', commanderId: 'U0PAY', isPrivate: true, runbookIds: ['database', 'payments-db'],
    });
    expect(decideAlert(rules, { team: 'search', severity: 'major' }).runbookIds).toEqual([]);
    expect(decideAlert(rules, { team: 'payments', env: 'staging' }).action).toBe('post');
    expect(decideAlert(rules, { alertname: 'DiskFull', team: 'payments' }).action).toBe('ignore');
    expect(decideAlert(rules, { team: 'search', severity: 'major' })).toMatchObject({ action: 'declare', severity: 'sev2', commanderId: 'U0ONCALL' });
  });

  it('a bad file stops start-up naming the problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-'));
    const write = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    expect(() => loadAlertRules(join(dir, 'missing.yaml'))).toThrow(/cannot read .*ENOENT/);
    expect(() => loadAlertRules(write('bad.yaml', 'rules: [\n'))).toThrow(/not valid YAML/);
    expect(() => loadAlertRules(write('sev.yaml', 'rules:\n  - severity: sev9\n'))).toThrow(/severity/);
    expect(() => loadAlertRules(write('re.yaml', 'rules:\n  - match_re: { a: "(" }\n'))).toThrow(/regular expression/);
    expect(() => loadAlertRules(write('typo.yaml', 'rule: []\n'))).toThrow(/rule/);
    expect(() => loadAlertRules(write('runbooks.yaml', 'rules:\n  - runbooks: [Database]\n'))).toThrow(/runbook id/);
    expect(() => loadAlertRules(write('runbook.yaml', 'rules:\n  - runbooks: database\n'))).toThrow(/runbooks/);
    expect(loadAlertRules(write('empty.yaml', ''))).toEqual(alertRulesSchema.parse({}));
    expect(loadAlertRules(undefined)).toBe(DEFAULT_ALERT_RULES);
  });
});
