import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, BOB, CAROL, channelId, command, declare, textOf, visibleText } from '../helpers/flows.js';
import { ACTION_ID } from '../../src/slack/ids.js';

const CHANNEL = 'inc-1-checkout-failing';

let t: TestApp;
beforeAll(async () => {
  // The test clock starts 2026-11-25 03:00 UTC: 12:00 in Seoul.
  t = await startTestApp({ env: { EXPORT_TIME_ZONE: 'Asia/Seoul' } });
  await declare(t.ws, ALICE, 'sev2 Checkout failing', { severity: 'sev2' });
  await t.deliver();
  await t.app.postmortems.addActionItems(1, ALICE, [
    { title: 'Alert on replica lag', ownerId: BOB, horizon: 'short_term', dueDate: '2026-11-27', done: false },
    { title: 'Runbook for failover', ownerId: CAROL, horizon: 'long_term', dueDate: '2026-12-15', done: false },
    { title: 'Nobody owns this', ownerId: null, horizon: 'short_term', dueDate: '2026-11-26', done: false },
  ]);
});
afterAll(async () => t?.stop());

/** A click is acknowledged first; its outcome follows, as in Slack. */
const eventually = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 3000, interval: 10 });
const dmWith = (userId: string) => t.ws.channels().find((c) => c.isIm && c.members.includes(userId));
const ephemeralBlocks = (userId: string) => {
  const all = t.ws.ephemerals(userId);
  return all[all.length - 1]!;
};

describe('/incident followups', () => {
  it('lists the action items with owner, due date and a Done button for open ones', async () => {
    await command(t.ws, CAROL, CHANNEL, 'followups');
    const list = visibleText(ephemeralBlocks(CAROL));
    expect(list).toContain(':white_large_square: Alert on replica lag\n<@U_BOB> · due 2026-11-27');
    expect(list).toContain('no owner · due 2026-11-26');
    expect(JSON.stringify(ephemeralBlocks(CAROL).blocks).split(ACTION_ID.followupDone).length - 1).toBe(3);
  });

  it('answers a forged or stale Done with what happened, changing nothing', async () => {
    const listTs = ephemeralBlocks(CAROL).ts;
    for (const value of ['not-an-id', '2147483648', '999999']) {
      const before = t.ws.ephemerals(CAROL).length;
      const ack = await t.ws.clickAction({ userId: CAROL, channelId: channelId(t.ws, CHANNEL), messageTs: listTs, actionId: ACTION_ID.followupDone, value });
      expect(ack.status).toBe(200);
      await eventually(() => expect(t.ws.ephemerals(CAROL).length).toBe(before + 1));
      expect(visibleText(ephemeralBlocks(CAROL))).toContain('That action item no longer exists.');
    }
    expect((await t.app.followups.list(1)).every((i) => !i.done)).toBe(true);
    await command(t.ws, CAROL, CHANNEL, 'followups');
  });

  it('lets only the owner or the commander mark one done', async () => {
    const listTs = ephemeralBlocks(CAROL).ts;
    const alertItem = (await t.app.followups.list(1)).find((i) => i.title === 'Alert on replica lag')!;
    await t.ws.clickAction({ userId: CAROL, channelId: channelId(t.ws, CHANNEL), messageTs: listTs, actionId: ACTION_ID.followupDone, value: String(alertItem.id) });
    await eventually(() => expect(visibleText(ephemeralBlocks(CAROL))).toContain('Only its owner (<@U_BOB>) or the commander (<@U_ALICE>) can mark this action item done.'));
    expect((await t.app.followups.find(alertItem.id))!.done).toBe(false);

    await command(t.ws, ALICE, CHANNEL, 'followups');
    const aliceList = ephemeralBlocks(ALICE);
    const noOwner = (await t.app.followups.list(1)).find((i) => i.ownerId === null)!;
    await t.ws.clickAction({ userId: ALICE, channelId: channelId(t.ws, CHANNEL), messageTs: aliceList.ts, actionId: ACTION_ID.followupDone, value: String(noOwner.id) });
    // The list she clicked in now shows it done, with one Done button fewer.
    const replaced = await eventually(() => {
      const list = t.ws.ephemerals(ALICE).find((e) => e.ts === aliceList.ts)!;
      expect(JSON.stringify(list.blocks)).toContain('{"type":"text","text":"Nobody owns this","style":{"strike":true}}');
      return list;
    });
    expect((await t.app.followups.find(noOwner.id))!.done).toBe(true);
    expect(JSON.stringify(replaced.blocks).split(ACTION_ID.followupDone).length - 1).toBe(2);
    const timeline = await t.app.repos.timeline.listForIncident(t.app.database.db, 1);
    expect(timeline.filter((e) => e.kind === 'action_item_done').map((e) => [e.actorId, e.data])).toEqual([
      [ALICE, { actionItemId: noOwner.id, title: 'Nobody owns this' }],
    ]);
  });

  it('sends the owner a direct message when an item falls due, once, and the owner marks it done from there', async () => {
    expect(await t.app.followups.tick()).toBe(0); // nothing is due yet
    t.clock.advance({ hours: 48 }); // 2026-11-27 12:00 in Seoul: the replica-lag alert is due
    expect(await t.app.followups.tick()).toBe(1);
    expect(await t.app.followups.tick()).toBe(0);
    await t.deliver();
    const dm = dmWith(BOB)!;
    const [message, ...more] = t.ws.messages(dm.id);
    expect(more).toHaveLength(0);
    expect(textOf(message!)).toContain('An action item you own from');
    expect(textOf(message!)).toContain('Alert on replica lag');
    expect(t.ws.callLog().filter((c) => c.method === 'conversations.open').map((c) => c.params['users'])).toEqual([BOB]);
    expect(dmWith(CAROL)).toBeUndefined();

    const item = (await t.app.followups.list(1)).find((i) => i.title === 'Alert on replica lag')!;
    await t.ws.clickAction({ userId: BOB, channelId: dm.id, messageTs: message!.ts, actionId: ACTION_ID.followupDone, value: String(item.id) });
    const edited = await eventually(() => {
      const now = t.ws.messages(dm.id)[0]!;
      expect(now.edited).toBe(true);
      return now;
    });
    expect((await t.app.followups.find(item.id))!.done).toBe(true);
    expect(textOf(edited)).toContain('Done: an action item');
    expect(JSON.stringify(edited.blocks)).not.toContain(ACTION_ID.followupDone);
  });
});
