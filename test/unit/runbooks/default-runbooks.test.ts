import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRunbooks } from '../../../src/composition/runbooks-dir.js';
import { matches, type Runbook } from '../../../src/domain/runbooks/index.js';
import { SHIPPED_RUNBOOKS } from '../../helpers/app.js';

// The seeds the defaults come from, copied into the repo as fixtures (a user's clone has only the repo).
const seed = readFileSync(new URL('../../fixtures/runbooks/seed/operations-runbook-checklist.md', import.meta.url), 'utf8');
const caveat = readFileSync(new URL('../../fixtures/runbooks/seed/rollback-caveat.md', import.meta.url), 'utf8');
const runbooks = loadRunbooks(SHIPPED_RUNBOOKS);
const byId = (id: string): Runbook => runbooks.find((r) => r.id === id)!;

/** The seed's checklist: each numbered phase with its bullets. */
function checklistSteps(): { phase: string; step: string }[] {
  const section = seed.slice(seed.indexOf('## Incident Response Checklist'), seed.indexOf('## Incident Scenario Templates'));
  const steps: { phase: string; step: string }[] = [];
  let phase = '';
  for (const line of section.split('\n')) {
    const heading = /^\d+\. (.+)$/.exec(line);
    if (heading) phase = heading[1]!;
    else if (line.startsWith('- ')) steps.push({ phase, step: line.slice(2) });
  }
  return steps;
}

/** The seed's scenario templates: the fields each records, in order. */
function templates(): { heading: string; fields: string[] }[] {
  return seed.split('\n### ').slice(1).map((block) => {
    const [heading, ...rest] = block.split('\n');
    return { heading: heading!.replace(' 템플릿', ''), fields: rest.filter((l) => l.startsWith('- ')).map((l) => l.slice(2).replace(/:$/, '')) };
  });
}

const words = (text: string) => text.toLowerCase().replace(/[`()*/,.:]/g, ' ').split(/\s+/).filter((w) => w.length >= 3);
const SCENARIO_OF: Record<string, string> = { 'DB 장애': 'database', 'Redis/rate_limit_backend 장애': 'redis', '배포/릴리스 장애': 'deploy', '과부하(트래픽 급증)': 'overload' };

describe('the shipped runbooks', () => {
  it('are valid files, and the response checklist joins every incident', () => {
    expect(runbooks.map((r) => r.id).sort()).toEqual(
      ['deploy-rollback', 'response-checklist', 'scenario-database', 'scenario-deploy', 'scenario-overload', 'scenario-redis', 'sev1-reporting'],
    );
    for (const severity of ['sev1', 'sev2', 'sev3'] as const) {
      for (const scenario of ['database', 'redis', 'deploy', 'overload', 'other'] as const) expect(matches(byId('response-checklist'), { severity, scenario })).toBe(true);
    }
  });

  it('hold every step of the runbook\'s checklist, under its phase', () => {
    const steps = checklistSteps();
    expect(steps).toHaveLength(15);
    const items = byId('response-checklist').items;
    for (const { phase, step } of steps) {
      const found = items.find((item) => item.text.toLowerCase().startsWith(`${phase.toLowerCase()}:`) && words(step).every((w) => words(item.text).includes(w)));
      expect(found, `${phase}: ${step}`).toBeDefined();
    }
  });

  it('hold every scenario template, its fields in order, in a runbook of that scenario', () => {
    const all = templates();
    expect(all.map((t) => t.heading)).toEqual(Object.keys(SCENARIO_OF));
    for (const { heading, fields } of all) {
      const scenario = SCENARIO_OF[heading]!;
      const runbook = byId(`scenario-${scenario}`);
      expect(runbook.when.scenario).toEqual([scenario]);
      expect(runbook.title).toContain(heading);
      const positions = fields.map((field) => runbook.items.findIndex((item) => item.text.includes(`(${field})`)));
      expect(positions, heading).not.toContain(-1);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    }
  });

  it('warn of the schema before a deploy is rolled back', () => {
    const text = /If the database schema changed[^.]*\./.exec(caveat)![0];
    const rollback = byId('deploy-rollback');
    expect(rollback.when.scenario).toEqual(['deploy']);
    expect(rollback.items.some((item) => item.warn === text)).toBe(true);
  });
});
