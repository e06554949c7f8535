import { validateBlocks } from './block-validation.js';
import { isObject } from './element-validation.js';
import { bool, str, type ApiContext, type ApiMethod, type Params } from './api-types.js';
import { BOT_ID, BOT_USER_ID } from './seed.js';
import { messageJson, permalinkOf } from './serializers.js';
import { ApiError, type MessageMetadata, type StoredFile } from './types.js';

interface Content {
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
}

/** text / blocks checks shared by post, update and ephemeral. */
export function readContent(params: Params): Content {
  const text = typeof params['text'] === 'string' ? params['text'] : '';
  const blocks = params['blocks'];
  const attachments = Array.isArray(params['attachments']) ? params['attachments'] : undefined;
  if (typeof blocks === 'string') throw new ApiError('invalid_blocks_format');
  const hasBlocks = Array.isArray(blocks) && blocks.length > 0;
  if (!text && !hasBlocks && !attachments) throw new ApiError('no_text');
  if (text.length > 40_000) throw new ApiError('msg_too_long');
  if (blocks !== undefined) {
    const problems = validateBlocks(blocks, 50);
    if (problems.length > 0) throw new ApiError('invalid_blocks', { errors: problems, response_metadata: { messages: problems } });
  }
  return { text, blocks: hasBlocks ? (blocks as unknown[]) : undefined, attachments };
}

function readMetadata(value: unknown): MessageMetadata | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value) || typeof value['event_type'] !== 'string' || !isObject(value['event_payload'])) {
    throw new ApiError('invalid_metadata_format');
  }
  return { event_type: value['event_type'], event_payload: value['event_payload'] };
}

const postMessage: ApiMethod = ({ store }, params) => {
  const channel = store.requireChannel(params['channel']);
  store.requireWritable(channel);
  const content = readContent(params);
  const metadata = readMetadata(params['metadata']);
  const threadTs = str(params['thread_ts']);
  if (threadTs && !store.findMessage(channel.id, threadTs)) throw new ApiError('thread_not_found');
  const message = store.addMessage({
    channel: channel.id,
    ts: store.nextTs(),
    user: BOT_USER_ID,
    botId: BOT_ID,
    ...content,
    metadata,
    threadTs,
    broadcast: threadTs ? bool(params['reply_broadcast']) : undefined,
    replyCount: 0,
    replyUsers: [],
    editCount: 0,
  });
  return { channel: channel.id, ts: message.ts, message: messageJson(message) };
};

const update: ApiMethod = ({ store }, params) => {
  const channel = store.requireChannel(params['channel']);
  const message = store.requireMessage(channel.id, params['ts']);
  if (message.user !== BOT_USER_ID) throw new ApiError('cant_update_message');
  if (channel.isArchived) throw new ApiError('is_archived');
  const content = readContent({ text: params['text'] ?? '', blocks: params['blocks'] ?? message.blocks, attachments: params['attachments'] });
  const fileIds = readFileIds(params['file_ids']);
  const files = fileIds?.map((id) => requireSharableFile(store, id));
  message.editCount += 1;
  message.text = content.text;
  message.blocks = content.blocks;
  if (content.attachments) message.attachments = content.attachments;
  // As Slack: without file_ids the message keeps its files; with them it shows those, shared into the channel.
  if (files) {
    message.files = files.map((f) => f.id);
    for (const file of files) {
      if (!file.channels.includes(channel.id)) file.channels.push(channel.id);
      file.shareTs = message.ts;
    }
  }
  const metadata = readMetadata(params['metadata']);
  if (metadata) message.metadata = metadata;
  message.edited = { user: BOT_USER_ID, ts: store.nextTs() };
  store.emitChange({ kind: 'message', channelId: channel.id, ts: message.ts });
  return { channel: channel.id, ts: message.ts, text: message.text, message: messageJson(message) };
};

/** `file_ids`: a JSON array or a comma-separated list, as Slack takes it. */
function readFileIds(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const ids = Array.isArray(value) ? value : typeof value === 'string' ? fileIdList(value) : null;
  if (!ids || !ids.every((id): id is string => typeof id === 'string')) throw new ApiError('invalid_array_arg');
  return ids;
}

function fileIdList(text: string): unknown[] | null {
  if (!text.trim().startsWith('[')) return text.split(',').map((s) => s.trim()).filter(Boolean);
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** A file the bot uploaded and completed; one still waiting for its bytes or completion is not found, as in Slack. */
function requireSharableFile(store: ApiContext['store'], id: string): StoredFile {
  const file = store.files.get(id);
  if (!file || file.content === null || !file.completed) throw new ApiError('file_not_found');
  return file;
}

const postEphemeral: ApiMethod = ({ store }, params) => {
  const channel = store.requireChannel(params['channel']);
  store.requireWritable(channel);
  const user = store.requireUser(params['user']);
  if (!channel.members.includes(user.id)) throw new ApiError('user_not_in_channel');
  const content = readContent(params);
  const ephemeral = store.addEphemeral({
    userId: user.id, channelId: channel.id, text: content.text, blocks: content.blocks, threadTs: str(params['thread_ts']), source: 'api',
  });
  return { message_ts: ephemeral.ts };
};

const getPermalink: ApiMethod = ({ store, publicUrl }, params) => {
  const channel = store.requireChannel(params['channel']);
  const message = store.requireMessage(channel.id, params['message_ts']);
  return { channel: channel.id, permalink: permalinkOf(publicUrl(), channel.id, message.ts) };
};

const remove: ApiMethod = ({ store }, params) => {
  const channel = store.requireChannel(params['channel']);
  const list = store.channelMessages(channel.id);
  const index = list.findIndex((m) => m.ts === params['ts']);
  if (index < 0) throw new ApiError('message_not_found');
  if (list[index]!.user !== BOT_USER_ID) throw new ApiError('cant_delete_message');
  const [removed] = list.splice(index, 1);
  store.emitChange({ kind: 'message', channelId: channel.id, ts: removed!.ts });
  return { channel: channel.id, ts: removed!.ts };
};

const pinsAdd: ApiMethod = ({ store }, params) => {
  const channel = store.requireChannel(params['channel']);
  store.requireWritable(channel);
  const message = store.requireMessage(channel.id, params['timestamp']);
  const pins = store.pins.get(channel.id)!;
  if (pins.some((p) => p.ts === message.ts)) throw new ApiError('already_pinned');
  pins.push({ ts: message.ts, created: store.nowSeconds(), createdBy: BOT_USER_ID });
  store.emitChange({ kind: 'pin', channelId: channel.id, ts: message.ts });
  return {};
};

const pinsList: ApiMethod = ({ store }, params) => {
  const channel = store.requireChannel(params['channel']);
  const items = (store.pins.get(channel.id) ?? []).flatMap((p) => {
    const message = store.findMessage(channel.id, p.ts);
    return message ? [{ type: 'message', channel: channel.id, created: p.created, created_by: p.createdBy, message: messageJson(message) }] : [];
  });
  return { items };
};

export const chatMethods: Record<string, ApiMethod> = {
  'chat.postMessage': postMessage,
  'chat.update': update,
  'chat.postEphemeral': postEphemeral,
  'chat.getPermalink': getPermalink,
  'chat.delete': remove,
  'pins.add': pinsAdd,
  'pins.list': pinsList,
};

export type { ApiContext };
