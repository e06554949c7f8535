import { bool, int, str, text, type ApiMethod } from './api-types.js';
import { BOT_USER_ID } from './seed.js';
import { channelJson, messageJson } from './serializers.js';
import { ApiError, type StoredChannel, type StoredMessage } from './types.js';

const NAME_PATTERN = /^[a-z0-9_-]+$/;

export function checkChannelName(name: unknown): string {
  if (typeof name !== 'string' || name === '') throw new ApiError('invalid_name_required');
  if (name.length > 80) throw new ApiError('invalid_name_maxlength');
  if (!NAME_PATTERN.test(name)) throw new ApiError('invalid_name_specials');
  if (/^[-_]+$/.test(name)) throw new ApiError('invalid_name_punctuation');
  return name;
}

/** Offset cursors: `next_cursor` is the index of the next item, base64. */
function page<T>(items: T[], params: Record<string, unknown>, fallbackLimit: number): { items: T[]; nextCursor: string } {
  const start = typeof params['cursor'] === 'string' && params['cursor'] ? Number(Buffer.from(params['cursor'], 'base64').toString()) || 0 : 0;
  const limit = int(params['limit'], fallbackLimit);
  const slice = items.slice(start, start + limit);
  const next = start + limit < items.length ? Buffer.from(String(start + limit)).toString('base64') : '';
  return { items: slice, nextCursor: next };
}

function requireReadable(channel: StoredChannel): void {
  if (!channel.members.includes(BOT_USER_ID)) throw new ApiError('not_in_channel');
}

const isTopLevel = (m: StoredMessage) => !m.threadTs || m.threadTs === m.ts || m.broadcast === true;

const create: ApiMethod = ({ store }, params) => {
  const name = checkChannelName(params['name']);
  if (store.findChannel(name)) throw new ApiError('name_taken');
  const channel = store.addChannel({ name, isPrivate: bool(params['is_private']), creator: BOT_USER_ID, members: [BOT_USER_ID] });
  return { channel: channelJson(channel) };
};

const invite: ApiMethod = ({ store }, params) => {
  const channel = store.requireChannel(params['channel']);
  store.requireWritable(channel);
  const ids = text(params['users']).split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new ApiError('no_user');
  for (const id of ids) {
    if (id === BOT_USER_ID) throw new ApiError('cant_invite_self');
    store.requireUser(id);
  }
  const fresh = ids.filter((id) => !channel.members.includes(id));
  if (fresh.length === 0) throw new ApiError('already_in_channel');
  channel.members.push(...fresh);
  store.emitChange({ kind: 'channel', channelId: channel.id });
  return { channel: channelJson(channel) };
};

const join: ApiMethod = ({ store }, params) => {
  const channel = store.requireChannel(params['channel']);
  if (channel.isPrivate) throw new ApiError('method_not_supported_for_channel_type');
  if (channel.isArchived) throw new ApiError('is_archived');
  if (channel.members.includes(BOT_USER_ID)) {
    return { channel: channelJson(channel), warning: 'already_in_channel', response_metadata: { warnings: ['already_in_channel'] } };
  }
  channel.members.push(BOT_USER_ID);
  store.emitChange({ kind: 'channel', channelId: channel.id });
  return { channel: channelJson(channel) };
};

const setTopic: ApiMethod = ({ store }, params) => {
  const channel = store.requireChannel(params['channel']);
  store.requireWritable(channel);
  const topic = typeof params['topic'] === 'string' ? params['topic'] : '';
  if (topic.length > 250) throw new ApiError('too_long');
  channel.topic = topic;
  store.emitChange({ kind: 'channel', channelId: channel.id });
  return { channel: channelJson(channel) };
};

const archive: ApiMethod = ({ store }, params) => {
  const channel = store.requireChannel(params['channel']);
  if (channel.isArchived) throw new ApiError('already_archived');
  if (channel.name === 'general') throw new ApiError('cant_archive_general');
  store.requireWritable(channel);
  channel.isArchived = true;
  store.emitChange({ kind: 'channel', channelId: channel.id });
  return {};
};

