import { str, type ApiContext, type ApiMethod } from './api-types.js';
import { fileLookup } from './api-users-files.js';
import { BOT_USER_ID } from './seed.js';
import { messageJson, permalinkOf } from './serializers.js';
import type { SandboxStore } from './store.js';
import { ApiError, type StoredChannel, type StoredMessage } from './types.js';

const EMOJI_NAME = /^[a-z0-9_+'-]{1,100}$/;

/** The emoji name as Slack takes it: without colons, lower case; `invalid_name` otherwise. */
export function emojiName(value: unknown): string {
  const name = str(value)?.replace(/^:|:$/g, '');
  if (!name || !EMOJI_NAME.test(name)) throw new ApiError('invalid_name');
  return name;
}

/** A person (or the bot) sees a public channel, and a private one they are in; others are `channel_not_found`. */
export function requireVisible(channel: StoredChannel, userId: string): void {
  if ((channel.isPrivate || channel.isIm) && !channel.members.includes(userId)) throw new ApiError('channel_not_found');
}

/** Adds `userId`'s reaction; `already_reacted` when it is there. */
export function addReaction(store: SandboxStore, message: StoredMessage, name: string, userId: string): void {
  message.reactions ??= [];
  let reaction = message.reactions.find((r) => r.name === name);
  if (reaction?.users.includes(userId)) throw new ApiError('already_reacted');
  if (!reaction) {
    if (message.reactions.length >= 50) throw new ApiError('too_many_emoji');
    reaction = { name, users: [] };
    message.reactions.push(reaction);
  }
  reaction.users.push(userId);
  store.emitChange({ kind: 'reaction', channelId: message.channel, ts: message.ts });
}

/** Takes `userId`'s reaction away; `no_reaction` when there is none. */
export function removeReaction(store: SandboxStore, message: StoredMessage, name: string, userId: string): void {
  const reaction = message.reactions?.find((r) => r.name === name);
  if (!reaction?.users.includes(userId)) throw new ApiError('no_reaction');
  reaction.users = reaction.users.filter((u) => u !== userId);
  if (reaction.users.length === 0) message.reactions = message.reactions!.filter((r) => r !== reaction);
  store.emitChange({ kind: 'reaction', channelId: message.channel, ts: message.ts });
}

function target(ctx: ApiContext, params: Record<string, unknown>): { channel: StoredChannel; message: StoredMessage } {
  const channel = ctx.store.requireChannel(params['channel']);
  requireVisible(channel, BOT_USER_ID);
  const message = ctx.store.findMessage(channel.id, params['timestamp']);
  if (!message) throw new ApiError('message_not_found');
  return { channel, message };
}

const add: ApiMethod = (ctx, params) => {
  const { message } = target(ctx, params);
  addReaction(ctx.store, message, emojiName(params['name']), BOT_USER_ID);
  return {};
};

const remove: ApiMethod = (ctx, params) => {
  const { message } = target(ctx, params);
  removeReaction(ctx.store, message, emojiName(params['name']), BOT_USER_ID);
  return {};
};

/** As Slack's: the message with its reactions and permalink, wherever it is (thread replies too). */
const get: ApiMethod = (ctx, params) => {
  const { channel, message } = target(ctx, params);
  const json = messageJson(message, { file: fileLookup(ctx) });
  return { type: 'message', channel: channel.id, message: { ...json, permalink: permalinkOf(ctx.publicUrl(), channel.id, message.ts) } };
};

export const reactionMethods: Record<string, ApiMethod> = {
  'reactions.add': add,
  'reactions.remove': remove,
  'reactions.get': get,
};
