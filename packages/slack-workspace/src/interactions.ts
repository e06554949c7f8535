import type { WorkspaceClock as Clock } from './clock.js';
import { formBody, sendSigned, sendSignedAnswer } from './bot-sender.js';
import type { EventRetries } from './event-retries.js';
import { isObject } from './element-validation.js';
import { APP_ID, TEAM_DOMAIN, TEAM_ID, VERIFICATION_TOKEN } from './seed.js';
import { messageJson } from './serializers.js';
import type { SocketModeHub } from './socket-mode.js';
import type { SandboxStore } from './store.js';
import type { BotResponse, SeedUser, StoredMessage } from './types.js';
import { stateValue } from './view-submission.js';

export interface InteractionContext {
  store: SandboxStore;
  signingSecret: string;
  realClock: Clock;
  botUrl: () => string | undefined;
  publicUrl: () => string;
  /** Sent when a slash command names none. */
  slashCommand: string;
  /** The app's event subscriptions; undefined: all. */
  botEvents?: ReadonlySet<string>;
  /** When Socket Mode is on, everything below reaches the app as envelopes on its connections instead. */
  socketMode: SocketModeHub;
  /** Slack's retries of events delivered over HTTP. */
  eventRetries: EventRetries;
}

export interface SlashCommandInput {
  userId: string;
  channelId: string;
  text: string;
  command?: string;
}

export interface ClickActionInput {
  userId: string;
  channelId: string;
  messageTs: string;
  actionId: string;
  /**
   * The block the element is in. Slack's action ids are unique within a block only, so a message
   * may repeat one (a menu on every row); without it, the first element with the id is used.
   */
  blockId?: string;
  /** For buttons, overrides the element's value; for selects, the chosen option's value (or user id). */
  value?: string;
  /** The chosen option's value for static_select / overflow / radio_buttons. */
  selectedOption?: string;
}

export interface GlobalShortcutInput {
  userId: string;
  callbackId: string;
}

export interface EventOptions {
  retryNum?: number;
  retryReason?: string;
  /** Reuse an event_id, as Slack does when it retries. */
  eventId?: string;
}

export function userRef(user: SeedUser): Record<string, unknown> {
  return { id: user.id, username: user.name, name: user.name, team_id: TEAM_ID };
}

function sendForm(ctx: InteractionContext, fields: Record<string, string>): Promise<BotResponse> {
  return sendSigned(ctx.botUrl(), ctx.signingSecret, ctx.realClock, formBody(fields), { contentType: 'application/x-www-form-urlencoded' });
}

/** An interaction payload (block_actions, view_submission, shortcut…): a signed form post, or an `interactive` envelope. */
export function sendInteraction(ctx: InteractionContext, payload: Record<string, unknown>): Promise<BotResponse> {
  if (ctx.socketMode.enabled) return ctx.socketMode.deliver('interactive', payload);
  return sendForm(ctx, { payload: JSON.stringify(payload) });
}

/** Records an acknowledgement body the way Slack shows it: ephemeral, or in_channel when asked. */
function recordAck(ctx: InteractionContext, userId: string, channelId: string, body: unknown): void {
  const { store } = ctx;
  if (typeof body === 'string') {
    if (body.trim()) store.addEphemeral({ userId, channelId, text: body, source: 'ack' });
    return;
  }
  if (!isObject(body) || (body['text'] === undefined && body['blocks'] === undefined)) return;
  const text = typeof body['text'] === 'string' ? body['text'] : '';
  const blocks = Array.isArray(body['blocks']) ? body['blocks'] : undefined;
  if (body['response_type'] === 'in_channel') {
    store.addMessage({ channel: channelId, ts: store.nextTs(), user: userId, text, blocks, replyCount: 0, replyUsers: [], editCount: 0 });
  } else {
    store.addEphemeral({ userId, channelId, text, blocks, source: 'ack' });
  }
}

export async function slashCommand(ctx: InteractionContext, input: SlashCommandInput): Promise<BotResponse> {
  const { store } = ctx;
  const user = store.requireUser(input.userId);
  const channel = store.requireChannel(input.channelId);
  const fields = {
    token: VERIFICATION_TOKEN,
    team_id: TEAM_ID,
    team_domain: TEAM_DOMAIN,
    channel_id: channel.id,
    channel_name: channel.isIm ? 'directmessage' : channel.name,
    user_id: user.id,
    user_name: user.name,
    command: input.command ?? ctx.slashCommand,
    text: input.text,
    api_app_id: APP_ID,
    is_enterprise_install: 'false',
    response_url: store.issueResponseUrl(ctx.publicUrl(), { userId: user.id, channelId: channel.id }),
    trigger_id: store.issueTrigger(user.id),
  };
  const response = ctx.socketMode.enabled ? await ctx.socketMode.deliver('slash_commands', fields) : await sendForm(ctx, fields);
  if (response.status === 200) recordAck(ctx, user.id, channel.id, response.body);
  return response;
}

type Element = Record<string, unknown>;

