/**
 * The checklist in the channel, worked from Slack: Done, Skip (with a reason), Undo and Assign,
 * each on the timeline with its actor; a replayed click applies once; two Done clicks at once give
 * one "done"; an outsider gets the policy's refusal.
 */
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebClient } from '@slack/web-api';
import { LOCAL_BOT_TOKEN } from '../../src/application.js';
import { rowsOf } from '../../src/db/client.js';
import { CALLBACK_ID, CHECKLIST_SKIP_INPUT, ACTION_ID } from '../../src/slack/ids.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, BOB, CAROL, channelId, declare, openedView, visibleText } from '../helpers/flows.js';
import { recordingProxy } from '../helpers/recording-proxy.js';

const SMALL = fileURLToPath(new URL('../fixtures/runbooks/small', import.meta.url));
const CHANNEL = 'inc-1-checkout-failing';
const DAVE = 'U_DAVE';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { RUNBOOKS_DIR: SMALL, RESPONDERS: '' } });
  await declare(t.ws, ALICE, 'Checkout failing', { severity: 'sev2' });
  await t.deliver();
  // Bob and Carol join the channel (members may work the checklist); Dave stays out.
  await new WebClient(LOCAL_BOT_TOKEN, { slackApiUrl: `${t.app.url}/workspace/api/` }).conversations.invite({ channel: channelId(t.ws, CHANNEL), users: `${BOB},${CAROL}` });
});
afterAll(async () => t?.stop());

const eventually = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 5000, interval: 20 });
const checklist = () => t.ws.pins(CHANNEL).find((m) => visibleText(m).includes('Checklist: Basics'))!;
const item = async (id: string) => (await t.app.checklists.list(1))[0]!.items.find((i) => i.id === id)!;
const click = (userId: string, actionId: string, itemId: string, extra: { value?: string } = {}) =>
  t.ws.clickAction({ userId, channelId: channelId(t.ws, CHANNEL), messageTs: checklist().ts, actionId, blockId: `checklist:1:${itemId}`, ...extra });
const events = async (kind: string) =>
  (await t.app.repos.timeline.listForIncident(t.app.database.db, 1)).filter((e) => e.kind === kind).map((e) => ({ actor: e.actorId, data: e.data }));
const lastEphemeral = (userId: string) => visibleText(t.ws.ephemerals(userId).at(-1) ?? { text: '' });

