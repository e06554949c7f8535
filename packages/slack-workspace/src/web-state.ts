import type { MessageSnapshot } from './readers.js';
import type { Workspace } from './workspace.js';

export interface CommandHint {
  syntax: string;
  does: string;
}

export interface PageState {
  now: string;
  /** null when the app's clock cannot change speed (tests on a stepped clock). */
  drillSpeed: number | null;
  me: string;
  users: Array<{ id: string; name: string; realName: string; tz: string; isBot: boolean }>;
  channels: Array<{ id: string; name: string; isIm: boolean; isArchived: boolean; topic: string; isMember: boolean; memberCount: number }>;
  messages: Record<string, Array<MessageSnapshot & { replies: MessageSnapshot[] }>>;
  ephemerals: Array<{ ts: string; channelId: string; text: string; blocks: unknown[]; threadTs?: string }>;
  views: Array<{ id: string; title: string; view: Record<string, unknown>; errors: Record<string, string> | null }>;
  /** The app's Home tab for this person, as last published. */
  home: { id: string; blocks: unknown[] } | null;
  files: Array<{ id: string; name: string; title: string; length: number; ready: boolean }>;
  slashCommand: string;
  commands: CommandHint[];
  app: AppFace;
}

/** How the app presents itself on the page. */
export interface AppFace {
  /** The bot's display name, as messages show it. */
  name: string;
  /** The channel the page opens on. */
  homeChannel?: string;
  /** What the slash command does, in a few words, for completion. */
  commandDescription?: string;
  /** Shortcuts offered in every message's "More actions" menu. */
  messageShortcuts?: Array<{ callbackId: string; name: string }>;
}

/** Everything the page shows to one person, read through the workspace's public readers. */
export function pageState(ws: Workspace, me: string, extra: { now: string; drillSpeed: number | null; slashCommand: string; commands: CommandHint[]; app: AppFace }): PageState {
  const visible = ws.channels().filter((c) => (!c.isIm && !c.isPrivate) || c.members.includes(me));
  const messages: PageState['messages'] = {};
  for (const channel of visible) {
    messages[channel.id] = ws.messages(channel.id).map((m) => ({ ...m, replies: m.replyCount > 0 ? ws.replies(channel.id, m.ts) : [] }));
  }
  return {
    ...extra,
    me,
    users: ws.users().map((u) => ({ id: u.id, name: u.name, realName: u.realName, tz: u.tz, isBot: u.isBot === true })),
    channels: visible.map((c) => ({
      id: c.id, name: c.name, isIm: c.isIm, isArchived: c.isArchived, topic: c.topic, isMember: c.members.includes(me), memberCount: c.members.length,
    })),
    messages,
    ephemerals: ws.ephemerals(me).map((e) => ({ ts: e.ts, channelId: e.channelId, text: e.text, blocks: e.blocks ?? [], threadTs: e.threadTs })),
    views: ws.openViews(me).map((v) => ({ id: v.id, title: v.title, view: v.view, errors: v.errors })),
    home: homeOf(ws, me),
    files: ws.files().map((f) => ({ id: f.id, name: f.name, title: f.title, length: f.length, ready: f.content !== null })),
  };
}

function homeOf(ws: Workspace, me: string): PageState['home'] {
  const home = ws.homeView(me);
  return home ? { id: home.id, blocks: home.blocks } : null;
}
