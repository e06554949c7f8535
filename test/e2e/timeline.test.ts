/**
 * Times that are not now, and the timeline in Slack: backdated detection on the declare form, notes
 * at a time read in the author's zone, timeline entries with milestones, `/incident timeline` with
 * paging, edits and removals, all through the local workspace on a stepped clock whose "now" is
 * just after midnight in Seoul while it is still the day before in UTC.
 */
import { DateTime } from 'luxon';
import type { SubmittedValues } from 'local-slack-workspace';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SteppedClock } from '../../src/clock.js';
import { DECLARE_INPUT, TIMELINE_INPUT, type InputId } from '../../src/slack/ids.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, BOB, CAROL, channelId, command, declareValues, openedView, visibleText } from '../helpers/flows.js';

const CHANNEL = 'inc-1-checkout-failing';
// 15:10 UTC on 25 Nov is 00:10 on 26 Nov in Seoul.
const NOW = '2026-11-25T15:10:00Z';
const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const unix = (iso: string) => String(Math.floor(utc(iso).toSeconds()));
const pick = (id: InputId, value: string): SubmittedValues => ({ [id.block]: { [id.action]: value } });
/** Work after the ack (an answer by response URL, a zone lookup) can take seconds on a loaded machine. */
const WAIT = { timeout: 10_000 };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: new SteppedClock(NOW), env: { EXPORT_TIME_ZONE: 'Asia/Seoul', API_TOKEN: 'test-api-token' } });
});
afterAll(async () => t?.stop());

const timelineEvents = async () => (await t.app.repos.timeline.listForIncident(t.app.database.db, 1));
const latestEphemeral = (user: string) => t.ws.ephemerals(user).filter((e) => !e.deleted).at(-1)!;
async function draft(): Promise<string> {
  const res = await fetch(`${t.app.url}/api/incidents/INC-1/postmortem.md`, { headers: { authorization: 'Bearer test-api-token' } });
  expect(res.status).toBe(200);
  return res.text();
}

async function submitDeclare(times: SubmittedValues) {
  await command(t.ws, ALICE, 'general', 'declare sev1 Checkout failing');
  const view = await openedView(t.ws, ALICE, 'incident_declare');
  return t.ws.submitView({ userId: ALICE, viewId: view.id, values: { ...declareValues({ title: 'Checkout failing', severity: 'sev1' }), ...times } });
}

describe('the declare form’s times', () => {
  it('refuses detection before the impact started, and a time in the future, on the field', async () => {
    const before = await submitDeclare({ ...pick(DECLARE_INPUT.startedAt, unix('2026-11-25T14:40:00Z')), ...pick(DECLARE_INPUT.detectedAt, unix('2026-11-25T14:30:00Z')) });
    expect(before.body).toEqual({ response_action: 'errors', errors: { [DECLARE_INPUT.detectedAt.block]: 'Detection cannot come before the impact started.' } });
    await t.ws.closeView(ALICE);
    const future = await submitDeclare(pick(DECLARE_INPUT.startedAt, unix('2026-11-25T15:20:00Z')));
    expect(future.body).toEqual({ response_action: 'errors', errors: { [DECLARE_INPUT.startedAt.block]: 'The impact cannot start in the future.' } });
    await t.ws.closeView(ALICE);
    expect(await t.app.incidents.find(1)).toBeUndefined();
  });

  it('keeps a backdated start and detection, so the draft measures time to detect', async () => {
    const ack = await submitDeclare({ ...pick(DECLARE_INPUT.startedAt, unix('2026-11-25T14:40:00Z')), ...pick(DECLARE_INPUT.detectedAt, unix('2026-11-25T14:45:00Z')) });
    expect(ack.body).toBeFalsy();
    await t.deliver();
    const incident = (await t.app.incidents.find(1))!;
    expect(incident.startedAt.toISO()).toBe('2026-11-25T14:40:00.000Z');
    expect(incident.detectedAt.toISO()).toBe('2026-11-25T14:45:00.000Z');
    expect(incident.declaredAt.toISO()).toBe('2026-11-25T15:10:00.000Z');
    const doc = await draft();
    expect(doc).toContain('| Time to detect | 5 min |');
    expect(doc).toContain('| Detected | 2026-11-25 23:45 KST |');
  });
});

