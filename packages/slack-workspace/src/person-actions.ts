import { fileLookup } from './api-users-files.js';
import { sendEvent, sendInteraction, userRef, type InteractionContext } from './interactions.js';
import { addReaction, emojiName, removeReaction, requireVisible } from './reactions.js';
import { APP_ID, BOT_USER_ID, TEAM_DOMAIN, TEAM_ID, VERIFICATION_TOKEN } from './seed.js';
import { messageJson } from './serializers.js';
import { ApiError, type BotResponse, type StoredChannel, type StoredMessage } from './types.js';

export interface ReactionInput {
  userId: string;
  channelId: string;
  /** The message's ts. */
  ts: string;
  /** Emoji name, with or without colons: `pushpin`. */
  name: string;
}

export interface MessageShortcutInput {
  userId: string;
  channelId: string;
  messageTs: string;
  callbackId: string;
}

const channelType = (c: StoredChannel) => (c.isIm ? 'im' : c.isPrivate ? 'group' : 'channel');
/** The subscription (manifest `bot_events`) that brings a channel's message events to the app. */
const messageSubscription = (c: StoredChannel) => (c.isIm ? 'message.im' : c.isPrivate ? 'message.groups' : 'message.channels');

/**
 * Sends an event the app subscribed to, about a channel its bot is in, as Slack does. The
 * person's action stands whatever the app answers; a failed delivery is retried as Slack does (EventRetries).
 */
async function notifyApp(ctx: InteractionContext, subscription: string, channel: StoredChannel, event: Record<string, unknown>): Promise<void> {
  if (!channel.members.includes(BOT_USER_ID) || !ctx.botUrl()) return;
  if (ctx.botEvents && !ctx.botEvents.has(subscription)) return;
  await sendEvent(ctx, event).catch(() => undefined);
}

function personAndMessage(ctx: InteractionContext, input: { userId: string; channelId: string; ts: string }) {
  const user = ctx.store.requireUser(input.userId);
  const channel = ctx.store.requireChannel(input.channelId);
  requireVisible(channel, user.id);
  const message = ctx.store.requireMessage(channel.id, input.ts);
  return { user, channel, message };
}

const messageJsonFor = (ctx: InteractionContext, m: StoredMessage) => messageJson(m, { file: fileLookup(ctx) });

/** A person adds a reaction; the app hears `reaction_added`. */
export async function react(ctx: InteractionContext, input: ReactionInput): Promise<void> {
  const { user, channel, message } = personAndMessage(ctx, input);
  const name = emojiName(input.name);
  addReaction(ctx.store, message, name, user.id);
  await notifyApp(ctx, 'reaction_added', channel, reactionEvent('reaction_added', user.id, name, message));
}

/** A person takes their reaction away; the app hears `reaction_removed`. */
export async function unreact(ctx: InteractionContext, input: ReactionInput): Promise<void> {
  const { user, channel, message } = personAndMessage(ctx, input);
  const name = emojiName(input.name);
  removeReaction(ctx.store, message, name, user.id);
  await notifyApp(ctx, 'reaction_removed', channel, reactionEvent('reaction_removed', user.id, name, message));
}

function reactionEvent(type: string, userId: string, name: string, message: StoredMessage): Record<string, unknown> {
  return { type, user: userId, reaction: name, item_user: message.user, item: { type: 'message', channel: message.channel, ts: message.ts } };
}

/** What the app hears when a person posts: a `message` event (message.channels / .groups / .im). */
export function notifyNewMessage(ctx: InteractionContext, channel: StoredChannel, message: StoredMessage): Promise<void> {
  return notifyApp(ctx, messageSubscription(channel), channel, {
    ...messageJsonFor(ctx, message), channel: channel.id, channel_type: channelType(channel),
  });
}

/** A person edits their own message; the app hears `message` with subtype `message_changed`. */
export async function editMessage(ctx: InteractionContext, input: { userId: string; channelId: string; ts: string; text: string }): Promise<void> {
  const { user, channel, message } = personAndMessage(ctx, input);
  if (message.user !== user.id || message.botId) throw new ApiError('cant_update_message');
  if (!input.text.trim()) throw new ApiError('no_text');
  if (input.text.length > 40_000) throw new ApiError('msg_too_long');
  const previous = messageJsonFor(ctx, message);
  message.editCount += 1;
  message.text = input.text;
  const eventTs = ctx.store.nextTs();
  message.edited = { user: user.id, ts: eventTs };
  ctx.store.emitChange({ kind: 'message', channelId: channel.id, ts: message.ts });
  await notifyApp(ctx, messageSubscription(channel), channel, {
    type: 'message', subtype: 'message_changed', hidden: true, channel: channel.id, channel_type: channelType(channel),
    ts: eventTs, event_ts: eventTs, message: messageJsonFor(ctx, message), previous_message: previous,
  });
}

/** A person deletes their own message (its pins and reactions go with it); the app hears `message_deleted`. */
export async function deleteMessage(ctx: InteractionContext, input: { userId: string; channelId: string; ts: string }): Promise<void> {
  const { user, channel, message } = personAndMessage(ctx, input);
  if (message.user !== user.id || message.botId) throw new ApiError('cant_delete_message');
  const previous = messageJsonFor(ctx, message);
  const list = ctx.store.channelMessages(channel.id);
  list.splice(list.indexOf(message), 1);
  const pins = ctx.store.pins.get(channel.id);
  if (pins) ctx.store.pins.set(channel.id, pins.filter((p) => p.ts !== message.ts));
  ctx.store.emitChange({ kind: 'message', channelId: channel.id, ts: message.ts });
  const eventTs = ctx.store.nextTs();
  await notifyApp(ctx, messageSubscription(channel), channel, {
    type: 'message', subtype: 'message_deleted', hidden: true, channel: channel.id, channel_type: channelType(channel),
    ts: eventTs, event_ts: eventTs, deleted_ts: message.ts, previous_message: previous,
  });
}

/** A person runs a message shortcut from a message's "More actions" menu: Slack's `message_action` payload. */
export async function messageShortcut(ctx: InteractionContext, input: MessageShortcutInput): Promise<BotResponse> {
  const { user, channel, message } = personAndMessage(ctx, { ...input, ts: input.messageTs });
  const payload = {
    type: 'message_action',
    token: VERIFICATION_TOKEN,
    action_ts: ctx.store.nextTs(),
    team: { id: TEAM_ID, domain: TEAM_DOMAIN },
    user: userRef(user),
    channel: { id: channel.id, name: channel.isIm ? 'directmessage' : channel.name },
    is_enterprise_install: false,
    enterprise: null,
    api_app_id: APP_ID,
    callback_id: input.callbackId,
    trigger_id: ctx.store.issueTrigger(user.id),
    response_url: ctx.store.issueResponseUrl(ctx.publicUrl(), { userId: user.id, channelId: channel.id }),
    message_ts: message.ts,
    message: messageJsonFor(ctx, message),
  };
  return sendInteraction(ctx, payload);
}
