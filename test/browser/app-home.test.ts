/** App Home in the local workspace page: opened from the sidebar, it follows what happens to incidents. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillRequired, startBrowserApp, type BrowserApp } from './browser-app.js';
import { DECLARE_INPUT } from '../../src/slack/ids.js';

let t: BrowserApp;
beforeAll(async () => {
  t = await startBrowserApp();
});
afterAll(async () => t?.stop());

const home = () => t.page.locator('#messages .home-view');

describe('App Home in the browser', () => {
  it('opens from the sidebar, declares from its button, and changes when an incident is declared, late and resolved', async () => {
    await t.page.click('[data-home]');
    await t.page.waitForSelector('.home-link.active');
    await home().getByText('No open incidents').waitFor();

    await home().getByRole('button', { name: 'Declare incident' }).click();
    await t.page.waitForSelector('.modal[data-callback-id="incident_declare"]');
    await t.page.fill(`[data-block-id="${DECLARE_INPUT.title.block}"][data-input]`, 'Payments timing out');
    await fillRequired(t.page, 'Card payments fail');
    await t.page.click('[data-modal="submit"]');
    // Home was published a moment ago: the next one waits out the few seconds' throttle.
    await t.page.waitForSelector('.channel-link[data-name^="inc-1-"]');
    t.base.advance({ seconds: 6 });
    await home().getByText('Payments timing out').first().waitFor();
    expect(await home().textContent()).toContain('Open incidents (1)');
    expect(await home().textContent()).not.toContain('update overdue');

    // Its update falls due and the reminder goes out: Home marks it overdue.
    t.base.advance({ minutes: 61 });
    await t.app.reminders.tick();
    await home().getByText('update overdue').first().waitFor();

    await t.app.incidents.resolve(1, 'U_ALICE', {
      summary: 'Rolled back', rootCause: 'Timeouts', rootCauseConfirmed: true, contributingFactors: [], recoverySignal: null,
      recoveredAt: null, customerImpact: null, businessImpact: null,
    });
    t.base.advance({ seconds: 6 });
    await home().getByText('Open incidents (0)').waitFor({ timeout: 15_000 });
    const text = await home().textContent();
    expect(text?.slice(text.indexOf('Recently resolved'))).toContain('Payments timing out');
    await t.page.screenshot({ path: 'test-artifacts/app-home.png' });
  });
});
