import type { ActionsBlock, KnownBlock } from '@slack/types';
import type { Incident } from '../../domain/incident.js';
import { ROLE_LABEL } from '../../domain/incident.js';
import { isOpen, itemDueAt, type AttachedRunbook, type ChecklistItem } from '../../domain/runbooks/index.js';
import { checklistBlockId, checklistItemValue } from '../button-values.js';
import { ACTION_ID } from '../ids.js';
import { button, context, header, section } from './elements.js';
import { DRILL_TAG, plainTitle } from './incident-format.js';
import { clip, LIMITS, safe, safeLink, slackDate, userMention } from './mrkdwn.js';

/** Two blocks an item (its text, its buttons): 20 items and a header and context keep a message within Slack's 50 blocks. */
export const CHECKLIST_ITEMS_PER_MESSAGE = 20;

export interface ChecklistView {
  incident: Pick<Incident, 'id' | 'title' | 'isDrill'>;
  runbook: AttachedRunbook;
}

const STATE_ICON = { open: ':white_large_square:', assigned: ':bust_in_silhouette:', done: ':white_check_mark:', skipped: ':fast_forward:' } as const;

/** What one item says: its state, who, when, why; its role, due time, warning and link. */
export function itemLine(runbook: AttachedRunbook, item: ChecklistItem): string {
  const text = safe(item.text, 500);
  const lines = [`${STATE_ICON[item.state]} ${isOpen(item) ? `*${text}*` : `~${text}~`}`];
  const about: string[] = [];
  if (item.state === 'assigned' && item.assigneeId) about.push(`assigned to ${userMention(item.assigneeId)}`);
  if (item.state === 'done' && item.closedBy && item.closedAt) about.push(`done by ${userMention(item.closedBy)} ${slackDate(item.closedAt)}`);
  if (item.state === 'skipped' && item.closedBy) about.push(`skipped by ${userMention(item.closedBy)}: _${safe(item.reason ?? '', 300)}_`);
  if (isOpen(item) && item.role && !item.assigneeId) about.push(`for the ${ROLE_LABEL[item.role].toLowerCase()}`);
  const due = itemDueAt(runbook, item);
  if (isOpen(item) && due) about.push(`due ${slackDate(due, '{time}')}`);
  if (about.length > 0) lines.push(about.join(' · '));
  // The link before the warning, so clipping a long item to the section's limit never cuts it.
  const link = safeLink(item.link, ':link: Runbook link');
  if (link) lines.push(link);
  if (item.warn) lines.push(`:warning: ${safe(item.warn, 500)}`);
  return lines.join('\n');
}

function itemActions(runbook: AttachedRunbook, item: ChecklistItem): ActionsBlock {
  const value = checklistItemValue(runbook.id, item.id);
  if (!isOpen(item)) return { type: 'actions', block_id: checklistBlockId(runbook.id, item.id), elements: [button('Undo', ACTION_ID.checklistUndo, value)] };
  return {
    type: 'actions',
    block_id: checklistBlockId(runbook.id, item.id),
    elements: [
      button('Done', ACTION_ID.checklistDone, value, 'primary'),
      button('Skip…', ACTION_ID.checklistSkip, value),
      {
        type: 'users_select',
        action_id: ACTION_ID.checklistAssign,
        placeholder: { type: 'plain_text', text: 'Assign' },
        ...(item.assigneeId ? { initial_user: item.assigneeId } : {}),
      },
    ],
  };
}

/**
 * One runbook's checklist as messages (several when it has more than 20 items, each within
 * Slack's 50 blocks): the title on the first, then each item with its buttons.
 */
export function checklistMessages({ incident, runbook }: ChecklistView): { text: string; blocks: KnownBlock[] }[] {
  const drill = incident.isDrill ? `${DRILL_TAG} ` : '';
  const done = runbook.items.filter((i) => !isOpen(i)).length;
  const parts: { text: string; blocks: KnownBlock[] }[] = [];
  for (let start = 0; start === 0 || start < runbook.items.length; start += CHECKLIST_ITEMS_PER_MESSAGE) {
    const items = runbook.items.slice(start, start + CHECKLIST_ITEMS_PER_MESSAGE);
    const part = parts.length + 1;
    const pages = Math.max(1, Math.ceil(runbook.items.length / CHECKLIST_ITEMS_PER_MESSAGE));
    const title = `${drill}Checklist: ${runbook.title}${pages > 1 ? ` (${part}/${pages})` : ''}`;
    const blocks: KnownBlock[] = [
      header(title),
      context(`${safe(plainTitle(incident), 200)} · ${done} of ${runbook.items.length} done or skipped${incident.isDrill ? ' · *DRILL* — an exercise' : ''}`),
    ];
    for (const item of items) blocks.push(section(itemLine(runbook, item)), itemActions(runbook, item));
    parts.push({ text: clip(title, LIMITS.fallbackText), blocks });
  }
  return parts;
}
