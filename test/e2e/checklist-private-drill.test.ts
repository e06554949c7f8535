/**
 * A private drill with a 50-item runbook: its checklists stay in its private channel, say DRILL,
 * and the long one is split into messages within Slack's 50 blocks (the workspace refuses more).
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DECLARE_INPUT } from '../../src/slack/ids.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, command, declareValues, openedView, visibleText } from '../helpers/flows.js';

const SMALL = fileURLToPath(new URL('../fixtures/runbooks/small', import.meta.url));

let t: TestApp;
let channel: string;
beforeAll(async () => {
  t = await startTestApp({ env: { RUNBOOKS_DIR: SMALL } });
  await command(t.ws, ALICE, 'general', 'declare sev3');
  const form = await openedView(t.ws, ALICE, 'incident_declare');
  const values = declareValues({ title: 'Failover exercise', severity: 'sev3' });
  values[DECLARE_INPUT.drill.block] = { [DECLARE_INPUT.drill.action]: ['drill', 'private'] };
  expect((await t.ws.submitView({ userId: ALICE, viewId: form.id, values })).status).toBe(200);
  await t.deliver();
  channel = t.ws.channels().find((c) => c.name.startsWith('inc-1-'))!.name;
});
afterAll(async () => t?.stop());

describe('checklists of a private drill', () => {
  it('split a 50-item runbook into pinned messages within Slack\'s limits, every item on one of them', () => {
    const parts = t.ws.pins(channel).filter((m) => visibleText(m).includes('Checklist: Fifty steps'));
    expect(parts).toHaveLength(3);
    for (const part of parts) expect(part.blocks.length).toBeLessThanOrEqual(42);
    const all = parts.map((p) => visibleText(p)).join('\n');
    for (let i = 1; i <= 50; i += 1) expect(all).toContain(`Step number ${i} of the long runbook`);
    expect(parts.map((p) => visibleText(p).split('\n')[0])).toEqual([
      '[DRILL] Checklist: Fifty steps (1/3)', '[DRILL] Checklist: Fifty steps (2/3)', '[DRILL] Checklist: Fifty steps (3/3)',
    ]);
  });

  it('say DRILL, and never leave the private channel', () => {
    expect(t.ws.channel(channel)!.isPrivate).toBe(true);
    const basics = t.ws.pins(channel).find((m) => visibleText(m).includes('Checklist: Basics'))!;
    expect(visibleText(basics)).toContain('*DRILL* — an exercise');
    for (const other of t.ws.channels().filter((c) => c.name !== channel)) {
      expect(t.ws.messages(other.id).some((m) => visibleText(m).includes('Checklist:'))).toBe(false);
    }
  });
});
