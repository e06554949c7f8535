import type { KnownBlock, RichTextBlock } from '@slack/types';
import { incidentRef, type Incident } from '../../domain/incident.js';
import type { ActionItem } from '../../domain/timeline.js';
import type { Texts } from '../../domain/texts/index.js';
import { actionItemButtonValue } from '../button-values.js';
import { ACTION_ID } from '../ids.js';
import { button, context, section } from './elements.js';
import { fallback, mrkdwnTitle, TITLE_MAX } from './incident-format.js';
import type { BlockMessage } from './message.js';
import { clip } from './mrkdwn.js';
import { richEmoji, richLines, richText, richUser } from './rich-text.js';

/** Slack's 50 blocks per message, less the heading and the closing line. */
const ITEM_BLOCKS = 48;
/** At most this many items are listed; the rest are in the postmortem draft. */
const LISTED = 45;

type IncidentRef = Pick<Incident, 'id' | 'title' | 'isDrill'>;

/**
 * One item as rich text, so its title shows as written (a `*`, `_`, `~` or backtick is no
 * formatting): its state and title (bold while open, struck through once done), then its owner,
 * due date and horizon; and [Done] below it while it is open.
 */
function itemBlocks(item: ActionItem, texts: Texts): KnownBlock[] {
  const t = texts.lists.followups;
  const title = [richEmoji(item.done ? 'white_check_mark' : 'white_large_square'), richText(' '), richText(clip(item.title, 300), item.done ? { strike: true } : { bold: true })];
  const owner = item.ownerId ? richUser(item.ownerId) : richText(t.noOwner, { italic: true });
  const due = item.dueDate ? t.due(item.dueDate) : t.noDueDate;
  const details = [owner, richText(` · ${due} · ${t.horizon[item.horizon]}`)];
  const text: RichTextBlock = { type: 'rich_text', elements: [{ type: 'rich_text_section', elements: richLines([title, details]) }] };
  if (item.done) return [text];
  return [text, { type: 'actions', elements: [button(t.doneButton, ACTION_ID.followupDone, actionItemButtonValue(item.id), 'primary')] }];
}

/** The items that fit in ITEM_BLOCKS (two blocks an open item, one a done one), in order. */
function itemsThatFit(ordered: ActionItem[]): ActionItem[] {
  const fit: ActionItem[] = [];
  let used = 0;
  for (const item of ordered.slice(0, LISTED)) {
    used += item.done ? 1 : 2;
    if (used > ITEM_BLOCKS) break;
    fit.push(item);
  }
  return fit;
}

/** `/incident followups`: the incident's action items, open ones first, each with its owner and due date. */
export function followupList({ incident, items }: { incident: IncidentRef; items: ActionItem[] }, texts: Texts): BlockMessage {
  const t = texts.lists.followups;
  const open = items.filter((i) => !i.done);
  const ordered = [...open, ...items.filter((i) => i.done)];
  const blocks: KnownBlock[] = [section(t.heading(mrkdwnTitle(incident, TITLE_MAX, texts), open.length, items.length - open.length))];
  if (items.length === 0) blocks.push(context(t.none));
  const listed = itemsThatFit(ordered);
  blocks.push(...listed.flatMap((item) => itemBlocks(item, texts)));
  if (ordered.length > listed.length) blocks.push(context(t.more(ordered.length - listed.length)));
  else if (items.length > 0) blocks.push(context(t.howDone));
  return { text: fallback(t.fallback(incidentRef(incident.id), open.length)), blocks };
}

/** The direct message to an item's owner when it falls due (and, once done, what it says then). */
export function followupDueMessage({ incident, item }: { incident: IncidentRef; item: ActionItem }, texts: Texts): BlockMessage {
  const t = texts.lists.followups;
  const heading = item.done ? t.doneHeading(mrkdwnTitle(incident, TITLE_MAX, texts)) : t.dueHeading(mrkdwnTitle(incident, TITLE_MAX, texts), item.dueDate ?? '');
  return {
    text: fallback((item.done ? t.doneFallback : t.dueFallback)(item.title, incidentRef(incident.id))),
    blocks: [section(heading), ...itemBlocks(item, texts)],
  };
}
