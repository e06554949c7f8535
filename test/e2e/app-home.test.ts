/**
 * App Home: what a responder sees at a glance. Published through the outbox when they open it and
 * when incidents change, at most once every few seconds per person.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DECLARE_INPUT } from '../../src/slack/ids.js';
import { ACTION_ID } from '../../src/slack/ids.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, BOB, command, declare, declareValues, openedView, resolveValues, visibleText } from '../helpers/flows.js';

const DAVE = 'U_DAVE';
let t: TestApp | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

const homeText = (userId: string) => {
  const home = t!.ws.homeView(userId);
  return home ? visibleText({ text: '', blocks: home.blocks }) : '';
};
const publishes = (userId: string) => t!.ws.callLog().filter((c) => c.method === 'views.publish' && c.params['user_id'] === userId && c.outcome === 'ok').length;

/** Slack acknowledges app_home_opened before the app handles it, as Bolt does: wait for the publish it leads to. */
async function openHome(userId: string) {
  const before = publishes(userId);
  await t!.ws.openAppHome(userId);
  await expect.poll(async () => {
    await t!.deliver();
    return publishes(userId);
  }).toBeGreaterThan(before);
}

describe('App Home', () => {
  it('shows open incidents with commander and next update, marks an overdue one, and lists the resolved with its draft', async () => {
    t = await startTestApp();
    await openHome(ALICE);
    expect(homeText(ALICE)).toContain('No open incidents');
    expect(homeText(ALICE)).toContain('Declare incident');

    t.clock.advance({ seconds: 10 });
    await declare(t.ws, ALICE, 'sev2 Search slow', { title: 'Search slow', severity: 'sev2' });
    await declare(t.ws, BOB, 'sev1 Checkout failing', { title: 'Checkout failing', severity: 'sev1', commander: BOB });
    await t.deliver();
    const open = homeText(ALICE);
    expect(open).toContain('Open incidents (2)');
    // The most severe first, with its commander and when its next update is due.
    expect(open.indexOf('Checkout failing')).toBeLessThan(open.indexOf('Search slow'));
    expect(open).toContain('<@U_BOB>');
    expect(open).toContain('Next update');
    expect(open).not.toContain('update overdue');
    // Yours: Alice commands INC-1 only.
    expect(open.slice(open.indexOf('Yours'))).toMatch(/INC-1\* Search slow · \*Commander\*/);

    // The SEV-1's update falls due: the reminder refreshes Home, which marks it overdue.
    t.clock.advance({ minutes: 16 });
    await t.app.reminders.tick();
    await t.deliver();
    expect(homeText(ALICE)).toContain('update overdue');

    t.clock.advance({ minutes: 1 });
    await command(t.ws, BOB, 'inc-2-checkout-failing', 'resolve');
    const form = await openedView(t.ws, BOB, 'incident_resolve');
    await t.ws.submitView({ userId: BOB, viewId: form.id, values: resolveValues() });
    await t.deliver();
    t.clock.advance({ seconds: 10 });
    await t.deliver();
    const after = homeText(ALICE);
    expect(after).toContain('Open incidents (1)');
    const recent = after.slice(after.indexOf('Recently resolved'));
    expect(recent).toContain('Checkout failing');
    expect(recent).toMatch(/<https?:\/\/[^|>]+\|postmortem draft>/);
  });

  it('publishes at most once every few seconds per person, however many changes, and the last publish shows the latest', async () => {
    t = await startTestApp();
    await openHome(ALICE);
    expect(publishes(ALICE)).toBe(1);
    for (const title of ['One', 'Two', 'Three']) await declare(t.ws, BOB, `sev3 ${title}`, { title, severity: 'sev3', commander: BOB });
    await t.deliver();
    // Within the throttle: nothing yet; the waiting publish goes once it ends, showing all three.
    expect(publishes(ALICE)).toBe(1);
    t.clock.advance({ seconds: 5 });
    await t.deliver();
    expect(publishes(ALICE)).toBe(2);
    expect(homeText(ALICE)).toContain('Open incidents (3)');
    t.clock.advance({ seconds: 30 });
    await t.deliver();
    expect(publishes(ALICE)).toBe(2);
  });

  it('keeps a private incident off the Home of someone outside it, and its Declare button opens the form', async () => {
    t = await startTestApp({ env: { RESPONDERS: '' } });
    await command(t.ws, ALICE, 'general', 'declare sev1');
    const form = await openedView(t.ws, ALICE, 'incident_declare');
    const values = declareValues({ title: 'Customer data exposed', severity: 'sev1' });
    values[DECLARE_INPUT.drill.block] = { [DECLARE_INPUT.drill.action]: ['private'] };
    await t.ws.submitView({ userId: ALICE, viewId: form.id, values });
    await t.deliver();
    await openHome(ALICE);
    await openHome(DAVE);
    expect(homeText(ALICE)).toContain('Customer data exposed');
    expect(homeText(DAVE)).not.toContain('Customer data exposed');
    expect(homeText(DAVE)).toContain('No open incidents');

    await t.ws.clickHomeAction({ userId: DAVE, actionId: ACTION_ID.homeDeclare });
    await openedView(t.ws, DAVE, 'incident_declare');
  });
});
