import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, fillRequired, startBrowserApp, type BrowserApp } from './browser-app.js';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/db/client.js';
import { ACTION_ID, actionItemInput, DECLARE_INPUT, RESOLVE_INPUT, TIMELINE_INPUT, TIMELINE_MESSAGE_INPUT, UPDATE_INPUT } from '../../src/slack/ids.js';
import { NO_RUNBOOKS } from '../helpers/app.js';

let t: BrowserApp;
beforeAll(async () => {
  // Without runbooks: this walk-through is about the incident's card and messages (checklists have tests of their own).
  t = await startBrowserApp('U_ALICE', { RUNBOOKS_DIR: NO_RUNBOOKS });
});
afterAll(async () => t?.stop());

const CHANNEL = 'inc-1-checkout-failing';

async function type(text: string) {
  await t.page.fill('#composer', text);
  await t.page.press('#composer', 'Enter');
}

async function openChannel(name: string) {
  await t.page.click(`.channel-link[data-name="${name}"]`);
  await t.page.waitForSelector(`.channel-link.active[data-name="${name}"]`);
}

const modal = (callbackId: string) => t.page.waitForSelector(`.modal[data-callback-id="${callbackId}"]`);

describe('the local workspace in a browser', () => {
  it('completes /incident subcommands in the composer', async () => {
    await openChannel('general');
    await t.page.fill('#composer', '/inc');
    await t.page.dispatchEvent('#composer', 'input');
    await t.page.press('#composer', 'Tab');
    await t.page.type('#composer', 'dec');
    const suggestions = await t.page.locator('#suggestions li').allTextContents();
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]).toContain('/incident declare');
    await t.page.press('#composer', 'Tab');
    expect(await t.page.inputValue('#composer')).toBe('/incident declare ');
    await t.page.fill('#composer', '');
  });

  it('runs an incident: declare, pinned card, announcement, reminder, snooze, update, resolve', async () => {
    await openChannel('general');
    await type('/incident declare sev1 Checkout failing');
    await modal('incident_declare');
    expect(await t.page.inputValue(`[data-block-id="${DECLARE_INPUT.title.block}"][data-input]`)).toBe('Checkout failing');
    expect(await t.page.inputValue(`[data-block-id="${DECLARE_INPUT.severity.block}"][data-input]`)).toBe('sev1');
    await t.page.fill(`[data-block-id="${DECLARE_INPUT.impact.block}"][data-input]`, 'Every checkout returns 500 in ap-northeast-2');
    await t.page.click('[data-modal="submit"]');

    await t.page.waitForSelector(`.channel-link[data-name="${CHANNEL}"]`);
    expect(await t.page.locator('.modal').count()).toBe(0);
    await openChannel(CHANNEL);
    const card = t.page.locator('#messages .message.pinned');
    await card.waitFor();
    expect(await card.textContent()).toContain('INC-1');
    expect(await card.textContent()).toContain('SEV-1');
    expect(await card.locator('.mention').first().textContent()).toBe('@Alice Kim');
    expect(await t.page.textContent('.pins-toggle')).toContain('1 pinned');

    await openChannel('incidents');
    const announcement = t.page.locator('#messages .message', { hasText: 'Checkout failing' });
    await announcement.waitFor();
    expect(await announcement.locator(`.channel-mention`).first().textContent()).toBe(`#${CHANNEL}`);

    await announcement.locator('.channel-mention').first().click();
    await t.page.waitForSelector(`.channel-link.active[data-name="${CHANNEL}"]`);

    // Fifteen minutes on, the SEV-1's first update is due: the commander is reminded in the channel.
    t.base.advance({ minutes: 15 });
    await t.app.reminders.tick();
    const reminder = t.page.locator('#messages .message', { hasText: 'the 1st status update for INC-1' });
    await reminder.waitFor();
    expect(await reminder.textContent()).toContain('due now');
    expect(await reminder.locator('.mention').first().textContent()).toBe('@Alice Kim');
    const postUpdate = reminder.locator(`button[data-action-id="${ACTION_ID.reminderPostUpdate}"]`);
    const snooze = reminder.locator(`button[data-action-id="${ACTION_ID.reminderSnooze}"]`);
    expect(await postUpdate.textContent()).toBe('Post update');
    expect(await snooze.textContent()).toBe('Snooze 10 min (3 left)');

    // Snoozing answers only the person who clicked, and the reminder shows who snoozed and what is left.
    await snooze.click();
    const snoozed = t.page.locator('#messages .message.ephemeral', { hasText: 'Snoozed: the next reminder for INC-1' });
    await snoozed.waitFor();
    expect(await snoozed.textContent()).toContain('2 snoozes left this cycle');
    expect(await snoozed.textContent()).toContain('Only visible to you');
    await reminder.filter({ hasText: 'Snoozed by @Alice Kim' }).waitFor();
    expect(await reminder.textContent()).toContain('Snoozes left this cycle: 2 of 3');
    expect(await snooze.textContent()).toBe('Snooze 10 min (2 left)');

    // Three minutes later the commander answers it from the reminder's own button.
    t.base.advance({ minutes: 3 });
    await postUpdate.click();
    await modal('incident_update');
    await fillRequired(t.page, 'Checkout errors traced to the payments database');
    await t.page.click('[data-modal="submit"]');
    await t.page.waitForSelector('#messages .message:not(.pinned) >> text=Checkout errors traced to the payments database');
    await reminder.filter({ hasText: 'Answered: @Alice Kim posted the update' }).waitFor();
    expect(await reminder.textContent()).toContain('(3 min late)');
    expect(await reminder.locator('.edited').count()).toBe(1);
    expect(await reminder.locator('.msg-body button').count()).toBe(0);

    await type('/incident update');
    await modal('incident_update');
    await t.page.selectOption(`[data-block-id="${UPDATE_INPUT.status.block}"][data-input]`, 'identified');
    await fillRequired(t.page, 'Failing over the primary database');
    await t.page.click('[data-modal="submit"]');
    await t.page.waitForSelector('#messages .message:not(.pinned) >> text=Failing over the primary database');
    expect(await t.page.locator('.modal').count()).toBe(0);

    await t.page.click('#messages .message.pinned button[data-action-id="incident_open_resolve"]');
    await modal('incident_resolve');
    await t.page.check(`[data-block-id="${RESOLVE_INPUT.rootCauseCertainty.block}"] input[value="confirmed"]`);
    await fillRequired(t.page, 'Rolled back the connection pool change');
    // Another action-item row: the form is rebuilt through views.update, keeping what was typed.
    const row = (n: number) => `[data-block-id="${actionItemInput(n, 'title').block}"][data-input]`;
    await t.page.fill(row(0), 'Alert on pool saturation');
    expect(await t.page.locator(row(4)).count()).toBe(0);
    await t.page.click(`.modal button[data-action-id="${ACTION_ID.addActionItemRow}"]`);
    await t.page.waitForSelector(row(4));
    expect(await t.page.inputValue(row(0))).toBe('Alert on pool saturation');
    expect(await t.page.inputValue(`[data-block-id="${RESOLVE_INPUT.summary.block}"][data-input]`)).toBe('Rolled back the connection pool change');
    // The bot's own validation comes back under its field; what was typed stays.
    await t.page.fill(`[data-block-id="${RESOLVE_INPUT.recoveredAt.block}"][data-input]`, '2030-01-01T09:00');
    await t.page.click('[data-modal="submit"]');
    await t.page.waitForFunction((id) => /in the future/.test(document.querySelector(`[data-error-for="${id}"]`)?.textContent ?? ''), RESOLVE_INPUT.recoveredAt.block);
    expect(await t.page.inputValue(`[data-block-id="${RESOLVE_INPUT.summary.block}"][data-input]`)).toBe('Rolled back the connection pool change');
    await t.page.fill(`[data-block-id="${RESOLVE_INPUT.recoveredAt.block}"][data-input]`, '');
    await t.page.click('[data-modal="submit"]');
    await t.page.waitForFunction(() => /resolved/i.test(document.querySelector('#messages .message.pinned')?.textContent ?? ''));
    await t.page.screenshot({ path: `${ARTIFACTS}/workspace-incident-channel.png` });

    const download = t.page.locator('#messages .file-download').first();
    const file = await t.page.request.get(new URL((await download.getAttribute('href'))!, t.app.url).toString());
    expect(file.headers()['content-disposition']).toContain('attachment');
    expect(await file.text()).toContain('INC-1');

    await t.page.click('[data-pins]');
    await t.page.waitForSelector('#pins-panel:not([hidden]) .message.pinned');
    await t.page.click('[data-pins]');
  });

  it('pins a message to the timeline with 📌, edits it, and finds it in the postmortem draft', async () => {
    await openChannel(CHANNEL);
    await type('DB failover started at 14:05');
    const said = t.page.locator('#messages .message[data-kind="message"]', { hasText: 'DB failover started at 14:05' });
    await said.waitFor();
    await said.hover();
    await said.locator('[data-menu="react"]').click();
    await said.locator('[data-pick="pushpin"]').click();
    const pin = said.locator('.reaction.mine[data-reaction="pushpin"]');
    await pin.waitFor();
    expect(await pin.textContent()).toContain('📌 1');

    await said.hover();
    await said.locator('[data-menu="more"]').click();
    expect(await said.locator('.menu.more button').allTextContents()).toEqual(['Add to incident timeline', 'Edit message', 'Delete message…']);
    await said.locator('[data-edit="start"]').click();
    await said.locator('.edit-text').fill('DB failover finished at 14:07');
    await said.locator('[data-edit="save"]').click();
    const edited = t.page.locator('#messages .message[data-kind="message"]', { hasText: 'DB failover finished at 14:07' });
    await edited.locator('.edited').waitFor();

    // The draft is written again as its next version: the one draft message shows a new file.
    const shown = () => t.page.evaluate(() => [...document.querySelectorAll('#messages .file-download')].map((a) => a.getAttribute('href')));
    const before = await shown();
    await type('/incident postmortem');
    await t.page.waitForFunction(
      (old) => [...document.querySelectorAll('#messages .file-download')].some((a) => !old.includes(a.getAttribute('href'))),
      before,
    );
    const fresh = (await shown()).find((href) => !before.includes(href))!;
    const download = t.page.locator(`#messages .file-download[href="${fresh}"]`);
    const file = await t.page.request.get(new URL((await download.getAttribute('href'))!, t.app.url).toString());
    const draft = await file.text();
    expect(draft).toContain('Alice Kim: DB failover finished at 14:07 ([message](');
    expect(draft).not.toContain('14:05');
    await t.page.screenshot({ path: `${ARTIFACTS}/workspace-pinned-message.png` });
  });

  it('adds a timeline entry with a milestone, then shows, edits and removes it from /incident timeline', async () => {
    await openChannel(CHANNEL);
    await type('/incident timeline add');
    await modal('incident_timeline_entry');
    // Alice's picker shows her own zone (Seoul); half an hour ago there.
    const earlier = t.base.now().minus({ minutes: 30 }).setZone('Asia/Seoul').toFormat("yyyy-MM-dd'T'HH:mm");
    await t.page.fill(`[data-block-id="${TIMELINE_INPUT.at.block}"][data-input]`, earlier);
    await t.page.fill(`[data-block-id="${TIMELINE_INPUT.text.block}"][data-input]`, 'On-call acknowledged the page');
    await t.page.selectOption(`[data-block-id="${TIMELINE_INPUT.milestone.block}"][data-input]`, 'acknowledged');
    await t.page.click('[data-modal="submit"]');
    await t.page.waitForSelector('.modal', { state: 'detached' });

    await type('/incident timeline');
    const timeline = t.page.locator('.message.ephemeral', { hasText: 'Timeline of' }).last();
    await timeline.waitFor();
    const entry = timeline.locator('.bk-section', { hasText: 'On-call acknowledged the page' });
    expect(await entry.textContent()).toContain('Acknowledged');
    expect(await entry.textContent()).toContain('(added');
    await entry.locator('select.bk-overflow').selectOption({ label: 'Edit' });
    await modal('incident_timeline_entry');
    expect(await t.page.inputValue(`[data-block-id="${TIMELINE_INPUT.text.block}"][data-input]`)).toBe('On-call acknowledged the page');
    await t.page.fill(`[data-block-id="${TIMELINE_INPUT.text.block}"][data-input]`, 'On-call acknowledged the pager alert');
    await t.page.click('[data-modal="submit"]');
    await t.page.waitForSelector('.modal', { state: 'detached' });

    await type('/incident timeline');
    const again = t.page.locator('.message.ephemeral', { hasText: 'On-call acknowledged the pager alert' }).last();
    await again.waitFor();
    const edited = again.locator('.bk-section', { hasText: 'On-call acknowledged the pager alert' });
    expect(await edited.textContent()).toContain('(edited');
    // The same message is replaced in place, without the entry.
    const shown = t.page.locator(`.message.ephemeral[data-ts="${await again.getAttribute('data-ts')}"]`);
    await edited.locator('select.bk-overflow').selectOption({ label: 'Remove' });
    await shown.filter({ hasText: 'Removed from the timeline' }).waitFor();
    expect(await shown.textContent()).not.toContain('On-call acknowledged the pager alert');
  });

  it('answers an unknown slash command as Slack does, and an unknown subcommand as the bot does', async () => {
    await openChannel('general');
    await type('/nonsense now');
    await t.page.waitForSelector('.message.notice >> text=/nonsense is not a valid command');
    await type('/incident frobnicate');
    const reply = t.page.locator('.message.ephemeral', { hasText: 'frobnicate' });
    await reply.waitFor();
    expect(await reply.textContent()).toContain('Only visible to you');
    expect(await reply.textContent()).toContain('is not a command I know');
  });

  it('keeps the modal open with the error under each empty required field, as Slack does before sending', async () => {
    await openChannel('general');
    await type('/incident declare');
    await modal('incident_declare');
    await t.page.click('[data-modal="submit"]');
    const titleError = t.page.locator(`[data-error-for="${DECLARE_INPUT.title.block}"]`);
    expect(await titleError.textContent()).toBe('Please complete this required field.');
    expect(await t.page.locator(`[data-error-for="${DECLARE_INPUT.impact.block}"]`).textContent()).toBe('Please complete this required field.');
    expect(await t.page.locator(`[data-error-for="${DECLARE_INPUT.drill.block}"]`).textContent()).toBe('');
    expect(t.ws.openViews('U_ALICE')).toHaveLength(1);
    await t.page.click('.modal-footer [data-modal="close"]');
    await t.page.waitForSelector('.modal', { state: 'detached' });
    expect(t.ws.openViews('U_ALICE')).toHaveLength(0);
  });

  it('switches to another person, with their own time zone and ephemerals', async () => {
    await t.page.selectOption('#user-switcher', 'U_BOB');
    await t.page.waitForFunction(() => document.querySelector('#clock')?.textContent?.includes('America/New_York'));
    await openChannel('general');
    expect(await t.page.locator('.message.ephemeral').count()).toBe(0);
    await t.page.selectOption('#user-switcher', 'U_ALICE');
    await t.page.waitForFunction(() => document.querySelector('#clock')?.textContent?.includes('Asia/Seoul'));
  });

  it('runs a drill: the page speeds up the clock and what is declared is marked DRILL', async () => {
    await t.page.selectOption('#drill-speed', '60');
    await t.page.waitForSelector('#drill-badge:not([hidden])');
    expect(t.clock.speed).toBe(60);
    const before = t.clock.now();
    t.base.advance({ seconds: 15 });
    expect(t.clock.now().diff(before).as('minutes')).toBeCloseTo(15, 5);

    await openChannel('general');
    await type('/incident declare sev2 Search is slow');
    await modal('incident_declare');
    await fillRequired(t.page, 'Search p99 above 5 s');
    await t.page.click('[data-modal="submit"]');
    await t.page.waitForSelector('.channel-link[data-name$="-search-is-slow"]');
    await openChannel('incidents');
    const announcement = t.page.locator('#messages .message', { hasText: 'Search is slow' });
    await announcement.waitFor();
    expect(await announcement.textContent()).toContain('DRILL');

    await t.page.selectOption('#drill-speed', '1');
    await t.page.waitForSelector('#drill-badge[hidden]', { state: 'attached' });
    expect(t.clock.speed).toBe(1);
  });

  it("adds a message from another channel through the shortcut's picker, which searches as the person types", async () => {
    await t.app.database.db.execute(sql`
      insert into incidents (title, severity, status, scenario, impact, declared_by, started_at, detected_at, declared_at)
      values ('Payments webhook backlog', 'sev2', 'investigating', 'other', '', 'U_ALICE', now(), now(), now())`);
    await openChannel('general');
    await type('Search errors reported by support');
    const said = t.page.locator('#messages .message[data-kind="message"]', { hasText: 'Search errors reported by support' });
    await said.waitFor();
    await said.hover();
    await said.locator('[data-menu="more"]').click();
    await said.locator('[data-shortcut="add_to_timeline"]').click();
    const picker = await modal('incident_timeline_message');
    const field = picker.$('[data-external-query]');
    const results = `[data-block-id="${TIMELINE_MESSAGE_INPUT.incident.block}"][data-input] option`;
    const shown = () => t.page.locator(results).allTextContents();
    // Opening the search asks the bot (min_query_length 0): the open incidents are offered.
    await (await field)!.focus();
    await t.page.waitForFunction((sel) => document.querySelectorAll(sel).length > 1, results);
    expect(await shown()).toContainEqual(expect.stringMatching(/^INC-\d+ · SEV-2 · Payments webhook backlog$/));
    // Typing narrows it: nothing matches, then the title's words find it again.
    await (await field)!.fill('no such incident');
    await t.page.waitForFunction((sel) => document.querySelectorAll(sel).length === 1, results);
    expect(await picker.$eval('.bk-external-status', (e) => e.textContent)).toBe('No results');
    await (await field)!.fill('webhook');
    await t.page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, results);
    const value = await t.page.locator(results).nth(1).getAttribute('value');
    await t.page.selectOption(`[data-block-id="${TIMELINE_MESSAGE_INPUT.incident.block}"][data-input]`, value);
    await t.page.screenshot({ path: `${ARTIFACTS}/workspace-timeline-picker.png` });
    await t.page.click('[data-modal="submit"]');
    await t.page.waitForSelector('.modal', { state: 'detached' });
    const pinned = rowsOf<{ incident_id: number }>(await t.app.database.db.execute(sql`select incident_id from timeline_events where kind = 'message_pinned'`));
    expect(pinned).toContainEqual({ incident_id: Number(value) });
  });
});
