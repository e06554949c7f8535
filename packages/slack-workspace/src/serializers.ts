import { DateTime } from 'luxon';
import type { WorkspaceClock as Clock } from './clock.js';
import { APP_ID, BOT_ID, BOT_USER_ID, TEAM_ID } from './seed.js';
import type { SeedUser, StoredChannel, StoredMessage, StoredView } from './types.js';

/** A message's permalink, as chat.getPermalink and reactions.get give it. */
export function permalinkOf(publicUrl: string, channelId: string, ts: string): string {
  return `${publicUrl}/archives/${channelId}/p${ts.replace('.', '')}`;
}

/**
 * A stored message as the Web API returns it. `file` expands a file id into Slack's file object
 * (name, title, permalink…); without it files are `{ id }` only.
 */
export function messageJson(
  m: StoredMessage,
  opts: { includeMetadata?: boolean; file?: (id: string) => Record<string, unknown> | undefined } = {},
): Record<string, unknown> {
  const json: Record<string, unknown> = { type: 'message', ts: m.ts, user: m.user, text: m.text, team: TEAM_ID };
  if (m.botId) Object.assign(json, { bot_id: m.botId, app_id: APP_ID });
  if (m.blocks) json['blocks'] = m.blocks;
  if (m.attachments) json['attachments'] = m.attachments;
  if (m.threadTs) json['thread_ts'] = m.threadTs;
  if (m.broadcast) json['subtype'] = 'thread_broadcast';
  if (m.threadTs === m.ts) Object.assign(json, { reply_count: m.replyCount, reply_users: m.replyUsers, latest_reply: m.latestReply });
  if (m.edited) json['edited'] = m.edited;
  if (m.files) json['files'] = m.files.map((id) => opts.file?.(id) ?? { id });
  if (m.reactions?.length) json['reactions'] = m.reactions.map((r) => ({ name: r.name, users: [...r.users], count: r.users.length }));
  if (m.metadata && opts.includeMetadata !== false) json['metadata'] = m.metadata;
  return json;
}

export function channelJson(c: StoredChannel): Record<string, unknown> {
  return {
    id: c.id,
    name: c.isIm ? undefined : c.name,
    is_channel: !c.isIm && !c.isPrivate,
    is_group: !c.isIm && c.isPrivate,
    is_im: c.isIm,
    is_private: c.isPrivate,
    is_archived: c.isArchived,
    is_general: c.name === 'general',
    is_member: c.members.includes(BOT_USER_ID),
    created: c.created,
    creator: c.creator,
    user: c.isIm ? c.members.find((m) => m !== BOT_USER_ID) : undefined,
    topic: { value: c.topic, creator: c.creator, last_set: 0 },
    purpose: { value: c.purpose, creator: c.creator, last_set: 0 },
    num_members: c.members.length,
    context_team_id: TEAM_ID,
  };
}

/** A user as the Web API shows one; `locale` only when asked for (users.info's include_locale), as Slack does. */
export function userJson(u: SeedUser, clock: Clock, options: { includeLocale?: boolean } = {}): Record<string, unknown> {
  const local = clock.now().setZone(u.tz);
  const zone = local.isValid ? local : DateTime.utc();
  return {
    id: u.id,
    team_id: TEAM_ID,
    name: u.name,
    real_name: u.realName,
    deleted: false,
    is_bot: u.isBot ?? false,
    is_app_user: false,
    tz: u.tz,
    tz_label: zone.offsetNameLong ?? u.tz,
    tz_offset: zone.offset * 60,
    ...(options.includeLocale ? { locale: u.locale ?? 'en-US' } : {}),
    profile: {
      real_name: u.realName,
      display_name: u.name,
      email: u.email ?? `${u.name}@example.test`,
      bot_id: u.isBot ? BOT_ID : undefined,
    },
  };
}

export function viewJson(v: StoredView): Record<string, unknown> {
  const view = v.view;
  return {
    id: v.id,
    team_id: TEAM_ID,
    type: view['type'],
    title: view['title'],
    submit: view['submit'] ?? null,
    close: view['close'] ?? null,
    blocks: view['blocks'] ?? [],
    private_metadata: view['private_metadata'] ?? '',
    callback_id: view['callback_id'] ?? '',
    external_id: v.externalId ?? '',
    state: { values: v.values },
    hash: v.hash,
    clear_on_close: view['clear_on_close'] ?? false,
    notify_on_close: view['notify_on_close'] ?? false,
    root_view_id: v.rootViewId,
    previous_view_id: v.previousViewId,
    app_id: APP_ID,
    bot_id: BOT_ID,
  };
}
