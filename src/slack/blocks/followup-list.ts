import type { KnownBlock, SectionBlock } from '@slack/types';
import { incidentRef, type Incident } from '../../domain/incident.js';
import type { ActionItem, Horizon } from '../../domain/timeline.js';
import { actionItemButtonValue } from '../button-values.js';
import { ACTION_ID } from '../ids.js';
import { button, context, section } from './elements.js';
import { fallback, mrkdwnTitle } from './incident-format.js';
import type { BlockMessage } from './message.js';
import { safe, userMention } from './mrkdwn.js';

const HORIZON_LABEL: Record<Horizon, string> = { immediate: 'Immediate', short_term: 'Short-term', long_term: 'Long-term' };
/** Slack's 50 blocks per message, less the heading and the closing line. */
const LISTED = 45;

type IncidentRef = Pick<Incident, 'id' | 'title' | 'isDrill'>;

/** One item: what, who, when, and [Done] while it is open. */
function itemBlock(item: ActionItem): SectionBlock {
  const owner = item.ownerId ? userMention(item.ownerId) : '_no owner_';
  const due = item.dueDate ? `due ${item.dueDate}` : 'no due date';
  const line = `${item.done ? ':white_check_mark: ~' : ':white_square: *'}${safe(item.title, 300)}${item.done ? '~' : '*'}\n${owner} · ${due} · ${HORIZON_LABEL[item.horizon]}`;
  return item.done ? section(line) : { ...section(line), accessory: button('Done', ACTION_ID.followupDone, actionItemButtonValue(item.id), 'primary') };
}

/** `/incident followups`: the incident's action items, open ones first, each with its owner and due date. */
export function followupList({ incident, items }: { incident: IncidentRef; items: ActionItem[] }): BlockMessage {
  const open = items.filter((i) => !i.done);
  const ordered = [...open, ...items.filter((i) => i.done)];
  const blocks: KnownBlock[] = [section(`*Follow-ups of* ${mrkdwnTitle(incident)} · ${open.length} open, ${items.length - open.length} done`)];
  if (items.length === 0) blocks.push(context('No action items yet. Add them with `/incident followup`.'));
  blocks.push(...ordered.slice(0, LISTED).map(itemBlock));
  if (ordered.length > LISTED) blocks.push(context(`…and ${ordered.length - LISTED} more in the postmortem draft.`));
  else if (items.length > 0) blocks.push(context('The owner or the commander marks an item done; owners get a direct message when one falls due.'));
  return { text: fallback(`${incidentRef(incident.id)} follow-ups: ${open.length} open`), blocks };
}

/** The direct message to an item's owner when it falls due (and, once done, what it says then). */
export function followupDueMessage({ incident, item }: { incident: IncidentRef; item: ActionItem }): BlockMessage {
  const heading = item.done
    ? `:white_check_mark: Done: an action item from ${mrkdwnTitle(incident)}`
    : `:alarm_clock: An action item you own from ${mrkdwnTitle(incident)} is due${item.dueDate ? ` (${item.dueDate})` : ''}.`;
  return {
    text: fallback(`${item.done ? 'Done' : 'Due'}: ${item.title} (${incidentRef(incident.id)})`),
    blocks: [section(heading), itemBlock(item)],
  };
}
