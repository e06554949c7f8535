import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandboxHarness, type SandboxHarness } from './harness.js';

let h: SandboxHarness;
let channel: string;
beforeEach(async () => {
  h = await startSandboxHarness();
  h.bot.respond = () => ({ status: 200 });
  channel = (await h.client.conversations.create({ name: 'ops-room' })).channel!.id!;
  await h.client.conversations.invite({ channel, users: 'U_ALICE,U_BOB' });
});
afterEach(() => h.stop());

const events = () => h.bot.requests.map((r) => r.body).filter((b) => b['type'] === 'event_callback').map((b) => b['event'] as Record<string, unknown>);

describe('reactions, edits, deletions and message shortcuts, as Slack sends them', () => {
  it('sends reaction_added / reaction_removed in the Events API envelope, and reactions.get shows them', async () => {
    const message = await h.workspace.postAsUser({ userId: 'U_BOB', channelId: channel, text: 'replica promoted' });
    await h.workspace.react({ userId: 'U_ALICE', channelId: channel, ts: message.ts, name: ':pushpin:' });
    const envelope = h.bot.requests.map((r) => r.body).find((b) => (b['event'] as { type?: string })?.type === 'reaction_added')!;
    expect(envelope).toMatchObject({ type: 'event_callback', event_id: expect.stringMatching(/^Ev/), team_id: 'T_LOCAL', api_app_id: expect.any(String) });
    expect(envelope['event']).toEqual({
      type: 'reaction_added', user: 'U_ALICE', reaction: 'pushpin', item_user: 'U_BOB',
      item: { type: 'message', channel, ts: message.ts }, event_ts: expect.stringMatching(/^\d+\.\d{6}$/),
    });
    await expect(h.workspace.react({ userId: 'U_ALICE', channelId: channel, ts: message.ts, name: 'pushpin' })).rejects.toThrow('already_reacted');

    const got = await h.client.reactions.get({ channel, timestamp: message.ts, full: true });
    expect(got.message).toMatchObject({ text: 'replica promoted', user: 'U_BOB', reactions: [{ name: 'pushpin', users: ['U_ALICE'], count: 1 }] });
    expect(got.message!.permalink).toContain(`/archives/${channel}/p${message.ts.replace('.', '')}`);

    await h.workspace.unreact({ userId: 'U_ALICE', channelId: channel, ts: message.ts, name: 'pushpin' });
    expect(events().at(-1)).toMatchObject({ type: 'reaction_removed', user: 'U_ALICE', reaction: 'pushpin', item: { channel, ts: message.ts } });
    expect(h.workspace.messages(channel).at(-1)!.reactions).toEqual([]);
    await expect(h.client.reactions.remove({ channel, timestamp: message.ts, name: 'pushpin' })).rejects.toThrow('no_reaction');
  });

  it('sends message_changed and message_deleted for a person\'s own message only', async () => {
    const message = await h.workspace.postAsUser({ userId: 'U_BOB', channelId: channel, text: 'first' });
    expect(events().at(-1)).toMatchObject({ type: 'message', channel, user: 'U_BOB', text: 'first', ts: message.ts, channel_type: 'channel' });
    await expect(h.workspace.editMessage({ userId: 'U_ALICE', channelId: channel, ts: message.ts, text: 'x' })).rejects.toThrow('cant_update_message');
    await h.workspace.editMessage({ userId: 'U_BOB', channelId: channel, ts: message.ts, text: 'second' });
    expect(events().at(-1)).toMatchObject({
      type: 'message', subtype: 'message_changed', hidden: true, channel,
      message: { text: 'second', user: 'U_BOB', ts: message.ts, edited: { user: 'U_BOB' } }, previous_message: { text: 'first' },
    });
    await h.workspace.deleteMessage({ userId: 'U_BOB', channelId: channel, ts: message.ts });
    expect(events().at(-1)).toMatchObject({ type: 'message', subtype: 'message_deleted', hidden: true, channel, deleted_ts: message.ts, previous_message: { text: 'second' } });
    expect(h.workspace.messages(channel)).toEqual([]);
  });

  it('sends nothing about channels the bot is not in', async () => {
    const general = h.workspace.channel('general')!.id;
    const before = h.bot.requests.length;
    const message = await h.workspace.postAsUser({ userId: 'U_BOB', channelId: general, text: 'lunch?' });
    await h.workspace.react({ userId: 'U_ALICE', channelId: general, ts: message.ts, name: 'eyes' });
    expect(h.bot.requests.length).toBe(before);
  });

  it("sends a message shortcut as Slack's message_action payload", async () => {
    const message = await h.workspace.postAsUser({ userId: 'U_BOB', channelId: channel, text: 'error rate 38%' });
    const ack = await h.workspace.messageShortcut({ userId: 'U_ALICE', channelId: channel, messageTs: message.ts, callbackId: 'save_message' });
    expect(ack.status).toBe(200);
    expect(h.bot.last().body['payload']).toEqual({
      type: 'message_action', token: expect.any(String), action_ts: expect.any(String), team: { id: 'T_LOCAL', domain: expect.any(String) },
      user: { id: 'U_ALICE', username: 'alice', name: 'alice', team_id: 'T_LOCAL' }, channel: { id: channel, name: 'ops-room' },
      is_enterprise_install: false, enterprise: null, api_app_id: expect.any(String), callback_id: 'save_message',
      trigger_id: expect.any(String), response_url: expect.stringContaining('/workspace/response/'), message_ts: message.ts,
      message: expect.objectContaining({ type: 'message', ts: message.ts, user: 'U_BOB', text: 'error rate 38%' }),
    });
  });
});
