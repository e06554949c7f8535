import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SteppedClock } from './stepped-clock.js';
import { createWorkspace, type Workspace } from '../src/index.js';
import { DEMO } from './profile.js';
import type { SignedReceiver } from './signed-receiver.js';
import { SECRET, startSandboxHarness, TOKEN, type SandboxHarness } from './harness.js';

let workspace: Workspace;
let client: WebClient;
let bot: SignedReceiver;
let realClock: SteppedClock;

const modal = (blocks: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'modal' as const,
  callback_id: 'declare',
  title: { type: 'plain_text' as const, text: 'Declare incident' },
  submit: { type: 'plain_text' as const, text: 'Declare' },
  blocks,
  ...extra,
});
const declareBlocks = [
  { type: 'input', block_id: 'title', label: { type: 'plain_text', text: 'Title' }, element: { type: 'plain_text_input', action_id: 'value' } },
  {
    type: 'input', block_id: 'severity', label: { type: 'plain_text', text: 'Severity' },
    element: { type: 'static_select', action_id: 'value', options: ['1', '2', '3'].map((n) => ({ text: { type: 'plain_text', text: `SEV-${n}` }, value: `sev${n}` })) },
  },
  { type: 'input', block_id: 'commander', label: { type: 'plain_text', text: 'Commander' }, element: { type: 'users_select', action_id: 'value' } },
  {
    type: 'input', block_id: 'areas', optional: true, label: { type: 'plain_text', text: 'Areas' },
    element: { type: 'checkboxes', action_id: 'value', options: ['api', 'db'].map((v) => ({ text: { type: 'plain_text', text: v }, value: v })) },
  },
];

let harness: SandboxHarness;
beforeEach(async () => {
  harness = await startSandboxHarness();
  ({ workspace, client, bot, realClock } = harness);
});
afterEach(() => harness.stop());

describe('slash commands', () => {
  it('sends a signed, form-encoded command and shows the ack body as an ephemeral', async () => {
    bot.respond = () => ({ json: { text: 'Usage: /incident declare' } });
    const incidents = workspace.channel('incidents')!;
    const ack = await workspace.slashCommand({ userId: 'U_ALICE', channelId: incidents.id, text: 'help' });
    expect(ack.status).toBe(200);
    expect(bot.last().body).toMatchObject({
      command: '/incident', text: 'help', user_id: 'U_ALICE', user_name: 'alice', channel_id: incidents.id, channel_name: 'incidents', team_id: 'T_LOCAL',
    });
    expect(workspace.ephemerals('U_ALICE').map((e) => e.text)).toEqual(['Usage: /incident declare']);
    expect(workspace.ephemerals('U_BOB')).toEqual([]);
  });

  it('opens a modal with the trigger once, within 3 seconds only', async () => {
    const incidents = workspace.channel('incidents')!.id;
    await workspace.slashCommand({ userId: 'U_ALICE', channelId: incidents, text: 'declare' });
    const trigger = String(bot.last().body['trigger_id']);
    const opened = await client.views.open({ trigger_id: trigger, view: modal(declareBlocks) as never });
    expect(workspace.openViews('U_ALICE').map((v) => v.id)).toEqual([opened.view!.id]);
    await expect(client.views.open({ trigger_id: trigger, view: modal(declareBlocks) as never })).rejects.toMatchObject({
      data: { error: 'exchanged_trigger_id' },
    });

    await workspace.slashCommand({ userId: 'U_BOB', channelId: incidents, text: 'declare' });
    const late = String(bot.last().body['trigger_id']);
    realClock.advance({ seconds: 3, milliseconds: 1 });
    await expect(client.views.open({ trigger_id: late, view: modal(declareBlocks) as never })).rejects.toMatchObject({
      data: { error: 'expired_trigger_id' },
    });
    await expect(client.views.open({ trigger_id: 'made-up', view: modal(declareBlocks) as never })).rejects.toMatchObject({
      data: { error: 'invalid_trigger_id' },
    });
    expect(workspace.openViews('U_BOB')).toEqual([]);
  });

  it('validates views as Slack does', async () => {
    await workspace.slashCommand({ userId: 'U_ALICE', channelId: workspace.channel('general')!.id, text: 'declare' });
    const trigger = String(bot.last().body['trigger_id']);
    const longTitle = modal([], { title: { type: 'plain_text', text: 'x'.repeat(25) } });
    const error = await client.views.open({ trigger_id: trigger, view: longTitle as never }).catch((e: { data: unknown }) => e.data);
    expect(error).toMatchObject({ error: 'invalid_arguments', response_metadata: { messages: [expect.stringContaining('/view/title')] } });
    const bigMetadata = modal([], { private_metadata: 'x'.repeat(3001) });
    await expect(client.views.open({ trigger_id: trigger, view: bigMetadata as never })).rejects.toMatchObject({ data: { error: 'invalid_arguments' } });
    const tooMany = modal(Array.from({ length: 101 }, () => ({ type: 'divider' })));
    await expect(client.views.open({ trigger_id: trigger, view: tooMany as never })).rejects.toMatchObject({ data: { error: 'invalid_arguments' } });
  });
});

