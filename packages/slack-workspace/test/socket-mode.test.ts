import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createWorkspace, type Workspace } from '../src/index.js';
import { DEMO } from './profile.js';

const BOT_TOKEN = 'xoxb-socket';
const APP_TOKEN = 'xapp-1-A_LOCAL-socket';
let workspace: Workspace;
let base: string;
const apps: AppConnection[] = [];

/** A bare Socket Mode client: what an app sees on its connection, and what it sends back. */
class AppConnection {
  readonly received: Record<string, unknown>[] = [];
  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => this.received.push(JSON.parse(data.toString('utf8')) as Record<string, unknown>));
  }

  static async open(token = APP_TOKEN): Promise<AppConnection> {
    const { url } = await api(token).apps.connections.open();
    const socket = new WebSocket(url!);
    const app = new AppConnection(socket);
    apps.push(app);
    await expect.poll(() => app.received[0]?.['type']).toBe('hello');
    return app;
  }

  envelopes(type?: string): Record<string, unknown>[] {
    return this.received.filter((m) => m['envelope_id'] !== undefined && (type === undefined || m['type'] === type));
  }

  async nextEnvelope(type?: string, after = 0): Promise<Record<string, unknown>> {
    await expect.poll(() => this.envelopes(type).length).toBeGreaterThan(after);
    return this.envelopes(type)[after]!;
  }

  ack(envelope: Record<string, unknown>, payload?: unknown): void {
    this.socket.send(JSON.stringify(payload === undefined ? { envelope_id: envelope['envelope_id'] } : { envelope_id: envelope['envelope_id'], payload }));
  }
}

const api = (token: string) => new WebClient(token, { slackApiUrl: `${base}/workspace/api/`, retryConfig: { retries: 0 } });
const apiError = (call: Promise<unknown>) => call.then(() => 'ok', (err: { data?: { error?: string } }) => err.data?.error);

beforeEach(async () => {
  workspace = createWorkspace({
    ...DEMO, signingSecret: 'unused', botToken: BOT_TOKEN, appToken: APP_TOKEN, socketMode: { ackTimeoutMs: 1000, retryDelaysMs: [0, 50] },
  });
  base = await workspace.listen();
});
afterEach(async () => {
  for (const app of apps.splice(0)) app.socket.terminate();
  await workspace.close();
});

