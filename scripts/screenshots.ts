/**
 * `npm run screenshots`: draws the pictures in docs/ from the local workspace in Debian's Chromium.
 * Tests never write into docs/ (their screenshots go to test-artifacts/), so `npm test` leaves a
 * clone's tracked files as it found them; run this when the pages change and commit the result.
 *
 * `npm run screenshots -- checklist`: only the pictures whose name contains one of the words (workspace, checklist,
 * insights-digest).
 */
import { withCluster } from '../bench/cluster.js';
import { fillRequired, startBrowserApp, type BrowserApp } from '../test/browser/browser-app.js';
import { DateTime } from 'luxon';
import { seedIncident, type SeededIncident } from '../test/helpers/insights-seed.js';
import {
  ACTION_ID, CALLBACK_ID, CHECKLIST_SKIP_INPUT, DECLARE_INPUT, RESOLVE_INPUT, UPDATE_INPUT, updateFieldInput, type InputId,
} from '../src/slack/ids.js';

interface Shot {
  /** Written to docs/<name>.png. */
  name: string;
  draw(t: BrowserApp): Promise<void>;
}

async function type(t: BrowserApp, text: string): Promise<void> {
  await t.page.fill('#composer', text);
  await t.page.press('#composer', 'Enter');
}

async function openChannel(t: BrowserApp, name: string): Promise<void> {
  await t.page.click(`.channel-link[data-name="${name}"]`);
  await t.page.waitForSelector(`.channel-link.active[data-name="${name}"]`);
}

async function fill(t: BrowserApp, field: InputId, text: string): Promise<void> {
  await t.page.fill(`.modal [data-block-id="${field.block}"][data-input]`, text);
}

async function declare(t: BrowserApp, command: string, channel: string, scenario?: string): Promise<void> {
  await openChannel(t, 'general');
  await type(t, command);
  await t.page.waitForSelector('.modal[data-callback-id="incident_declare"]');
  if (scenario) await t.page.selectOption(`.modal [data-block-id="${DECLARE_INPUT.scenario.block}"][data-input]`, scenario);
  await fillRequired(t.page, 'Every checkout returns 500 in ap-northeast-2');
  await t.page.click('[data-modal="submit"]');
  await t.page.waitForSelector(`.channel-link[data-name="${channel}"]`);
  await openChannel(t, channel);
  await t.page.locator('#messages .message.pinned').first().waitFor();
}

/** An incident channel after a reminder, an update answering it and the resolution with its draft. */
const workspace: Shot = {
  name: 'workspace',
  draw: async (t) => {
    await declare(t, '/incident declare sev1 Checkout failing', 'inc-1-checkout-failing');
    t.base.advance({ minutes: 15 });
    await t.app.reminders.tick();
    const reminder = t.page.locator('#messages .message', { hasText: 'the 1st status update for INC-1' });
    await reminder.waitFor();
    t.base.advance({ minutes: 3 });
    await reminder.locator(`button[data-action-id="${ACTION_ID.reminderPostUpdate}"]`).click();
    await t.page.waitForSelector('.modal[data-callback-id="incident_update"]');
    await fill(t, UPDATE_INPUT.summary, 'Checkout errors traced to the payments database; failing over its primary');
    await fill(t, updateFieldInput('impact_scope'), 'POST /checkout in ap-northeast-2, about 40% of requests');
    await fill(t, updateFieldInput('customer_impact'), 'Customers cannot pay; carts are kept');
    await fill(t, updateFieldInput('workaround'), 'None');
    await fill(t, updateFieldInput('mitigation_eta'), '12:40 KST');
    await fill(t, updateFieldInput('recovery_eta'), '13:30 KST');
    await t.page.click('[data-modal="submit"]');
    await reminder.filter({ hasText: 'Answered' }).waitFor();
    await t.page.click(`#messages .message.pinned button[data-action-id="${ACTION_ID.openResolve}"]`);
    await t.page.waitForSelector('.modal[data-callback-id="incident_resolve"]');
    await fill(t, RESOLVE_INPUT.summary, 'Rolled back the connection pool change; checkout recovered at 12:16');
    await fillRequired(t.page, 'A connection pool limit shipped in the 12:00 deploy');
    await t.page.click('[data-modal="submit"]');
    await t.page.waitForFunction(() => /resolved/i.test(document.querySelector('#messages .message.pinned')?.textContent ?? ''));
    await t.page.locator('#messages .file-download').first().waitFor();
    // The pinned card, reminder and update first: the draft's message is below the fold.
    await t.page.evaluate(() => document.querySelector('#messages')?.scrollTo(0, 0));
  },
};

