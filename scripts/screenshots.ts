/**
 * `npm run screenshots`: draws the pictures in docs/ from the local workspace in Debian's Chromium.
 * Tests never write into docs/ (their screenshots go to test-artifacts/), so `npm test` leaves a
 * clone's tracked files as it found them; run this when the pages change and commit the result.
 *
 * `npm run screenshots -- workspace`: only the pictures whose name contains one of the words.
 */
import { withCluster } from '../bench/cluster.js';
import { fillRequired, startBrowserApp, type BrowserApp } from '../test/browser/browser-app.js';
import { ACTION_ID, RESOLVE_INPUT, UPDATE_INPUT, updateFieldInput, type InputId } from '../src/slack/ids.js';

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

async function declare(t: BrowserApp, command: string, channel: string): Promise<void> {
  await openChannel(t, 'general');
  await type(t, command);
  await t.page.waitForSelector('.modal[data-callback-id="incident_declare"]');
  await fillRequired(t.page, 'Every checkout returns 500 in ap-northeast-2');
  await t.page.click('[data-modal="submit"]');
  await t.page.waitForSelector(`.channel-link[data-name="${channel}"]`);
  await openChannel(t, channel);
  await t.page.locator('#messages .message.pinned').waitFor();
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

const SHOTS: Shot[] = [workspace];

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