describe('view submissions', () => {
  async function openDeclare(): Promise<string> {
    await workspace.slashCommand({ userId: 'U_ALICE', channelId: workspace.channel('incidents')!.id, text: 'declare' });
    const opened = await client.views.open({ trigger_id: String(bot.last().body['trigger_id']), view: modal(declareBlocks) as never });
    return opened.view!.id!;
  }

  it("builds Slack's state.values, keeps the view open on errors, closes on an empty ack", async () => {
    const viewId = await openDeclare();
    bot.respond = () => ({ json: { response_action: 'errors', errors: { title: 'A title is required' } } });
    const values = { title: { value: 'Checkout down' }, severity: { value: 'sev1' }, commander: { value: 'U_BOB' }, areas: { value: ['api', 'db'] } };
    await workspace.submitView({ userId: 'U_ALICE', viewId, values });
    const payload = bot.last().body['payload'] as Record<string, unknown>;
    expect(payload['type']).toBe('view_submission');
    expect((payload['view'] as { state: { values: unknown } }).state.values).toEqual({
      title: { value: { type: 'plain_text_input', value: 'Checkout down' } },
      severity: { value: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'SEV-1' }, value: 'sev1' } } },
      commander: { value: { type: 'users_select', selected_user: 'U_BOB' } },
      areas: { value: { type: 'checkboxes', selected_options: [
        { text: { type: 'plain_text', text: 'api' }, value: 'api' }, { text: { type: 'plain_text', text: 'db' }, value: 'db' },
      ] } },
    });
    expect(workspace.openViews('U_ALICE')[0]!.errors).toEqual({ title: 'A title is required' });

    bot.respond = () => undefined;
    await workspace.submitView({ userId: 'U_ALICE', viewId, values });
    expect(workspace.openViews('U_ALICE')).toEqual([]);
  });

  it('honours update and push acks, and views.update hash conflicts', async () => {
    const viewId = await openDeclare();
    const before = workspace.view(viewId)!.hash;
    await expect(client.views.update({ view_id: viewId, hash: 'stale', view: modal(declareBlocks) as never })).rejects.toMatchObject({
      data: { error: 'hash_conflict' },
    });
    await client.views.update({ view_id: viewId, hash: before, view: modal(declareBlocks, { private_metadata: 'v2' }) as never });
    expect(workspace.view(viewId)!.privateMetadata).toBe('v2');

    const values = { title: { value: 'x' }, severity: { value: 'sev2' }, commander: { value: 'U_ALICE' } };
    bot.respond = () => ({ json: { response_action: 'push', view: modal([{ type: 'section', text: { type: 'mrkdwn', text: 'Sure?' } }], { title: { type: 'plain_text', text: 'Confirm' } }) } });
    await workspace.submitView({ userId: 'U_ALICE', viewId, values });
    expect(workspace.openViews('U_ALICE').map((v) => v.title)).toEqual(['Declare incident', 'Confirm']);
    bot.respond = () => ({ json: { response_action: 'clear' } });
    await workspace.submitView({ userId: 'U_ALICE', viewId: workspace.openViews('U_ALICE')[1]!.id, values: {} });
    expect(workspace.openViews('U_ALICE')).toEqual([]);
  });

  it('closes the top view when the user presses Close, telling the bot only if asked', async () => {
    const viewId = await openDeclare();
    const received = bot.requests.length;
    await expect(workspace.closeView('U_ALICE')).resolves.toBeNull();
    expect(workspace.openViews('U_ALICE')).toEqual([]);
    expect(bot.requests.length).toBe(received);

    await workspace.slashCommand({ userId: 'U_ALICE', channelId: workspace.channel('incidents')!.id, text: 'declare' });
    await client.views.open({ trigger_id: String(bot.last().body['trigger_id']), view: modal(declareBlocks, { notify_on_close: true }) as never });
    await workspace.closeView('U_ALICE');
    expect(bot.last().body['payload']).toMatchObject({ type: 'view_closed', user: { id: 'U_ALICE' }, view: { callback_id: 'declare' } });
    expect(workspace.view(viewId)?.id).toBe(viewId);
  });

  it('refuses to submit an empty required input, like the Slack client', async () => {
    const viewId = await openDeclare();
    await expect(workspace.submitView({ userId: 'U_ALICE', viewId, values: { title: { value: 'x' } } })).rejects.toThrow(/required input severity/);
  });
});