export function findAction(blocks: unknown[], actionId: string, inBlock?: string): { element: Element; blockId: string } | undefined {
  for (const [index, block] of blocks.entries()) {
    if (!isObject(block)) continue;
    if (inBlock !== undefined && (block['block_id'] ?? `b${index}`) !== inBlock) continue;
    const candidates: unknown[] = [block['accessory'], block['element'], ...(Array.isArray(block['elements']) ? (block['elements'] as unknown[]) : [])];
    const element = candidates.find((e) => isObject(e) && e['action_id'] === actionId);
    if (element) return { element: element as Element, blockId: typeof block['block_id'] === 'string' ? block['block_id'] : `b${index}` };
  }
  return undefined;
}

export function actionPayload(element: Element, blockId: string, input: Pick<ClickActionInput, 'actionId' | 'value' | 'selectedOption'>, actionTs: string): Record<string, unknown> {
  const base = { action_id: input.actionId, block_id: blockId, type: element['type'], action_ts: actionTs };
  if (element['type'] === 'button') {
    return { ...base, text: element['text'], value: input.value ?? element['value'], style: element['style'] };
  }
  const chosen = input.selectedOption ?? input.value;
  if (chosen === undefined) throw new Error(`sandbox: ${input.actionId} is a ${String(element['type'])}; pass selectedOption or value`);
  return { ...base, ...stateValue(element, chosen, `action ${input.actionId}`), type: element['type'] };
}

/** A user clicks (or picks from) an element of a message: sends Slack's block_actions payload. */
export async function clickAction(ctx: InteractionContext, input: ClickActionInput): Promise<BotResponse> {
  const { store } = ctx;
  const user = store.requireUser(input.userId);
  const channel = store.requireChannel(input.channelId);
  const message: StoredMessage | undefined = store.findMessage(channel.id, input.messageTs);
  const ephemeral = message ? undefined : store.ephemerals.find((e) => e.ts === input.messageTs && e.userId === user.id && !e.deleted);
  if (!message && !ephemeral) throw new Error(`sandbox: no message ${input.messageTs} in ${channel.id} visible to ${user.id}`);
  const blocks = (message ?? ephemeral)?.blocks ?? [];
  const found = findAction(blocks, input.actionId, input.blockId);
  if (!found) throw new Error(`sandbox: message ${input.messageTs} has no element with action_id ${input.actionId}${input.blockId ? ` in block ${input.blockId}` : ''}`);
  const actionTs = store.nextTs();
  const payload = {
    type: 'block_actions',
    user: userRef(user),
    api_app_id: APP_ID,
    token: VERIFICATION_TOKEN,
    container: { type: 'message', message_ts: input.messageTs, channel_id: channel.id, is_ephemeral: !message },
    trigger_id: store.issueTrigger(user.id),
    team: { id: TEAM_ID, domain: TEAM_DOMAIN },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel.id, name: channel.isIm ? 'directmessage' : channel.name },
    message: message ? messageJson(message) : undefined,
    state: { values: {} },
    response_url: store.issueResponseUrl(ctx.publicUrl(), {
      userId: user.id, channelId: channel.id, messageTs: input.messageTs, isEphemeral: !message,
    }),
    actions: [actionPayload(found.element, found.blockId, input, actionTs)],
  };
  return sendInteraction(ctx, payload);
}

/** A user runs a global shortcut (from the shortcuts menu): sends Slack's `shortcut` payload. No channel, no response_url. */
export async function globalShortcut(ctx: InteractionContext, input: GlobalShortcutInput): Promise<BotResponse> {
  const { store } = ctx;
  const user = store.requireUser(input.userId);
  const payload = {
    type: 'shortcut',
    token: VERIFICATION_TOKEN,
    action_ts: store.nextTs(),
    team: { id: TEAM_ID, domain: TEAM_DOMAIN },
    user: { id: user.id, username: user.name, team_id: TEAM_ID },
    callback_id: input.callbackId,
    trigger_id: store.issueTrigger(user.id),
    is_enterprise_install: false,
    enterprise: null,
  };
  return sendInteraction(ctx, payload);
}

/** Events API delivery: by HTTP with Slack's retries (see EventRetries), or as an envelope in Socket Mode. */
export async function sendEvent(
  ctx: InteractionContext,
  event: Record<string, unknown>,
  options: EventOptions = {},
): Promise<BotResponse & { eventId: string }> {
  const eventId = options.eventId ?? ctx.store.newId('Ev0');
  const envelope = {
    token: VERIFICATION_TOKEN,
    team_id: TEAM_ID,
    api_app_id: APP_ID,
    event: { event_ts: ctx.store.nextTs(), ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: ctx.store.nowSeconds(),
    authorizations: [{ team_id: TEAM_ID, user_id: 'U_BOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
  if (ctx.socketMode.enabled) return { ...(await ctx.socketMode.deliver('events_api', envelope)), eventId };
  const body = JSON.stringify(envelope);
  const send = (headers: Record<string, string>) => sendSignedAnswer(ctx.botUrl(), ctx.signingSecret, ctx.realClock, body, { contentType: 'application/json', headers });
  // A test sending a retry itself (retryNum given) gets that one delivery; otherwise Slack's retries follow a failure.
  if (options.retryNum !== undefined) {
    const headers: Record<string, string> = { 'x-slack-retry-num': String(options.retryNum) };
    if (options.retryReason !== undefined) headers['x-slack-retry-reason'] = options.retryReason;
    return { ...(await send(headers)).response, eventId };
  }
  const response = await ctx.eventRetries.deliver(eventId, send);
  return { ...response, eventId };
}