/**
 * A database incident's checklists from the shipped runbooks/: the response checklist with one step done, one
 * skipped with its reason and one assigned, as the channel shows them pinned with their buttons.
 */
const checklist: Shot = {
  name: 'checklist',
  draw: async (t) => {
    await declare(t, '/incident declare sev2 Orders database failing over', 'inc-1-orders-database-failing-over', 'database');
    const response = t.page.locator('#messages .message.pinned', { hasText: 'Incident response checklist' }).first();
    await response.waitFor();
    await t.page.locator('#messages .message.pinned', { hasText: 'Database outage' }).first().waitFor();
    const undos = response.locator(`button[data-action-id="${ACTION_ID.checklistUndo}"]`);
    t.base.advance({ minutes: 4 });
    await response.locator(`button[data-action-id="${ACTION_ID.checklistDone}"]`).first().click();
    await undos.nth(0).waitFor();
    t.base.advance({ minutes: 2 });
    await response.locator(`button[data-action-id="${ACTION_ID.checklistSkip}"]`).first().click();
    await t.page.waitForSelector(`.modal[data-callback-id="${CALLBACK_ID.checklistSkip}"]`);
    await fill(t, CHECKLIST_SKIP_INPUT.reason, 'Deploy froze at 12:05; no release to compare');
    await t.page.click('[data-modal="submit"]');
    await undos.nth(1).waitFor();
    await response.locator(`select[data-action-id="${ACTION_ID.checklistAssign}"]`).first().selectOption('U_BOB');
    await response.filter({ hasText: 'assigned to @Bob Smith' }).waitFor();
    await response.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  },
};

/** The Monday digest in #incidents after a week of three resolved incidents (SEV-1, SEV-2, SEV-3) and one the week before. */
const insightsDigest: Shot = {
  name: 'insights-digest',
  draw: async (t) => {
    const { db } = t.app.database;
    const seeds: SeededIncident[] = [
      { title: 'Checkout failing', severity: 'sev1', start: '2026-11-18T10:00:00Z', detect: 4, firstAction: 6, resolve: [70] },
      { title: 'Search latency', severity: 'sev2', start: '2026-11-19T02:00:00Z', detect: 12, firstAction: 15, resolve: [240] },
      { title: 'Login emails delayed', severity: 'sev2', start: '2026-11-20T06:00:00Z', detect: 20, firstAction: 25, resolve: [95] },
      { title: 'Report exports slow', severity: 'sev3', start: '2026-11-21T08:00:00Z', detect: 30, firstAction: 40, resolve: [600] },
      { title: 'Orders database failover', severity: 'sev1', start: '2026-11-11T09:00:00Z', detect: 9, firstAction: 12, resolve: [150] },
    ];
    for (const seed of seeds) await seedIncident(db, t.app.repos, seed);
    await openChannel(t, 'incidents');
    await t.app.digests.queue(DateTime.fromISO('2026-11-23T09:00:00Z', { zone: 'utc' }));
    const digest = t.page.locator('#messages .message', { hasText: 'Weekly insights' }).last();
    await digest.waitFor();
    await digest.locator('.file img').waitFor();
    await digest.locator('.file img').evaluate((img: HTMLImageElement) => img.decode());
    // The figures and the chart together: taller than the other pictures.
    await t.page.setViewportSize({ width: 1280, height: 1040 });
    await digest.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  },
};

const SHOTS: Shot[] = [workspace, checklist, insightsDigest];

async function main(): Promise<void> {
  const words = process.argv.slice(2).map((w) => w.toLowerCase());
  const chosen = words.length ? SHOTS.filter((s) => words.some((w) => s.name.includes(w))) : SHOTS;
  if (chosen.length === 0) throw new Error(`no screenshot matches ${words.join(', ')}; have: ${SHOTS.map((s) => s.name).join(', ')}`);
  await withCluster(async () => {
    for (const shot of chosen) {
      // Each picture from a fresh app, database and page, so none depends on another's incidents.
      const t = await startBrowserApp();
      try {
        await shot.draw(t);
        await t.page.screenshot({ path: `docs/${shot.name}.png` });
        process.stdout.write(`docs/${shot.name}.png\n`);
      } finally {
        await t.stop();
      }
    }
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`screenshots failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
