import type { KnownBlock, Overflow, SectionBlock } from '@slack/types';
import type { DateTime } from 'luxon';
import type { ConversationEntry } from '../../domain/conversation.js';
import { incidentRef, type Incident } from '../../domain/incident.js';
import { mayChangeEntry } from '../../domain/policy.js';
import { EDITABLE_KINDS, type TimelineEvent } from '../../domain/timeline.js';
import type { Texts } from '../../domain/texts/index.js';
import { entryMenuValue, timelinePageValue } from '../button-values.js';
import { ACTION_ID } from '../ids.js';
import { actions, button, context, option, section } from './elements.js';
import { mrkdwnTitle, TITLE_MAX } from './incident-format.js';
import type { BlockMessage } from './message.js';
import { safe } from './mrkdwn.js';
import { messageLine, timelineLine } from './timeline-line.js';

/** Entries per page: one block each, well inside Slack's 50 blocks per message. */
export const TIMELINE_PAGE_SIZE = 20;

export interface TimelineMessageInput {
  incident: Pick<Incident, 'id' | 'title' | 'isDrill' | 'commanderId'>;
  /** The timeline as it reads now, oldest first. */
  entries: readonly TimelineEvent[];
  /** Messages put on the timeline (pinned), shown among the entries at their own time. */
  messages?: readonly ConversationEntry[];
  /** 0-based; clamped to the pages there are. */
  page: number;
  /** Who is looking: their own entries (all of them, for the commander) get Edit and Remove. */
  viewerId: string;
  /** A line above the entries: what just happened (an entry removed). */
  notice?: string;
}

export function pageCount(entries: number): number {
  return Math.max(1, Math.ceil(entries / TIMELINE_PAGE_SIZE));
}

type Item = { at: DateTime; id: number; event: TimelineEvent } | { at: DateTime; id: number; message: ConversationEntry };

/** Entries and pinned messages in one list, by when they happened (ties by the order recorded). */
export function timelineItems(entries: readonly TimelineEvent[], messages: readonly ConversationEntry[] = []): Item[] {
  return [
    ...entries.map((event) => ({ at: event.occurredAt, id: event.id, event })),
    ...messages.map((message) => ({ at: message.at, id: message.firstEventId, message })),
  ].sort((a, b) => a.at.toMillis() - b.at.toMillis() || a.id - b.id);
}

/** The page (0-based) an entry is on. */
export function pageOfEntry(entries: readonly TimelineEvent[], messages: readonly ConversationEntry[], entryId: number): number {
  const index = timelineItems(entries, messages).findIndex((item) => 'event' in item && item.event.id === entryId);
  return Math.max(0, Math.floor(index / TIMELINE_PAGE_SIZE));
}

/** `/incident timeline`: one page of the timeline, ephemeral, with paging and per-entry Edit and Remove. */
export function timelinePageMessage(input: TimelineMessageInput, texts: Texts): BlockMessage {
  const t = texts.lists.timeline;
  const { incident, viewerId } = input;
  const entries = timelineItems(input.entries, input.messages);
  const pages = pageCount(entries.length);
  const page = Math.min(Math.max(0, input.page), pages - 1);
  const first = page * TIMELINE_PAGE_SIZE;
  const shown = entries.slice(first, first + TIMELINE_PAGE_SIZE);
  const range = entries.length === 0 ? t.empty : t.range(first + 1, first + shown.length, entries.length, page + 1, pages);
  const blocks: KnownBlock[] = [
    section(t.heading(mrkdwnTitle(incident, TITLE_MAX, texts), range)),
    context(t.legend),
  ];
  if (input.notice) blocks.push(context(safe(input.notice, 500)));
  for (const item of shown) blocks.push('event' in item ? entryBlock(item.event, incident, viewerId, texts) : section(messageLine(item.message, texts), `timeline_message_${item.id}`));
  const nav = [
    ...(page > 0 ? [button(t.earlier, ACTION_ID.timelinePage, timelinePageValue(incident.id, page - 1))] : []),
    ...(page < pages - 1 ? [button(t.later, ACTION_ID.timelinePage, timelinePageValue(incident.id, page + 1))] : []),
    button(t.addEntry, ACTION_ID.timelineAdd, String(incident.id), 'primary'),
  ];
  blocks.push(actions(nav));
  return { text: t.fallback(incidentRef(incident.id), page + 1, pages), blocks };
}

function entryBlock(entry: TimelineEvent, incident: TimelineMessageInput['incident'], viewerId: string, texts: Texts): SectionBlock {
  const block = section(timelineLine(entry, texts), `timeline_entry_${entry.id}`);
  if (!EDITABLE_KINDS.has(entry.kind) || !mayChangeEntry(viewerId, entry.actorId, incident)) return block;
  const menu: Overflow = {
    type: 'overflow',
    action_id: ACTION_ID.timelineEntryMenu,
    options: [option(texts.lists.timeline.edit, entryMenuValue('edit', incident.id, entry.id)), option(texts.lists.timeline.remove, entryMenuValue('remove', incident.id, entry.id))],
  };
  return { ...block, accessory: menu };
}
