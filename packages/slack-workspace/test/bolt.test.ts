import { App, LogLevel } from '@slack/bolt';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../src/index.js';
import { DEMO } from './profile.js';

const TOKEN = 'xoxb-bolt';
const SECRET = 'bolt-secret';
let workspace: Workspace;
let app: App;
let port: number;

beforeEach(async () => {
  workspace = createWorkspace({ ...DEMO, signingSecret: SECRET, botToken: TOKEN });
  const base = await workspace.listen();
  app = new App({ token: TOKEN, signingSecret: SECRET, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: `${base}/workspace/api/` } });

  app.command('/incident', async ({ ack, command, client }) => {
    if (command.text === 'help') return ack({ text: 'Try /incident declare' });
    await ack();
    await client.views.open({
      trigger_id: command.trigger_id,
      view: {
        type: 'modal', callback_id: 'declare', title: { type: 'plain_text', text: 'Declare' }, submit: { type: 'plain_text', text: 'Go' },
        blocks: [{ type: 'input', block_id: 'title', label: { type: 'plain_text', text: 'Title' }, element: { type: 'plain_text_input', action_id: 'v' } }],
      },
    });
  });
  app.view('declare', async ({ ack, view, client, body }) => {
    const title = view.state.values['title']?.['v']?.value ?? '';
    if (title.length < 3) return ack({ response_action: 'errors', errors: { title: 'Too short' } });
    await ack();
    const { channel } = await client.conversations.create({ name: 'inc-1' });
    await client.conversations.invite({ channel: channel!.id!, users: body.user.id });
    await client.chat.postMessage({
      channel: channel!.id!, text: title,
      blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'ack', text: { type: 'plain_text', text: 'Ack' } }] }],
    });
  });
  app.action('ack', async ({ ack, respond }) => {
    await ack();
    await respond({ replace_original: true, text: 'Acknowledged' });
  });
  port = await freePort();
  await app.start(port);
  workspace.setBotRequestUrl(`http://127.0.0.1:${port}/slack/events`);
});
afterEach(async () => {
  await app.stop();
  await workspace.close();
});

it('drives an unchanged Bolt app from slash command to modal to channel to button', async () => {
  const incidents = workspace.channel('incidents')!.id;
  const help = await workspace.slashCommand({ userId: 'U_ALICE', channelId: incidents, text: 'help' });
  expect(help.status).toBe(200);
  expect(workspace.ephemerals('U_ALICE').map((e) => e.text)).toEqual(['Try /incident declare']);

  await workspace.slashCommand({ userId: 'U_ALICE', channelId: incidents, text: 'declare' });
  await expect.poll(() => workspace.openViews('U_ALICE').length).toBe(1);
  const viewId = workspace.openViews('U_ALICE')[0]!.id;

  await workspace.submitView({ userId: 'U_ALICE', viewId, values: { title: { v: 'db' } } });
  expect(workspace.openViews('U_ALICE')[0]!.errors).toEqual({ title: 'Too short' });

  await workspace.submitView({ userId: 'U_ALICE', viewId, values: { title: { v: 'Checkout down' } } });
  expect(workspace.openViews('U_ALICE')).toEqual([]);
  await expect.poll(() => workspace.channel('inc-1') && workspace.messages('inc-1').length).toBe(1);
  const channel = workspace.channel('inc-1')!;
  expect(channel.members).toEqual(['U_BOT', 'U_ALICE']);
  const [message] = workspace.messages(channel.id);

  await workspace.clickAction({ userId: 'U_ALICE', channelId: channel.id, messageTs: message!.ts, actionId: 'ack' });
  await expect.poll(() => workspace.messages(channel.id)[0]!.text).toBe('Acknowledged');
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port: free } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return free;
}