describe('apps.connections.open', () => {
  it('takes only the app-level token, refusing others as Slack does', async () => {
    expect(await apiError(api(BOT_TOKEN).apps.connections.open())).toBe('not_allowed_token_type');
    expect(await apiError(api('xapp-1-A_LOCAL-guessed').apps.connections.open())).toBe('invalid_auth');
    expect(await apiError(new WebClient(undefined, { slackApiUrl: `${base}/workspace/api/`, retryConfig: { retries: 0 } }).apps.connections.open())).toBe('not_authed');
    // …and the app-level token is not a bot token
    expect(await apiError(api(APP_TOKEN).chat.postMessage({ channel: 'general', text: 'hi' }))).toBe('not_allowed_token_type');

    const { url } = await api(APP_TOKEN).apps.connections.open();
    const link = new URL(url!);
    expect(link.protocol).toBe('ws:');
    expect(link.host).toBe(new URL(base).host);
    expect(link.searchParams.get('app_id')).toBe('A_LOCAL');
  });

  it('hands out one-use URLs', async () => {
    const { url } = await api(APP_TOKEN).apps.connections.open();
    const first = new WebSocket(url!);
    await new Promise((resolve) => first.once('open', resolve));
    const second = new WebSocket(url!);
    const refused = await new Promise<number>((resolve) => second.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(refused).toBe(401);
    first.terminate();
  });
});

describe('a Socket Mode connection', () => {
  it('opens with hello, naming the connection count and the app', async () => {
    const first = await AppConnection.open();
    expect(first.received[0]).toMatchObject({
      type: 'hello', num_connections: 1, connection_info: { app_id: 'A_LOCAL' },
      debug_info: { host: expect.any(String), approximate_connection_time: expect.any(Number) },
    });
    const second = await AppConnection.open();
    expect(second.received[0]).toMatchObject({ type: 'hello', num_connections: 2 });
  });

  it('carries a slash command as an envelope; the ack payload is the reply the person sees', async () => {
    const app = await AppConnection.open();
    const incidents = workspace.channel('incidents')!.id;
    const answer = workspace.slashCommand({ userId: 'U_ALICE', channelId: incidents, text: 'help' });
    const envelope = await app.nextEnvelope('slash_commands');
    expect(envelope).toMatchObject({ type: 'slash_commands', accepts_response_payload: true, payload: { command: '/incident', text: 'help', user_id: 'U_ALICE' } });
    app.ack(envelope, { text: 'Try /incident declare' });
    expect(await answer).toEqual({ status: 200, body: { text: 'Try /incident declare' } });
    expect(workspace.ephemerals('U_ALICE').map((e) => e.text)).toEqual(['Try /incident declare']);
  });

  it('takes an ack without a payload as an empty answer', async () => {
    const app = await AppConnection.open();
    const answer = workspace.slashCommand({ userId: 'U_ALICE', channelId: workspace.channel('incidents')!.id, text: 'declare' });
    app.ack(await app.nextEnvelope('slash_commands'));
    expect(await answer).toEqual({ status: 200, body: '' });
    expect(workspace.ephemerals('U_ALICE')).toEqual([]);
  });

  it('uses a view submission’s ack payload as Slack uses the response body: field errors stay in the modal', async () => {
    const app = await AppConnection.open();
    const command = workspace.slashCommand({ userId: 'U_ALICE', channelId: workspace.channel('incidents')!.id, text: 'declare' });
    const commandEnvelope = await app.nextEnvelope('slash_commands');
    app.ack(commandEnvelope);
    await command;
    const triggerId = (commandEnvelope['payload'] as { trigger_id: string }).trigger_id;
    await api(BOT_TOKEN).views.open({
      trigger_id: triggerId,
      view: {
        type: 'modal', callback_id: 'declare', title: { type: 'plain_text', text: 'Declare' }, submit: { type: 'plain_text', text: 'Go' },
        blocks: [{ type: 'input', block_id: 'title', label: { type: 'plain_text', text: 'Title' }, element: { type: 'plain_text_input', action_id: 'v' } }],
      },
    });
    const viewId = workspace.openViews('U_ALICE')[0]!.id;
    const submitted = workspace.submitView({ userId: 'U_ALICE', viewId, values: { title: { v: 'db' } } });
    const envelope = await app.nextEnvelope('interactive');
    expect(envelope).toMatchObject({ accepts_response_payload: true, payload: { type: 'view_submission', view: { id: viewId } } });
    app.ack(envelope, { response_action: 'errors', errors: { title: 'Too short' } });
    await submitted;
    expect(workspace.openViews('U_ALICE')[0]!.errors).toEqual({ title: 'Too short' });

    const again = workspace.submitView({ userId: 'U_ALICE', viewId, values: { title: { v: 'Checkout down' } } });
    app.ack(await app.nextEnvelope('interactive', 1));
    expect((await again).status).toBe(200);
    expect(workspace.openViews('U_ALICE')).toEqual([]);
  });

  it('sends an unacknowledged event again with a rising retry_attempt, and an interaction not at all', async () => {
    const app = await AppConnection.open();
    const mention = workspace.postAsUser({ userId: 'U_ALICE', channelId: workspace.channel('general')!.id, text: 'hi <@U_BOT>' });
    const first = await app.nextEnvelope('events_api');
    expect(first).toMatchObject({ accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload: { type: 'event_callback', event: { type: 'app_mention' } } });
    const retry = await app.nextEnvelope('events_api', 1);
    expect(retry).toMatchObject({ retry_attempt: 1, retry_reason: 'timeout' });
    expect(retry['envelope_id']).not.toBe(first['envelope_id']);
    expect((retry['payload'] as { event_id: string }).event_id).toBe((first['payload'] as { event_id: string }).event_id);
    app.ack(retry);
    await mention;
    expect(workspace.socketMode.deliveries().map((d) => [d.retryAttempt, d.acknowledged])).toEqual([[0, false], [1, true]]);

    const shortcut = await workspace.globalShortcut({ userId: 'U_ALICE', callbackId: 'declare' });
    expect(shortcut.status).toBe(408);
    expect(app.envelopes('interactive')).toHaveLength(1);
  });

  it('counts an ack lost on its way as no ack', async () => {
    const app = await AppConnection.open();
    workspace.socketMode.loseAcks(1);
    const opened = workspace.openAppHome('U_ALICE');
    app.ack(await app.nextEnvelope('events_api'));
    app.ack(await app.nextEnvelope('events_api', 1));
    expect((await opened).status).toBe(200);
    expect(workspace.socketMode.deliveries().map((d) => d.acknowledged)).toEqual([false, true]);
  });

  it.each(['refresh_requested', 'warning', 'link_disabled'] as const)('sends disconnect (%s), then only the next connection gets envelopes', async (reason) => {
    const old = await AppConnection.open();
    workspace.socketMode.disconnect(reason);
    await expect.poll(() => old.received.at(-1)).toMatchObject({ type: 'disconnect', reason, debug_info: { host: expect.any(String) } });
    expect(workspace.socketMode.connectionCount()).toBe(0);

    const answer = workspace.slashCommand({ userId: 'U_ALICE', channelId: workspace.channel('incidents')!.id, text: 'help' });
    const fresh = await AppConnection.open();
    fresh.ack(await fresh.nextEnvelope('slash_commands'), { text: 'ok' });
    expect((await answer).status).toBe(200);
    expect(old.envelopes()).toEqual([]);
  });
});