describe('block actions and response_url', () => {
  it('clicks a button, and respond() replaces the message or adds an ephemeral', async () => {
    const { channel } = await client.conversations.create({ name: 'inc-9' });
    const id = channel!.id!;
    const posted = await client.chat.postMessage({
      channel: id, text: 'Update due',
      blocks: [{ type: 'actions', block_id: 'reminder', elements: [{ type: 'button', action_id: 'snooze', value: 'inc-9', text: { type: 'plain_text', text: 'Snooze' } }] }],
    });
    await workspace.clickAction({ userId: 'U_CAROL', channelId: id, messageTs: posted.ts!, actionId: 'snooze' });
    const payload = bot.last().body['payload'] as Record<string, unknown>;
    expect(payload).toMatchObject({
      type: 'block_actions', user: { id: 'U_CAROL' }, channel: { id }, container: { message_ts: posted.ts, channel_id: id },
      actions: [{ action_id: 'snooze', block_id: 'reminder', value: 'inc-9', type: 'button' }],
    });
    expect(payload['trigger_id']).toEqual(expect.any(String));

    const eph = await fetch(String(payload['response_url']), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Snoozed 15 min' }) });
    expect(eph.status).toBe(200);
    expect(workspace.ephemerals('U_CAROL').map((e) => e.text)).toEqual(['Snoozed 15 min']);
    await fetch(String(payload['response_url']), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ replace_original: true, text: 'Snoozed by Carol' }) });
    expect(workspace.messages(id)[0]).toMatchObject({ text: 'Snoozed by Carol', edited: true, blocks: [] });

    await expect(workspace.clickAction({ userId: 'U_CAROL', channelId: id, messageTs: posted.ts!, actionId: 'snooze' })).rejects.toThrow(/no element/);
  });

  it('sends the chosen option of a select', async () => {
    const { channel } = await client.conversations.create({ name: 'inc-10' });
    const options = ['sev1', 'sev2'].map((v) => ({ text: { type: 'plain_text' as const, text: v }, value: v }));
    const posted = await client.chat.postMessage({
      channel: channel!.id!, text: 'x',
      blocks: [{ type: 'section', block_id: 's', text: { type: 'mrkdwn', text: 'Severity' }, accessory: { type: 'static_select', action_id: 'sev', options } }],
    });
    await workspace.clickAction({ userId: 'U_DAVE', channelId: channel!.id!, messageTs: posted.ts!, actionId: 'sev', selectedOption: 'sev2' });
    expect((bot.last().body['payload'] as { actions: unknown[] }).actions[0]).toMatchObject({ type: 'static_select', selected_option: { value: 'sev2' } });
  });

  it('sends the chosen option of an overflow menu, in the block clicked when rows repeat an action_id', async () => {
    const { channel } = await client.conversations.create({ name: 'inc-11' });
    const row = (n: number) => ({
      type: 'section' as const, block_id: `row_${n}`, text: { type: 'mrkdwn' as const, text: `Row ${n}` },
      accessory: { type: 'overflow' as const, action_id: 'menu', options: ['edit', 'remove'].map((v) => ({ text: { type: 'plain_text' as const, text: v }, value: `${v}:${n}` })) },
    });
    const posted = await client.chat.postMessage({ channel: channel!.id!, text: 'x', blocks: [row(1), row(2)] });
    await workspace.clickAction({ userId: 'U_DAVE', channelId: channel!.id!, messageTs: posted.ts!, actionId: 'menu', blockId: 'row_2', selectedOption: 'remove:2' });
    expect((bot.last().body['payload'] as { actions: unknown[] }).actions[0]).toMatchObject({ type: 'overflow', block_id: 'row_2', selected_option: { value: 'remove:2' } });
    // An option of another row's menu is not this one's.
    await expect(workspace.clickAction({ userId: 'U_DAVE', channelId: channel!.id!, messageTs: posted.ts!, actionId: 'menu', blockId: 'row_2', selectedOption: 'remove:1' })).rejects.toThrow();
  });
});

