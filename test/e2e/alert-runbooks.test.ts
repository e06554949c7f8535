/**
 * What alerts bring to an incident's checklists: the alert's runbook_url as a step "Follow the
 * alert's runbook" of its Tasks, once per URL, whether the alert declares the incident or joins it;
 * and the runbooks its ALERT_RULES rule lists.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAlertRules } from '../../src/composition/alert-rules-file.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { visibleText } from '../helpers/flows.js';

const TOKEN = 'hooks-secret';
const RUNBOOKS_DIR = fileURLToPath(new URL('../fixtures/runbooks/alert-rules', import.meta.url));
let t: TestApp | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

const post = (path: string, body: unknown) => fetch(`${t!.app.url}${path}`, {
  method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(body),
});

/** Alertmanager's webhook body (version 4) for one group, as it sends it. */
const notification = (alerts: Array<{ fingerprint: string; instance: string; runbook?: string; status?: 'firing' | 'resolved' }>) => ({
  version: '4', groupKey: '{}:{alertname="PaymentsDbDown"}', status: 'firing', receiver: 'bot',
  groupLabels: { alertname: 'PaymentsDbDown' }, commonLabels: { alertname: 'PaymentsDbDown', team: 'payments' }, commonAnnotations: {},
  externalURL: 'http://alertmanager:9093', truncatedAlerts: 0,
  alerts: alerts.map((a) => ({
    status: a.status ?? 'firing', fingerprint: a.fingerprint, startsAt: '2026-11-25T02:55:00Z', endsAt: a.status === 'resolved' ? '2026-11-25T03:01:00Z' : '0001-01-01T00:00:00Z',
    labels: { alertname: 'PaymentsDbDown', team: 'payments', instance: a.instance },
    annotations: { summary: `Payments DB down on ${a.instance}`, ...(a.runbook ? { runbook_url: a.runbook } : {}) },
    generatorURL: '',
  })),
});

const RULES = ['rules:', '  - match: { team: payments }', '    severity: sev1', '    runbooks: [payments-db]'].join('\n');

function rulesFile(text: string): string {
  const path = join(tmpdir(), `alert-rules-${process.pid}-${Date.now()}.yaml`);
  writeFileSync(path, text);
  return path;
}

describe('alerts and checklists', () => {
  it("declares with the rule's runbooks and a step to follow the alert's runbook; a repeat or a known URL adds none, a new URL one", async () => {
    t = await startTestApp({ env: { HOOKS_TOKEN: TOKEN, RUNBOOKS_DIR, ALERT_RULES: rulesFile(RULES) } });
    const first = await post('/hooks/alertmanager', notification([{ fingerprint: 'a1', instance: 'pay-db-1', runbook: 'https://runbooks.example.com/payments-db?step=1&x=2' }]));
    expect(await first.json()).toEqual({ outcome: 'declared', incident: 'INC-1' });
    await t.deliver();

    const runbooks = async () => (await t!.app.checklists.list(1)).map((r) => [r.runbookId, r.items.map((i) => [i.text, i.link ?? null])]);
    expect(await runbooks()).toEqual([
      ['payments-db', [['Check replication lag on the payments database', null], ['Pause the settlement batch', null]]],
      ['_tasks', [["Follow the alert's runbook: Payments DB down on pay-db-1", 'https://runbooks.example.com/payments-db?step=1&x=2']]],
    ]);
    const channel = t.ws.channels().find((c) => c.name.startsWith('inc-1-'))!.name;
    const tasks = t.ws.pins(channel).find((m) => visibleText(m).includes('Checklist: Tasks'))!;
    expect(JSON.stringify(tasks.blocks)).toContain('{"type":"link","url":"https://runbooks.example.com/payments-db?step=1&x=2","text":"Runbook link"}');
    expect(t.ws.pins(channel).some((m) => visibleText(m).includes('Checklist: Payments database'))).toBe(true);

    // The same alert resolves and fires again, and a second one comes with the same runbook: no new step.
    await post('/hooks/alertmanager', notification([{ fingerprint: 'a1', instance: 'pay-db-1', status: 'resolved', runbook: 'https://runbooks.example.com/payments-db?step=1&x=2' }]));
    t.clock.advance({ minutes: 2 });
    const again = notification([
      { fingerprint: 'a1', instance: 'pay-db-1', runbook: 'https://runbooks.example.com/payments-db?step=1&x=2' },
      { fingerprint: 'a2', instance: 'pay-db-2', runbook: 'https://runbooks.example.com/payments-db?step=1&x=2' },
    ]);
    again.alerts[0]!.startsAt = '2026-11-25T03:01:30Z';
    expect(await (await post('/hooks/alertmanager', again)).json()).toEqual({ outcome: 'attached', incident: 'INC-1' });
    expect((await t.app.checklists.list(1)).find((r) => r.runbookId === '_tasks')!.items).toHaveLength(1);

    // A third alert joins with a runbook of its own (and one that is no http(s) link): one more step.
    const third = await post('/hooks/alertmanager', notification([
      { fingerprint: 'a3', instance: 'pay-db-3', runbook: 'https://runbooks.example.com/replica-lag' },
      { fingerprint: 'a4', instance: 'pay-db-4', runbook: 'javascript:alert(1)' },
    ]));
    expect(await third.json()).toEqual({ outcome: 'attached', incident: 'INC-1' });
    await t.deliver();
    const tasksNow = (await t.app.checklists.list(1)).find((r) => r.runbookId === '_tasks')!;
    expect(tasksNow.items.map((i) => i.link)).toEqual(['https://runbooks.example.com/payments-db?step=1&x=2', 'https://runbooks.example.com/replica-lag']);
    expect(visibleText(t.ws.pins(channel).find((m) => visibleText(m).includes('Checklist: Tasks'))!)).toContain('Payments DB down on pay-db-3');
    const added = (await t.app.repos.timeline.listForIncident(t.app.database.db, 1)).filter((e) => e.kind === 'checklist_item_added');
    expect(added.map((e) => e.actorId)).toEqual([null]);
  });

  it('stops start-up when a rule lists a runbook RUNBOOKS_DIR does not have, naming the rule and the id', () => {
    const path = rulesFile(`${RULES}\n  - match: { team: search }\n    runbooks: [payments-db, search-index]\n`);
    expect(() => loadAlertRules(path, new Set(['payments-db']))).toThrow(/rule 2: search-index.*have: payments-db/);
    expect(loadAlertRules(path, new Set(['payments-db', 'search-index'])).rules[1]!.runbooks).toEqual(['payments-db', 'search-index']);
  });
});
