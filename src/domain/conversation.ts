import { DateTime } from 'luxon';
import {
  CONVERSATION_KINDS, messageContentSchema, type MessageContent, type MessageFile, type TimelineEvent, type TimelineKind,
} from './timeline.js';

/** A message of the incident's conversation as the timeline shows it now. */
export interface ConversationEntry {
  channelId: string;
  messageTs: string;
  /** When the message was posted (its ts), not when it was pinned. */
  at: DateTime;
  authorId: string | null;
  /** Null until Slack was read (a pin by reaction carries no text). */
  text: string | null;
  files: MessageFile[];
  permalink: string | null;
  /** The first event that put it on the timeline (orders entries of the same instant). */
  firstEventId: number;
}

type ConversationEvent = Extract<TimelineEvent, { kind: 'message_pinned' | 'message_unpinned' | 'message_edited' | 'message_deleted' | 'message_fetched' }>;

export function isConversationEvent(event: TimelineEvent): event is ConversationEvent {
  return CONVERSATION_KINDS.has(event.kind);
}

/** The Slack message an event is about, for the conversation kinds. */
export function messageRefOf(kind: TimelineKind, data: object): { channelId: string; messageTs: string } | null {
  if (!CONVERSATION_KINDS.has(kind) || !('channelId' in data) || !('messageTs' in data)) return null;
  const { channelId, messageTs } = data;
  return typeof channelId === 'string' && typeof messageTs === 'string' ? { channelId, messageTs } : null;
}

/** A Slack ts (`1732572000.000100`, seconds and microseconds) as an instant; null when it is not one. */
export function messageTime(ts: string): DateTime | null {
  if (!/^\d{1,12}(\.\d{1,6})?$/.test(ts)) return null;
  const at = DateTime.fromMillis(Math.floor(Number(ts) * 1000), { zone: 'utc' });
  return at.isValid ? at : null;
}

interface MessageState {
  entry: ConversationEntry;
  /** People whose 📌 reaction is on the message. */
  reactions: Set<string>;
  viaShortcut: boolean;
  deleted: boolean;
  /** Version of the content kept: the edit's ts, else the message's own. */
  version: string;
}

/** Newer content wins: ordered by the message's edit ts, so a late fetch of an old version never hides an edit. */
function keepContent(state: MessageState, content: MessageContent): void {
  const version = content.editedTs ?? state.entry.messageTs;
  if (state.entry.text !== null && compareTs(version, state.version) < 0) return;
  state.entry.text = content.text;
  state.entry.files = content.files;
  state.version = version;
}

function compareTs(a: string, b: string): number {
  return Number(a) - Number(b);
}

/**
 * Folds the conversation kinds, in the order they were recorded, into the messages on the
 * timeline now: pinned while someone's 📌 is on it or it was added by the shortcut, and not
 * deleted; its text the newest version. Ordered by when each message was posted.
 */
export function conversationEntries(timeline: readonly TimelineEvent[]): ConversationEntry[] {
  const states = new Map<string, MessageState>();
  const recorded = timeline.filter(isConversationEvent).sort((a, b) => a.id - b.id);
  for (const event of recorded) {
    // Defensive: the renderer is handed whatever was stored, partial data included.
    const { channelId, messageTs } = event.data;
    if (typeof channelId !== 'string' || typeof messageTs !== 'string') continue;
    const key = `${channelId}/${messageTs}`;
    let state = states.get(key);
    if (!state) {
      if (event.kind !== 'message_pinned') continue;
      const at = messageTime(messageTs) ?? event.occurredAt;
      state = {
        entry: { channelId, messageTs, at, authorId: null, text: null, files: [], permalink: null, firstEventId: event.id },
        reactions: new Set(), viaShortcut: false, deleted: false, version: messageTs,
      };
      states.set(key, state);
    }
    apply(state, event);
  }
  return [...states.values()]
    .filter((s) => !s.deleted && (s.viaShortcut || s.reactions.size > 0))
    .map((s) => s.entry)
    .sort((a, b) => a.at.toMillis() - b.at.toMillis() || a.firstEventId - b.firstEventId);
}

const textOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function contentOf(raw: unknown): MessageContent | null {
  const parsed = messageContentSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

function apply(state: MessageState, event: ConversationEvent): void {
  const { entry } = state;
  const content = contentOf((event.data as { content?: unknown }).content);
  switch (event.kind) {
    case 'message_pinned':
      if (event.data.via === 'shortcut') state.viaShortcut = true;
      else if (event.actorId) state.reactions.add(event.actorId);
      entry.authorId ??= textOrNull(event.data.authorId);
      break;
    case 'message_unpinned':
      if (event.actorId) state.reactions.delete(event.actorId);
      break;
    case 'message_edited':
      break;
    case 'message_deleted':
      state.deleted = true;
      break;
    case 'message_fetched':
      entry.authorId ??= textOrNull(event.data.authorId);
      entry.permalink = textOrNull(event.data.permalink) ?? entry.permalink;
      break;
  }
  if (content) keepContent(state, content);
}

/** Whether the message is on the timeline now (for "already there" answers). */
export function isOnTimeline(timeline: readonly TimelineEvent[], channelId: string, messageTs: string): boolean {
  return conversationEntries(timeline).some((e) => e.channelId === channelId && e.messageTs === messageTs);
}
