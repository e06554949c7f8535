import type { KnownBlock, SectionBlock } from '@slack/types';
import { incidentRef, type Incident } from '../../domain/incident.js';
import type { ActionItem } from '../../domain/timeline.js';
import type { Texts } from '../../domain/texts/index.js';
import { actionItemButtonValue } from '../button-values.js';
import { ACTION_ID } from '../ids.js';
import { button, context, section } from './elements.js';
import { fallback, mrkdwnTitle, TITLE_MAX } from './incident-format.js';
import type { BlockMessage } from './message.js';
import { safe, userMention } from './mrkdwn.js';

/** Slack's 50 blocks per message, less the heading and the closing line. */
const LISTED = 45;

type IncidentRef = Pick<Incident, 'id' | 'title' | 'isDrill'>;

/** One item: what, who, when, and [Done] while it is open. */
function itemBlock(item: ActionItem, texts: Texts): SectionBlock {
  const t = texts.lists.followups;
  const owner = item.ownerId ? userMention(item.ownerId) : t.noOwner;
  const due = item.dueDate ? t.due(item.dueDate) : t.noDueDate;
  const line = `${item.done ? ':white_check_mark: ~' : ':white_square: *'}${safe(item.title, 300)}${item.done ? '~' : '*'}\n${owner} · ${due} · ${t.horizon[item.horizon]}`;
  return item.done ? section(line) : { ...section(line), accessory: button(t.doneButton, ACTION_ID.followupDone, actionItemButtonValue(item.id), 'primary') };
}

/** `/incident followups`: the incident's action items, open ones first, each with its owner and due date. */
export function followupList({ incident, items }: { incident: IncidentRef; items: ActionItem[] }, texts: Texts): BlockMessage {
  const t = texts.lists.followups;
  const open = items.filter((i) => !i.done);
  const ordered = [...open, ...items.filter((i) => i.done)];
  const blocks: KnownBlock[] = [section(t.heading(mrkdwnTitle(incident, TITLE_MAX, texts), open.length, items.length - open.length))];
  if (items.length === 0) blocks.push(context(t.none));
  blocks.push(...ordered.slice(0, LISTED).map((item) => itemBlock(item, texts)));
  if (ordered.length > LISTED) blocks.push(context(t.more(ordered.length - LISTED)));
  else if (items.length > 0) blocks.push(context(t.howDone));
  return { text: fallback(t.fallback(incidentRef(incident.id), open.length)), blocks };
}

/** The direct message to an item's owner when it falls due (and, once done, what it says then). */
export function followupDueMessage({ incident, item }: { incident: IncidentRef; item: ActionItem }, texts: Texts): BlockMessage {
  const t = texts.lists.followups;
  const heading = item.done ? t.doneHeading(mrkdwnTitle(incident, TITLE_MAX, texts)) : t.dueHeading(mrkdwnTitle(incident, TITLE_MAX, texts), item.dueDate ?? '');
  return {
    text: fallback((item.done ? t.doneFallback : t.dueFallback)(item.title, incidentRef(incident.id))),
    blocks: [section(heading), itemBlock(item, texts)],
  };
}
