import { text } from './api-types.js';
import type { Pin, SandboxStore } from './store.js';
import type { MessageMetadata, StoredChannel, StoredEphemeral, StoredMessage, StoredView } from './types.js';

/** A message as a test or the web page reads it. */
export interface MessageSnapshot {
  channel: string;
  ts: string;
  user: string;
  isBot: boolean;
  text: string;
  blocks: unknown[];
  metadata?: MessageMetadata;
  threadTs?: string;
  replyCount: number;
  edited: boolean;
  editCount: number;
  files: string[];
  pinned: boolean;
  reactions: Array<{ name: string; users: string[]; count: number }>;
}

export interface ViewSnapshot {
  id: string;
  userId: string;
  externalId?: string;
  hash: string;
  type: string;
  callbackId: string;
  title: string;
  privateMetadata: string;
  blocks: unknown[];
  errors: Record<string, string> | null;
  view: Record<string, unknown>;
}

function snapshot(store: SandboxStore, m: StoredMessage): MessageSnapshot {
  const pins = store.pins.get(m.channel) ?? [];
  return {
    channel: m.channel,
    ts: m.ts,
    user: m.user,
    isBot: m.botId !== undefined,
    text: m.text,
    blocks: m.blocks ?? [],
    metadata: m.metadata,
    threadTs: m.threadTs,
    replyCount: m.replyCount,
    edited: m.edited !== undefined,
    editCount: m.editCount,
    files: m.files ?? [],
    pinned: pins.some((p: Pin) => p.ts === m.ts),
    reactions: (m.reactions ?? []).map((r) => ({ name: r.name, users: [...r.users], count: r.users.length })),
  };
}

export function viewSnapshot(v: StoredView): ViewSnapshot {
  const title = v.view['title'];
  return {
    id: v.id,
    userId: v.userId,
    externalId: v.externalId,
    hash: v.hash,
    type: String(v.view['type']),
    callbackId: text(v.view['callback_id']),
    title: typeof title === 'object' && title !== null ? text((title as { text?: unknown }).text) : '',
    privateMetadata: text(v.view['private_metadata']),
    blocks: Array.isArray(v.view['blocks']) ? v.view['blocks'] : [],
    errors: v.errors,
    view: v.view,
  };
}

export function readMessages(store: SandboxStore, channel: StoredChannel): MessageSnapshot[] {
  return store
    .channelMessages(channel.id)
    .filter((m) => !m.threadTs || m.threadTs === m.ts || m.broadcast === true)
    .map((m) => snapshot(store, m));
}

export function readReplies(store: SandboxStore, channel: StoredChannel, threadTs: string): MessageSnapshot[] {
  return store
    .channelMessages(channel.id)
    .filter((m) => m.threadTs === threadTs && m.ts !== threadTs)
    .map((m) => snapshot(store, m));
}

export function readPins(store: SandboxStore, channel: StoredChannel): MessageSnapshot[] {
  return (store.pins.get(channel.id) ?? []).flatMap((p) => {
    const m = store.findMessage(channel.id, p.ts);
    return m ? [snapshot(store, m)] : [];
  });
}

export function readEphemerals(store: SandboxStore, userId: string): StoredEphemeral[] {
  return store.ephemerals.filter((e) => e.userId === userId && !e.deleted).map((e) => ({ ...e }));
}

export function readOpenViews(store: SandboxStore, userId: string): ViewSnapshot[] {
  return (store.viewStacks.get(userId) ?? []).flatMap((id) => {
    const v = store.views.get(id);
    return v ? [viewSnapshot(v)] : [];
  });
}
