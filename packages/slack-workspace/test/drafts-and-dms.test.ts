import type { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../src/index.js';
import type { SignedReceiver } from './signed-receiver.js';
import { startSandboxHarness, type SandboxHarness } from './harness.js';

let workspace: Workspace;
let client: WebClient;
let bot: SignedReceiver;
let harness: SandboxHarness;
beforeEach(async () => {
  harness = await startSandboxHarness();
  ({ workspace, client, bot } = harness);
});
afterEach(() => harness.stop());

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

async function uploaded(name: string, content: string, complete = true): Promise<string> {
  const reserved = await client.files.getUploadURLExternal({ filename: name, length: content.length });
  await fetch(reserved.upload_url!, { method: 'POST', body: content });
  if (complete) await client.files.completeUploadExternal({ files: [{ id: reserved.file_id! }] });
  return reserved.file_id!;
}

describe('chat.update on a message with files', () => {
  it('keeps the files without file_ids, shows the given ones with them, and refuses a file not completed', async () => {
    const channel = workspace.channel('general')!.id;
    await client.conversations.join({ channel });
    const posted = await client.chat.postMessage({ channel, text: 'draft', blocks: [section('Draft v1')] });
    const v1 = await uploaded('draft-v1.md', '# v1');
    // Completed without a channel: nobody sees it until a message carries it.
    expect(workspace.files().find((f) => f.id === v1)!.channels).toEqual([]);

    await client.chat.update({ channel, ts: posted.ts!, text: 'draft', blocks: [section('Draft v1')], file_ids: [v1] });
    expect(workspace.messages(channel)[0]!.files).toEqual([v1]);
    expect(workspace.files().find((f) => f.id === v1)!.channels).toEqual([channel]);

    await client.chat.update({ channel, ts: posted.ts!, text: 'draft', blocks: [section('Draft v1, reviewed')] });
    expect(workspace.messages(channel)[0]!.files).toEqual([v1]);

    const v2 = await uploaded('draft-v2.md', '# v2');
    await client.chat.update({ channel, ts: posted.ts!, text: 'draft', blocks: [section('Draft v2')], file_ids: [v2] });
    const [message, ...others] = workspace.messages(channel);
    expect(others).toEqual([]);
    expect(message!.files).toEqual([v2]);
    expect(message!.editCount).toBe(3);

    const pending = await uploaded('draft-v3.md', '# v3', false);
    await expect(client.chat.update({ channel, ts: posted.ts!, text: 'x', file_ids: [pending] })).rejects.toMatchObject({ data: { error: 'file_not_found' } });
    await expect(client.chat.update({ channel, ts: posted.ts!, text: 'x', file_ids: ['F_NOPE'] })).rejects.toMatchObject({ data: { error: 'file_not_found' } });
    expect(workspace.messages(channel)[0]!.files).toEqual([v2]);
  });
});

describe('conversations.open', () => {
  it("opens the bot's direct messages with a person once, and refuses what Slack refuses", async () => {
    const first = await client.conversations.open({ users: 'U_BOB' });
    expect(first.channel?.id).toMatch(/^D/);
    const again = await client.conversations.open({ users: 'U_BOB' });
    expect(again).toMatchObject({ ok: true, already_open: true, channel: { id: first.channel!.id } });
    await client.chat.postMessage({ channel: first.channel!.id!, text: 'Your action item is due' });
    expect(workspace.messages(first.channel!.id!).map((m) => m.text)).toEqual(['Your action item is due']);
    await expect(client.apiCall('conversations.open', {})).rejects.toMatchObject({ data: { error: 'users_list_not_supplied' } });
    await expect(client.conversations.open({ users: 'U_NOBODY' })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
    await expect(client.conversations.open({ users: 'U_BOT' })).rejects.toMatchObject({ data: { error: 'cannot_dm_bot' } });
  });
});

describe('a click in a modal', () => {
  const form = (extra: unknown[] = []) => ({
    type: 'modal' as const,
    callback_id: 'resolve',
    title: { type: 'plain_text' as const, text: 'Resolve' },
    submit: { type: 'plain_text' as const, text: 'Resolve' },
    blocks: [
      { type: 'input', block_id: 'summary', label: { type: 'plain_text', text: 'Summary' }, element: { type: 'plain_text_input', action_id: 'value' } },
      { type: 'actions', block_id: 'more', elements: [{ type: 'button', action_id: 'add_row', text: { type: 'plain_text', text: 'Add' }, value: '1' }] },
      ...extra,
    ],
  });

  it("sends block_actions with the view, its hash and what was entered, and keeps entries across views.update", async () => {
    bot.respond = () => undefined;
    const opened = await client.views.open({ trigger_id: await triggerFor('U_ALICE'), view: form() as never });
    const viewId = opened.view!.id!;
    await workspace.clickViewAction({ userId: 'U_ALICE', viewId, actionId: 'add_row', values: { summary: { value: 'Rolled back' } } });
    const payload = bot.last().body['payload'] as Record<string, unknown> & { view: { id: string; hash: string; state: { values: unknown } } };
    expect(payload['type']).toBe('block_actions');
    expect(payload['container']).toEqual({ type: 'view', view_id: viewId });
    expect(payload['response_url']).toBeUndefined();
    expect(payload.view.hash).toBe(workspace.view(viewId)!.hash);
    expect(payload.view.state.values).toEqual({ summary: { value: { type: 'plain_text_input', value: 'Rolled back' } } });

    const row = { type: 'input', block_id: 'row_1', label: { type: 'plain_text', text: 'Row 1' }, element: { type: 'plain_text_input', action_id: 'value' } };
    const updated = await client.apiCall('views.update', { view_id: viewId, hash: payload.view.hash, view: form([row]) });
    expect((updated as { view?: { state?: { values?: unknown } } }).view?.state?.values).toEqual({ summary: { value: { type: 'plain_text_input', value: 'Rolled back' } } });
    await expect(client.views.update({ view_id: viewId, hash: payload.view.hash, view: form() as never })).rejects.toMatchObject({ data: { error: 'hash_conflict' } });
  });

  async function triggerFor(userId: string): Promise<string> {
    await workspace.slashCommand({ userId, channelId: workspace.channel('general')!.id, text: 'x' });
    return String(bot.last().body['trigger_id']);
  }
});