describe('a checklist message', () => {
  it('shows each item with its buttons, role, due time, warning and link, pinned in the incident channel', () => {
    const message = checklist();
    const text = visibleText(message);
    expect(text).toContain('Confirm the impact scope');
    expect(text).toContain('for the commander');
    expect(text).toMatch(/due <!date\^\d+\^\{time\}/);
    expect(text).toContain(':warning: If the database schema changed, check the migration before rolling back the app.');
    expect(text).toContain(':link: <https://runbooks.example.com/triage#scope|Runbook link>');
    // Two blocks an item: its text with what is known about it, and its buttons.
    expect(message.blocks.slice(2).map((b) => (b as { type: string }).type)).toEqual(['rich_text', 'actions', 'rich_text', 'actions', 'rich_text', 'actions']);
    const blocks = JSON.stringify(message.blocks);
    expect(blocks.split(`"action_id":"${ACTION_ID.checklistDone}"`).length - 1).toBe(3);
    expect(blocks.split(`"action_id":"${ACTION_ID.checklistAssign}"`).length - 1).toBe(3);
    expect(blocks).not.toContain(ACTION_ID.checklistUndo);
  });

  it('Done marks the item done by its clicker, on the timeline and in the message', async () => {
    expect((await click(BOB, ACTION_ID.checklistDone, 'confirm-scope')).status).toBe(200);
    await eventually(async () => expect((await item('confirm-scope')).state).toBe('done'));
    expect(await events('checklist_item_done')).toEqual([{ actor: BOB, data: { attachmentId: 1, runbookId: 'basics', itemId: 'confirm-scope', text: 'Confirm the impact scope' } }]);
    await t.deliver();
    const text = visibleText(checklist());
    expect(JSON.stringify(checklist().blocks)).toContain(`{"type":"text","text":"Confirm the impact scope","style":{"strike":true}}`);
    expect(text).toMatch(/Confirm the impact scope\ndone by <@U_BOB> <!date\^/);
    expect(text).toContain('1 of 3 done or skipped');
    expect(JSON.stringify(checklist().blocks)).toContain(`"action_id":"${ACTION_ID.checklistUndo}"`);
  });

  it('Undo opens it again, and says so on the timeline', async () => {
    await click(CAROL, ACTION_ID.checklistUndo, 'confirm-scope');
    await eventually(async () => expect((await item('confirm-scope')).state).toBe('open'));
    expect(await events('checklist_item_reopened')).toEqual([{ actor: CAROL, data: expect.objectContaining({ itemId: 'confirm-scope', from: 'done' }) }]);
    await t.deliver();
    expect(JSON.stringify(checklist().blocks)).toContain(`{"type":"text","text":"Confirm the impact scope","style":{"bold":true}}`);
  });

  it('Skip asks why, requires a reason, and keeps it', async () => {
    await click(ALICE, ACTION_ID.checklistSkip, 'pause-rollout');
    const modal = await openedView(t.ws, ALICE, CALLBACK_ID.checklistSkip);
    expect(visibleText({ text: '', blocks: modal.blocks })).toContain('Pause the active rollout');
    const empty = await t.ws.submitView({ userId: ALICE, viewId: modal.id, values: { [CHECKLIST_SKIP_INPUT.reason.block]: { [CHECKLIST_SKIP_INPUT.reason.action]: '   ' } } });
    expect(empty.body).toMatchObject({ response_action: 'errors', errors: { [CHECKLIST_SKIP_INPUT.reason.block]: expect.any(String) } });
    expect((await item('pause-rollout')).state).toBe('open');
    const ack = await t.ws.submitView({ userId: ALICE, viewId: modal.id, values: { [CHECKLIST_SKIP_INPUT.reason.block]: { [CHECKLIST_SKIP_INPUT.reason.action]: 'No rollout is <!channel> active' } } });
    expect(ack.status).toBe(200);
    expect(await item('pause-rollout')).toMatchObject({ state: 'skipped', closedBy: ALICE, reason: 'No rollout is <!channel> active' });
    expect(await events('checklist_item_skipped')).toEqual([{ actor: ALICE, data: expect.objectContaining({ itemId: 'pause-rollout', reason: 'No rollout is <!channel> active' }) }]);
    await t.deliver();
    // The reason as typed, in italics: literal rich text, so `<!channel>` in it is no broadcast.
    expect(visibleText(checklist())).toContain('skipped by <@U_ALICE>: No rollout is <!channel> active');
    expect(JSON.stringify(checklist().blocks)).toContain('{"type":"text","text":"No rollout is <!channel> active","style":{"italic":true}}');
  });

  it('Assign gives the item to the person picked, on the timeline and in the message', async () => {
    await click(ALICE, ACTION_ID.checklistAssign, 'check-logs', { value: CAROL });
    await eventually(async () => expect(await item('check-logs')).toMatchObject({ state: 'assigned', assigneeId: CAROL }));
    expect(await events('checklist_item_assigned')).toEqual([{ actor: ALICE, data: expect.objectContaining({ itemId: 'check-logs', userId: CAROL, previous: null }) }]);
    await t.deliver();
    expect(visibleText(checklist())).toContain('assigned to <@U_CAROL>');
  });

  it('applies a replayed Done click once', async () => {
    const proxy = await recordingProxy(`${t.app.url}/slack/events`);
    t.ws.setBotRequestUrl(proxy.url);
    try {
      await click(BOB, ACTION_ID.checklistDone, 'check-logs');
      await eventually(async () => expect((await item('check-logs')).state).toBe('done'));
      const original = proxy.recorded.at(-1)!;
      const headers: Record<string, string> = {};
      for (const key of ['content-type', 'x-slack-request-timestamp', 'x-slack-signature']) headers[key] = String(original.headers[key] ?? '');
      for (let i = 0; i < 3; i += 1) {
        expect((await fetch(`${t.app.url}/slack/events`, { method: 'POST', headers, body: original.body })).status).toBe(200);
      }
    } finally {
      t.ws.setBotRequestUrl(`${t.app.url}/slack/events`);
      await proxy.close();
    }
    expect((await events('checklist_item_done')).filter((e) => JSON.stringify(e.data).includes('"itemId":"check-logs"'))).toHaveLength(1);
    // The replays told nobody "already done": they were the same click.
    expect(lastEphemeral(BOB)).not.toContain('already done');
  });

  it('gives one "done" for two Done clicks at the same moment, and tells the second who was first', async () => {
    await t.deliver();
    await click(BOB, ACTION_ID.checklistDone, 'confirm-scope');
    await eventually(async () => expect((await item('confirm-scope')).state).toBe('done'));
    await t.deliver();
    await click(BOB, ACTION_ID.checklistUndo, 'confirm-scope');
    await eventually(async () => expect((await item('confirm-scope')).state).toBe('open'));
    await t.deliver();
    const before = (await events('checklist_item_done')).length;
    await Promise.all([click(ALICE, ACTION_ID.checklistDone, 'confirm-scope'), click(CAROL, ACTION_ID.checklistDone, 'confirm-scope')]);
    await eventually(async () => expect((await item('confirm-scope')).state).toBe('done'));
    await eventually(() => expect(`${lastEphemeral(ALICE)} ${lastEphemeral(CAROL)}`).toMatch(/That step is already done \(by <@U_(ALICE|CAROL)>\)/));
    const done = (await events('checklist_item_done')).slice(before);
    expect(done).toHaveLength(1);
    const rows = rowsOf<{ n: number }>(await t.app.database.db.execute(sql`select count(*)::int as n from timeline_events where kind = 'checklist_item_done' and data->>'itemId' = 'confirm-scope'`));
    expect(rows[0]!.n).toBe(3); // two earlier Done clicks, each undone, and this one
  });

  it('refuses an outsider with the policy\'s words, changing nothing', async () => {
    await t.deliver();
    const before = await t.app.checklists.list(1);
    await t.ws.clickAction({ userId: DAVE, channelId: channelId(t.ws, CHANNEL), messageTs: checklist().ts, actionId: ACTION_ID.checklistUndo, blockId: 'checklist:1:confirm-scope' });
    await eventually(() => expect(lastEphemeral(DAVE)).toContain("Only members of INC-1's channel and its leads can work the checklists of INC-1."));
    expect(await t.app.checklists.list(1)).toEqual(before);
  });
});
