import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_RUNBOOKS, startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, command, declare, visibleText } from '../helpers/flows.js';

const CHANNEL = 'inc-1-checkout-failing';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { RUNBOOKS_DIR: SHIPPED_RUNBOOKS } });
  await declare(t.ws, ALICE, 'Checkout failing', { severity: 'sev2', scenario: 'database' });
  await t.deliver();
});
afterAll(async () => t?.stop());

const checklistTitles = () => t.ws.pins(CHANNEL).map((m) => visibleText(m).split('\n')[0]!).filter((line) => line.includes('Checklist:'));
const attached = async () => (await t.app.checklists.list(1)).map((r) => r.runbookId);

describe('runbooks attached to an incident', () => {
  it('attaches on declaration the runbooks its severity and scenario match, each a pinned checklist in the channel', async () => {
    expect(await attached()).toEqual(['response-checklist', 'scenario-database']);
    expect(checklistTitles()).toEqual(['Checklist: Incident response checklist', 'Checklist: Database outage (DB 장애)']);
    const response = t.ws.pins(CHANNEL).find((m) => visibleText(m).includes('Checklist: Incident response checklist'))!;
    const text = visibleText(response);
    expect(text).toContain('Triage: confirm the impact scope (/api/*, specific endpoints, auth, DB, Redis)');
    expect(text).toContain('If the database schema changed, do not roll back the app alone — check the migration first.');
    expect(text).toContain('0 of 15 done or skipped');
    const timeline = await t.app.repos.timeline.listForIncident(t.app.database.db, 1);
    expect(timeline.filter((e) => e.kind === 'runbook_attached').map((e) => [e.actorId, e.data])).toEqual([
      [null, expect.objectContaining({ runbookId: 'response-checklist', reason: 'matched', items: 15 })],
      [null, expect.objectContaining({ runbookId: 'scenario-database', reason: 'matched', items: 5 })],
    ]);
  });

  it('layers the SEV-1 runbook on when the severity rises, and removes nothing when it falls', async () => {
    await command(t.ws, ALICE, CHANNEL, 'severity sev1');
    await t.deliver();
    expect(await attached()).toEqual(['response-checklist', 'scenario-database', 'sev1-reporting']);
    expect(checklistTitles()).toContain('Checklist: SEV-1 reporting');
    await command(t.ws, ALICE, CHANNEL, 'severity sev2');
    await t.deliver();
    expect(await attached()).toEqual(['response-checklist', 'scenario-database', 'sev1-reporting']);
    expect(checklistTitles()).toHaveLength(3);
  });

  it('layers the scenario runbooks on when the scenario changes, and keeps them when it changes back', async () => {
    await command(t.ws, ALICE, CHANNEL, 'scenario deploy');
    await t.deliver();
    expect(await attached()).toEqual(['response-checklist', 'scenario-database', 'sev1-reporting', 'deploy-rollback', 'scenario-deploy']);
    const rollback = t.ws.pins(CHANNEL).find((m) => visibleText(m).includes('Checklist: Roll back a bad deploy'))!;
    expect(visibleText(rollback)).toContain(':warning: If the database schema changed, do not roll back the app alone — check the migration first.');
    await command(t.ws, ALICE, CHANNEL, 'scenario database');
    await t.deliver();
    expect(await attached()).toHaveLength(5);
    expect(checklistTitles()).toHaveLength(5);
  });
});
