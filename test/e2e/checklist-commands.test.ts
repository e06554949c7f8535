/**
 * The checklist from slash commands (`/incident checklist`, `task`, `runbook`), the resolve form's
 * count of open items, and the postmortem's "Response checklist" (internal drafts, both languages).
 */
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACTION_ID } from '../../src/slack/ids.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, BOB, channelId, command, declare, openedView, resolveValues, visibleText } from '../helpers/flows.js';

const SMALL = fileURLToPath(new URL('../fixtures/runbooks/small', import.meta.url));
const CHANNEL = 'inc-1-checkout-failing';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { RUNBOOKS_DIR: SMALL } });
  await declare(t.ws, ALICE, 'Checkout failing', { severity: 'sev2' });
  await t.deliver();
});
afterAll(async () => t?.stop());

const eventually = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 5000, interval: 20 });
const runbookIds = async () => (await t.app.checklists.list(1)).map((r) => r.runbookId);
/** The first line of each message shown only to Alice since `before`, in the order they arrived. */
const alicesFirstLines = (before: number) => t.ws.ephemerals(ALICE).slice(before).map((e) => visibleText(e).split('\n')[0]);

/** Holds an exclusive lock on the attached runbooks for `ms`, so a command reading them answers late. */
async function lockRunbooksFor(ms: number): Promise<{ released: Promise<void> }> {
  const client = new pg.Client({ connectionString: t.database.url });
  await client.connect();
  await client.query('begin');
  await client.query('lock table incident_runbooks in access exclusive mode');
  // An object, not the promise itself: an async function would wait for a returned promise.
  return { released: new Promise<void>((resolve) => setTimeout(() => void client.query('rollback').then(() => client.end()).then(resolve), ms)) };
}