describe('events', () => {
  it('wraps events in an envelope and marks retries', async () => {
    const first = await workspace.sendEvent({ type: 'member_joined_channel', user: 'U_BOB', channel: 'C1' });
    expect(bot.last().body).toMatchObject({ type: 'event_callback', team_id: 'T_LOCAL', event_id: first.eventId, event: { type: 'member_joined_channel' } });
    expect(bot.last().headers['x-slack-retry-num']).toBeUndefined();
    await workspace.sendEvent({ type: 'member_joined_channel', user: 'U_BOB', channel: 'C1' }, { eventId: first.eventId, retryNum: 1, retryReason: 'http_timeout' });
    expect(bot.last().body['event_id']).toBe(first.eventId);
    expect(bot.last().headers).toMatchObject({ 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
  });

  it('is rejected by a receiver with another secret, and says so when the bot is down', async () => {
    const other = createWorkspace({ ...DEMO, signingSecret: 'wrong', botToken: TOKEN, botRequestUrl: bot.url, realClock });
    const refused = await other.sendEvent({ type: 'app_mention' });
    expect(refused.status).toBe(401);
    other.setBotRequestUrl('http://127.0.0.1:9/slack/events');
    await expect(other.sendEvent({ type: 'app_mention' })).rejects.toThrow(/unreachable/);
  });
});

describe("Slack's retries of events over HTTP", () => {
  const retrying = (events: { retryDelaysMs: number[]; timeoutMs?: number }) =>
    createWorkspace({ ...DEMO, signingSecret: SECRET, botToken: TOKEN, botRequestUrl: bot.url, realClock, events });
  const sentIds = () => bot.requests.filter((r) => r.body['type'] === 'event_callback');

  it('sends an event again after an error status, with the retry headers and the same event id, until it is taken', async () => {
    const ws = retrying({ retryDelaysMs: [0, 20, 40] });
    let refusals = 2;
    bot.respond = (r) => (r.body['type'] === 'event_callback' && refusals-- > 0 ? { status: 503 } : undefined);
    const first = await ws.sendEvent({ type: 'app_home_opened', user: 'U_BOB', tab: 'home' });
    expect(first.status).toBe(503); // the first answer; the retries follow in the background
    await expect.poll(() => sentIds().length).toBe(3);
    const sent = sentIds();
    expect(sent.map((r) => r.body['event_id'])).toEqual([first.eventId, first.eventId, first.eventId]);
    expect(sent.map((r) => [r.headers['x-slack-retry-num'], r.headers['x-slack-retry-reason']])).toEqual([[undefined, undefined], ['1', 'http_error'], ['2', 'http_error']]);
    expect(ws.eventDeliveries().map((d) => d.status)).toEqual([503, 503, 200]);
    await ws.close();
  });

  it('retries three times at most, and a bot it could not reach as connection_failed', async () => {
    const ws = retrying({ retryDelaysMs: [0, 10, 10], timeoutMs: 200 });
    bot.respond = () => ({ status: 500 });
    await ws.sendEvent({ type: 'app_home_opened', user: 'U_BOB', tab: 'home' });
    await expect.poll(() => ws.eventDeliveries().length).toBe(4);
    await new Promise((r) => setTimeout(r, 100));
    expect(ws.eventDeliveries().map((d) => d.retryNum)).toEqual([0, 1, 2, 3]);
    await ws.close();

    const unreachable = createWorkspace({ ...DEMO, signingSecret: SECRET, botToken: TOKEN, botRequestUrl: 'http://127.0.0.1:9/slack/events', realClock, events: { retryDelaysMs: [0] } });
    await expect(unreachable.sendEvent({ type: 'app_mention' })).rejects.toThrow(/unreachable/);
    await expect.poll(() => unreachable.eventDeliveries().map((d) => d.retryReason)).toEqual([null, 'connection_failed']);
    await unreachable.close();
  });
});
