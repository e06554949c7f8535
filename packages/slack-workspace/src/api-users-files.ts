import { str, type ApiMethod } from './api-types.js';
import { BOT_ID, BOT_USER_ID, TEAM_DOMAIN, TEAM_ID } from './seed.js';
import { userJson } from './serializers.js';
import { ApiError, type StoredFile } from './types.js';

const authTest: ApiMethod = ({ publicUrl, store }) => ({
  url: `${publicUrl()}/`, team: TEAM_DOMAIN, user: store.requireUser(BOT_USER_ID).name, team_id: TEAM_ID, user_id: BOT_USER_ID, bot_id: BOT_ID, is_enterprise_install: false,
});

const usersInfo: ApiMethod = ({ store }, params) => ({
  user: userJson(store.requireUser(params['user']), store.clock, { includeLocale: String(params['include_locale']) === 'true' }),
});

const usersList: ApiMethod = ({ store }) => ({
  members: [...store.users.values()].map((u) => userJson(u, store.clock)),
  response_metadata: { next_cursor: '' },
});

export function fileJson(f: StoredFile, publicUrl: () => string): Record<string, unknown> {
  return {
    id: f.id, name: f.name, title: f.title, size: f.length, created: f.created, user: f.user,
    mimetype: 'application/octet-stream', channels: f.channels, is_public: true,
    permalink: `${publicUrl()}/files/${f.user}/${f.id}/${encodeURIComponent(f.name)}`,
  };
}

/** Expands a message's file ids into Slack's file objects. */
export function fileLookup(ctx: { store: { files: Map<string, StoredFile> }; publicUrl: () => string }) {
  return (id: string): Record<string, unknown> | undefined => {
    const file = ctx.store.files.get(id);
    return file ? fileJson(file, ctx.publicUrl) : undefined;
  };
}

const getUploadUrl: ApiMethod = ({ store, publicUrl }, params) => {
  const filename = str(params['filename']);
  const length = Number(params['length']);
  if (!filename) throw new ApiError('invalid_arguments');
  if (!Number.isFinite(length) || length < 0) throw new ApiError('invalid_arguments');
  const id = store.newId('F0');
  store.files.set(id, { id, name: filename, title: filename, length, content: null, channels: [], created: store.nowSeconds(), user: BOT_USER_ID });
  return { upload_url: `${publicUrl()}/workspace/upload/${id}`, file_id: id };
};

const completeUpload: ApiMethod = ({ store, publicUrl }, params) => {
  const entries = params['files'];
  if (!Array.isArray(entries) || entries.length === 0) throw new ApiError('invalid_arguments');
  const files = entries.map((entry) => {
    const id = (entry as { id?: unknown }).id;
    const file = typeof id === 'string' ? store.files.get(id) : undefined;
    if (!file) throw new ApiError('file_not_found');
    if (file.content === null) throw new ApiError('file_upload_not_completed');
    const title = (entry as { title?: unknown }).title;
    if (typeof title === 'string' && title) file.title = title;
    file.completed = true;
    return file;
  });
  const channelId = str(params['channel_id']) ?? str(params['channels']);
  if (channelId) {
    const channel = store.requireChannel(channelId);
    store.requireWritable(channel);
    const threadTs = str(params['thread_ts']);
    if (threadTs && !store.findMessage(channel.id, threadTs)) throw new ApiError('thread_not_found');
    const message = store.addMessage({
      channel: channel.id, ts: store.nextTs(), user: BOT_USER_ID, botId: BOT_ID,
      text: typeof params['initial_comment'] === 'string' ? params['initial_comment'] : '',
      threadTs, replyCount: 0, replyUsers: [], editCount: 0, files: files.map((f) => f.id),
    });
    for (const file of files) {
      file.channels.push(channel.id);
      file.shareTs = message.ts;
    }
  }
  files.forEach((f) => store.emitChange({ kind: 'file', channelId, ts: f.shareTs }));
  return { files: files.map((f) => fileJson(f, publicUrl)) };
};

const filesInfo: ApiMethod = ({ store, publicUrl }, params) => {
  const file = typeof params['file'] === 'string' ? store.files.get(params['file']) : undefined;
  if (!file) throw new ApiError('file_not_found');
  return { file: fileJson(file, publicUrl), content: file.content?.toString('utf8') ?? '' };
};

export const userAndFileMethods: Record<string, ApiMethod> = {
  'auth.test': authTest,
  'users.info': usersInfo,
  'users.list': usersList,
  'files.getUploadURLExternal': getUploadUrl,
  'files.completeUploadExternal': completeUpload,
  'files.info': filesInfo,
};