describe('checklist commands', () => {
  it('/incident runbook lists the runbooks, and attaches one by its id', async () => {
    const list = await command(t.ws, ALICE, CHANNEL, 'runbook');
    expect(list).toContain('`basics` Basics _(attached)_');
    expect(list).toContain('`big` Fifty steps');
    expect(await command(t.ws, ALICE, CHANNEL, 'runbook nope')).toContain('There is no runbook `nope`. `/incident runbook` lists them.');
    expect(await command(t.ws, ALICE, CHANNEL, 'runbook big')).toContain('Attached Fifty steps to INC-1');
    expect(await runbookIds()).toEqual(['basics', 'big']);
    expect(await command(t.ws, ALICE, CHANNEL, 'runbook big')).toContain('INC-1 has the runbook `big` already.');
    await t.deliver();
    expect(t.ws.pins(CHANNEL).filter((m) => visibleText(m).includes('Checklist: Fifty steps'))).toHaveLength(3);
  });

  it('/incident task adds to the incident\'s own Tasks, made on first use, assigned when someone is named', async () => {
    expect(await command(t.ws, ALICE, CHANNEL, 'task')).toContain('Say what is to be done');
    expect(await command(t.ws, ALICE, CHANNEL, 'task Page the DBA on call <@U_BOB>')).toBe("Added to INC-1's Tasks: Page the DBA on call, assigned to <@U_BOB>.");
    await command(t.ws, ALICE, CHANNEL, 'task Tell support');
    const tasks = (await t.app.checklists.list(1)).find((r) => r.title === 'Tasks')!;
    expect(tasks.items.map((i) => [i.text, i.state, i.assigneeId])).toEqual([['Page the DBA on call', 'assigned', BOB], ['Tell support', 'open', null]]);
    await t.deliver();
    const message = t.ws.pins(CHANNEL).find((m) => visibleText(m).startsWith('Checklist: Tasks'))!;
    expect(visibleText(message)).toContain('assigned to <@U_BOB>');
    const timeline = await t.app.repos.timeline.listForIncident(t.app.database.db, 1);
    expect(timeline.filter((e) => e.kind === 'checklist_item_added').map((e) => e.actorId)).toEqual([ALICE, ALICE]);
  });

  it('App Home lists the open checklist items assigned to me', async () => {
    await t.ws.openAppHome(BOB);
    await t.deliver();
    const home = visibleText({ text: '', blocks: t.ws.homeView(BOB)!.blocks });
    expect(home).toContain('My checklist items');
    expect(home).toMatch(/• Page the DBA on call\n {3}Tasks · INC-1 Checkout failing · <#C[A-Z0-9]+>/);
    await t.ws.openAppHome(ALICE);
    await t.deliver();
    expect(visibleText({ text: '', blocks: t.ws.homeView(ALICE)!.blocks })).toContain('No checklist item is assigned to you.');
  });

  it('/incident checklist shows the checklists only to the caller, with buttons that work there', async () => {
    const before = t.ws.ephemerals(ALICE).length;
    await command(t.ws, ALICE, CHANNEL, 'checklist');
    // Five checklist messages (Basics, Fifty steps in three, Tasks): the five posts the response URL takes.
    await eventually(() => expect(alicesFirstLines(before)).toEqual([
      "INC-1's checklists, only to you:", 'Checklist: Basics', 'Checklist: Fifty steps (1/3)', 'Checklist: Fifty steps (2/3)', 'Checklist: Fifty steps (3/3)',
      'Checklist: Tasks',
    ]));
    const shown = t.ws.ephemerals(ALICE).slice(before);
    const basics = shown.find((e) => visibleText(e).includes('Checklist: Basics'))!;
    await t.ws.clickAction({ userId: ALICE, channelId: channelId(t.ws, CHANNEL), messageTs: basics.ts, actionId: ACTION_ID.checklistDone, blockId: 'checklist:1:confirm-scope' });
    await eventually(() => expect(visibleText(t.ws.ephemerals(ALICE).find((e) => e.ts === basics.ts)!)).toContain('done by <@U_ALICE>'));
    expect((await t.app.checklists.list(1))[0]!.items[0]!.state).toBe('done');
  });

  it('/incident checklist answered late still says whose checklists they are before showing them', async () => {
    const before = t.ws.ephemerals(ALICE).length;
    const { released } = await lockRunbooksFor(3500);
    expect((await t.ws.slashCommand({ userId: ALICE, channelId: channelId(t.ws, CHANNEL), text: 'checklist' })).status).toBe(200);
    await released;
    // The late answer takes one of the response URL's five posts: three checklist messages, then what is left out.
    await eventually(() => expect(alicesFirstLines(before)).toEqual([
      expect.stringContaining('Working on it'), "INC-1's checklists, only to you:", 'Checklist: Basics', 'Checklist: Fifty steps (1/3)', 'Checklist: Fifty steps (2/3)',
      '2 more checklist messages of INC-1 did not fit here (Slack takes five answers to a command): every checklist is pinned in this channel.',
    ]));
  });

  it('the resolve form says how many items are open, without blocking', async () => {
    t.clock.advance({ minutes: 20 });
    const attached = await t.app.checklists.list(1);
    await t.app.checklists.changeItem(attached[0]!.id, 'pause-rollout', BOB, { type: 'skip', reason: 'No rollout was active' });
    await command(t.ws, ALICE, CHANNEL, 'resolve');
    const form = await openedView(t.ws, ALICE, 'incident_resolve');
    const open = await t.app.checklists.openCount(1);
    expect(open).toBe(1 + 50 + 2);
    expect(visibleText({ text: '', blocks: form.blocks })).toContain(`${open} checklist items are still open. You can resolve anyway`);
    expect((await t.ws.submitView({ userId: ALICE, viewId: form.id, values: resolveValues() })).status).toBe(200);
    expect((await t.app.incidents.find(1))!.status).toBe('resolved');
  });

  it('the internal draft has a Response checklist in both languages; the customer-facing draft has none', async () => {
    const en = (await t.app.postmortems.draft(1, { locale: 'en' }))!.markdown;
    const section = en.slice(en.indexOf('## Response checklist'), en.indexOf('\n## ', en.indexOf('## Response checklist') + 5));
    expect(section).toContain('### Basics (`basics`)');
    expect(section).toMatch(/- \[x\] Confirm the impact scope — done by \S+.*, \d+ min after detection/);
    expect(section).toMatch(/- \[ \] ~~Pause the active rollout~~ — skipped by .+: No rollout was active/);
    expect(section).toContain('- [ ] Check logs using X-Request-Id — left open');
    expect(section).toContain('### Tasks');
    expect(section).toMatch(/- \[ \] Page the DBA on call — left open \(assigned to .+\)/);
    expect(section).toContain('1 done, 1 skipped, 53 left open.');
    const ko = (await t.app.postmortems.draft(1, { locale: 'ko' }))!.markdown;
    expect(ko).toContain('## 대응 체크리스트');
    expect(ko).toMatch(/- \[x\] Confirm the impact scope — .+ 완료, 탐지 후 \d+분/);
    expect(ko).toMatch(/건너뜀: No rollout was active/);
    for (const locale of ['en', 'ko'] as const) {
      const external = (await t.app.postmortems.draft(1, { locale, variant: 'external' }))!.markdown;
      expect(external).not.toMatch(/Response checklist|대응 체크리스트|Confirm the impact scope|No rollout was active/);
    }
  });
});