describe('/incident note with a time', () => {
  it('asks Slack for the author’s zone before reading their first time (users.info), and reads it there', async () => {
    const lookups = () => t.ws.callLog().filter((c) => c.method === 'users.info' && c.params['user'] === ALICE).length;
    const reply = await command(t.ws, ALICE, CHANNEL, 'note 00:05 Checking the dashboards');
    expect(reply).toContain('read in your time zone (Asia/Seoul)');
    // Asked by the time her first time was read (her language and zone come from one users.info).
    expect(lookups()).toBeGreaterThan(0);
    const note = (await timelineEvents()).find((e) => e.kind === 'note_added')!;
    expect(note.occurredAt.toISO()).toBe('2026-11-25T15:05:00.000Z'); // 00:05 on 26 Nov in Seoul
  });

  it('reads `yesterday 23:50` in the author’s zone across midnight there (Seoul), while the server is still on the day before', async () => {
    const reply = await command(t.ws, ALICE, CHANNEL, 'note yesterday 23:50 Checkout 5xx spiked');
    expect(reply).toContain('read in your time zone (Asia/Seoul)');
    const note = (await timelineEvents()).find((e) => e.kind === 'note_added' && e.data.text === 'Checkout 5xx spiked')!;
    // 23:50 on 25 Nov in Seoul, twenty minutes ago; in UTC "yesterday 23:50" would be a day earlier.
    expect(note.occurredAt.toISO()).toBe('2026-11-25T14:50:00.000Z');
    expect(note.recordedAt?.toISO()).toBe('2026-11-25T15:10:00.000Z');
    expect(await draft()).toContain('- 2026-11-25 23:50 · Note: Checkout 5xx spiked — Alice Kim (added 2026-11-26 00:10)');
  });

  it('refuses a time later than now and says what to type', async () => {
    const count = (await timelineEvents()).length;
    expect(await command(t.ws, ALICE, CHANNEL, 'note 23:55 Rollback started')).toContain(
      ':warning: `23:55` is later than now (00:10, read in your time zone (Asia/Seoul)): a note records what has happened. For yesterday, type `/incident note yesterday 23:55 …`.',
    );
    expect(await command(t.ws, ALICE, CHANNEL, 'note 24:10 x')).toContain('is not a time I can read');
    expect((await timelineEvents()).length).toBe(count);
  });
});

describe('timeline entries with milestones', () => {
  it('a form entry marked "acknowledged" gives the draft its time to acknowledge', async () => {
    await command(t.ws, ALICE, CHANNEL, 'timeline add');
    let view = await openedView(t.ws, ALICE, 'incident_timeline_entry');
    const future = await t.ws.submitView({
      userId: ALICE, viewId: view.id,
      values: { ...pick(TIMELINE_INPUT.at, unix('2026-11-25T15:30:00Z')), ...pick(TIMELINE_INPUT.text, 'x'), ...pick(TIMELINE_INPUT.milestone, 'none') },
    });
    expect(future.body).toMatchObject({ response_action: 'errors', errors: { [TIMELINE_INPUT.at.block]: expect.stringContaining('future') } });
    view = await openedView(t.ws, ALICE, 'incident_timeline_entry');
    const ack = await t.ws.submitView({
      userId: ALICE, viewId: view.id,
      values: { ...pick(TIMELINE_INPUT.at, unix('2026-11-25T14:47:00Z')), ...pick(TIMELINE_INPUT.text, 'Alice took the page'), ...pick(TIMELINE_INPUT.milestone, 'acknowledged') },
    });
    expect(ack.body).toBeFalsy();
    const doc = await draft();
    expect(doc).toContain('| Time to acknowledge | 2 min |'); // detected 14:45, acknowledged 14:47
    expect(doc).toContain('- 2026-11-25 23:47 · **Acknowledged** · Note: Alice took the page — Alice Kim (added 2026-11-26 00:10)');
  });
});