const info: ApiMethod = ({ store }, params) => ({ channel: channelJson(store.requireChannel(params['channel'])) });

const list: ApiMethod = ({ store }, params) => {
  const types = text(params['types'], 'public_channel').split(',');
  const excludeArchived = bool(params['exclude_archived']);
  const all = [...store.channels.values()].filter((c) => {
    if (excludeArchived && c.isArchived) return false;
    if (c.isIm) return types.includes('im');
    if (c.isPrivate) return types.includes('private_channel') && c.members.includes(BOT_USER_ID);
    return types.includes('public_channel');
  });
  const { items, nextCursor } = page(all, params, 100);
  return { channels: items.map(channelJson), response_metadata: { next_cursor: nextCursor } };
};

const history: ApiMethod = ({ store }, params) => {
  const channel = store.requireChannel(params['channel']);
  requireReadable(channel);
  const latest = str(params['latest']);
  const oldest = str(params['oldest']);
  const inclusive = bool(params['inclusive']);
  const all = store
    .channelMessages(channel.id)
    .filter(isTopLevel)
    .filter((m) => !latest || (inclusive ? m.ts <= latest : m.ts < latest))
    .filter((m) => !oldest || (inclusive ? m.ts >= oldest : m.ts > oldest))
    .slice()
    .reverse();
  const { items, nextCursor } = page(all, params, 100);
  const includeMetadata = bool(params['include_all_metadata']);
  return {
    messages: items.map((m) => messageJson(m, { includeMetadata })),
    has_more: nextCursor !== '',
    response_metadata: { next_cursor: nextCursor },
  };
};

const replies: ApiMethod = ({ store }, params) => {
  const channel = store.requireChannel(params['channel']);
  requireReadable(channel);
  const parent = store.findMessage(channel.id, params['ts']);
  if (!parent) throw new ApiError('thread_not_found');
  const thread = store.channelMessages(channel.id).filter((m) => m === parent || (m.threadTs === parent.ts && m.ts !== parent.ts));
  const { items, nextCursor } = page(thread, params, 1000);
  const includeMetadata = bool(params['include_all_metadata']);
  return { messages: items.map((m) => messageJson(m, { includeMetadata })), has_more: nextCursor !== '', response_metadata: { next_cursor: nextCursor } };
};

const members: ApiMethod = ({ store }, params) => {
  const channel = store.requireChannel(params['channel']);
  const { items, nextCursor } = page(channel.members, params, 100);
  return { members: items, response_metadata: { next_cursor: nextCursor } };
};

/**
 * `conversations.open` with one person: the bot's direct-message channel with them, made on first
 * use (Slack answers `already_open` after that). Several people would make a group DM, which this
 * workspace does not keep: it answers as Slack does when a method is not available for that.
 */
const open: ApiMethod = ({ store }, params) => {
  const existingId = str(params['channel']);
  if (existingId) {
    const channel = store.requireChannel(existingId);
    if (!channel.isIm) throw new ApiError('method_not_supported_for_channel_type');
    return { no_op: true, already_open: true, channel: { id: channel.id } };
  }
  const ids = text(params['users']).split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new ApiError('users_list_not_supplied');
  if (ids.length > 8) throw new ApiError('too_many_users');
  if (ids.length > 1) throw new ApiError('method_not_supported_for_channel_type');
  const user = store.requireUser(ids[0]);
  if (user.id === BOT_USER_ID) throw new ApiError('cannot_dm_bot');
  const before = store.channels.size;
  const channel = store.imWith(user.id);
  const already = store.channels.size === before;
  return { ...(already ? { no_op: true, already_open: true } : {}), channel: bool(params['return_im']) ? channelJson(channel) : { id: channel.id } };
};

export const conversationMethods: Record<string, ApiMethod> = {
  'conversations.create': create,
  'conversations.invite': invite,
  'conversations.join': join,
  'conversations.setTopic': setTopic,
  'conversations.archive': archive,
  'conversations.info': info,
  'conversations.list': list,
  'conversations.history': history,
  'conversations.replies': replies,
  'conversations.members': members,
  'conversations.open': open,
};