describe('/incident timeline', () => {
  let bobsNote = 0;

  it('pages the timeline, latest page first, with Earlier and Later', async () => {
    for (let i = 1; i <= 20; i++) await command(t.ws, BOB, CHANNEL, `note Step ${i}`);
    bobsNote = (await timelineEvents()).find((e) => e.kind === 'note_added' && e.data.text === 'Step 1')!.id;
    await command(t.ws, ALICE, CHANNEL, 'timeline');
    const last = latestEphemeral(ALICE);
    const total = Number(/of (\d+), page/.exec(visibleText(last))?.[1]);
    expect(total).toBeGreaterThan(20);
    expect(last.blocks!.length).toBeLessThanOrEqual(50);
    expect(visibleText(last)).toContain(`page 2 of 2`);
    expect(visibleText(last)).toContain('Step 20');
    expect(visibleText(last)).not.toContain('Checkout 5xx spiked');

    await t.ws.clickAction({ userId: ALICE, channelId: channelId(t.ws, CHANNEL), messageTs: last.ts, actionId: 'incident_timeline_page' });
    await vi.waitFor(() => expect(visibleText(t.ws.ephemerals(ALICE).find((e) => e.ts === last.ts)!)).toContain('page 1 of 2'), WAIT);
    const first = visibleText(t.ws.ephemerals(ALICE).find((e) => e.ts === last.ts)!);
    expect(first).toContain(`entries 1–20 of ${total}`);
    // Ordered by when things happened: the backdated note comes before the declaration.
    expect(first.indexOf('Checkout 5xx spiked')).toBeLessThan(first.indexOf('Incident declared'));
  });

  it('lets the author edit their entry; the edit is recorded and the draft shows the current text', async () => {
    await command(t.ws, BOB, CHANNEL, 'timeline 1');
    const mine = latestEphemeral(BOB);
    // Bob may change his own entries only: Alice's carry no menu for him.
    expect(JSON.stringify(mine.blocks)).toContain(`timeline_entry_${bobsNote}`);
    const menus = (mine.blocks as { block_id?: string; accessory?: { type: string } }[]).filter((b) => b.accessory?.type === 'overflow');
    expect(menus.every((b) => b.block_id !== undefined)).toBe(true);
    expect(menus.length).toBeGreaterThan(0);
    const alicesNote = (await timelineEvents()).find((e) => e.kind === 'note_added' && e.actorId === ALICE)!;
    expect(menus.some((b) => b.block_id === `timeline_entry_${alicesNote.id}`)).toBe(false);

    await t.ws.clickAction({
      userId: BOB, channelId: channelId(t.ws, CHANNEL), messageTs: mine.ts, actionId: 'incident_timeline_entry_menu',
      blockId: `timeline_entry_${bobsNote}`, selectedOption: `edit:1:${bobsNote}`,
    });
    const view = await openedView(t.ws, BOB, 'incident_timeline_entry');
    expect(JSON.stringify(view.blocks)).toContain('"initial_value":"Step 1"');
    const ack = await t.ws.submitView({
      userId: BOB, viewId: view.id,
      values: { ...pick(TIMELINE_INPUT.at, unix('2026-11-25T14:55:00Z')), ...pick(TIMELINE_INPUT.text, 'Failed over the primary'), ...pick(TIMELINE_INPUT.milestone, 'mitigated') },
    });
    expect(ack.body).toBeFalsy();
    const edit = (await timelineEvents()).find((e) => e.kind === 'entry_edited')!;
    expect(edit).toMatchObject({ actorId: BOB, data: { entryId: bobsNote, text: 'Failed over the primary', milestone: 'mitigated' } });
    const doc = await draft();
    // Bob's name was learnt with his language (users.info) when he first used the bot.
    expect(doc).toContain('- 2026-11-25 23:55 · **Mitigation** · Note: Failed over the primary — Bob Smith (added 2026-11-26 00:10) (edited 2026-11-26 00:10)');
    expect(doc).not.toContain('Step 1 ');
    expect(doc).toContain('| Time to mitigate | 15 min |');
  });

  it('refuses a removal by someone who is neither the author nor the commander, and keeps the entry', async () => {
    // Alice commands: her timeline offers a menu on Bob's entry.
    await command(t.ws, ALICE, CHANNEL, 'timeline 1');
    const shown = latestEphemeral(ALICE);
    const entry = (await timelineEvents()).find((e) => e.kind === 'note_added' && e.data.text === 'Step 2')!;
    // Then she hands command to Carol, and uses the menu she still sees.
    await command(t.ws, ALICE, CHANNEL, `assign commander <@${CAROL}>`);
    await t.ws.clickAction({
      userId: ALICE, channelId: channelId(t.ws, CHANNEL), messageTs: shown.ts, actionId: 'incident_timeline_entry_menu',
      blockId: `timeline_entry_${entry.id}`, selectedOption: `remove:1:${entry.id}`,
    });
    await vi.waitFor(() =>
      expect(visibleText(latestEphemeral(ALICE))).toBe(":warning: Only the person who wrote an entry and INC-1's commander (<@U_CAROL>) can edit or remove it."),
    WAIT);
    expect((await timelineEvents()).some((e) => e.kind === 'entry_removed')).toBe(false);
    expect(await draft()).toContain('Note: Step 2 — Bob Smith');
  });

  it('lets the commander remove an entry: the page shows it gone, the removal is recorded', async () => {
    await command(t.ws, CAROL, CHANNEL, 'timeline 1');
    const shown = latestEphemeral(CAROL);
    const entry = (await timelineEvents()).find((e) => e.kind === 'note_added' && e.data.text === 'Step 2')!;
    await t.ws.clickAction({
      userId: CAROL, channelId: channelId(t.ws, CHANNEL), messageTs: shown.ts, actionId: 'incident_timeline_entry_menu',
      blockId: `timeline_entry_${entry.id}`, selectedOption: `remove:1:${entry.id}`,
    });
    await vi.waitFor(() => expect(visibleText(t.ws.ephemerals(CAROL).find((e) => e.ts === shown.ts)!)).toContain('Removed from the timeline'), WAIT);
    expect(visibleText(t.ws.ephemerals(CAROL).find((e) => e.ts === shown.ts)!)).not.toContain('Step 2 ');
    expect((await timelineEvents()).find((e) => e.kind === 'entry_removed')).toMatchObject({ actorId: CAROL, data: { entryId: entry.id } });
    expect(await draft()).not.toContain('Step 2 ');
  });
});
