import type { ActionsBlock, KnownBlock, RichTextBlock } from '@slack/types';
import type { Incident } from '../../domain/incident.js';
import { isOpen, itemDueAt, TASKS_RUNBOOK_ID, type AttachedRunbook, type ChecklistItem } from '../../domain/runbooks/index.js';
import type { Texts } from '../../domain/texts/index.js';
import { checklistBlockId, checklistItemValue } from '../button-values.js';
import { ACTION_ID } from '../ids.js';
import { button, context, header, section } from './elements.js';
import { drillPrefix, plainTitle, TITLE_MAX } from './incident-format.js';
import { clip, LIMITS, safe, safeLink, slackDate, userMention } from './mrkdwn.js';
import { styledTextBlock } from './typed-text.js';

/**
 * Up to three blocks an item (its text, what is known about it, its buttons): 16 items and a
 * header and context keep a message within Slack's 50 blocks.
 */
export const CHECKLIST_ITEMS_PER_MESSAGE = 16;

export interface ChecklistView {
  incident: Pick<Incident, 'id' | 'title' | 'isDrill'>;
  runbook: AttachedRunbook;
  /** The channel's language (BOT_LOCALE), or the reader's for a checklist shown only to them. */
  texts: Texts;
}

const STATE_EMOJI = { open: 'white_large_square', assigned: 'bust_in_silhouette', done: 'white_check_mark', skipped: 'fast_forward' } as const;

/** The item's state and its text exactly as written, bold while open and struck through once closed. */
export function itemTitle(item: ChecklistItem): RichTextBlock {
  const style = isOpen(item) ? { bold: true } : { strike: true };
  return styledTextBlock(clip(item.text, 500), style, [{ type: 'emoji', name: STATE_EMOJI[item.state] }, { type: 'text', text: ' ' }]);
}

/** What is known about one item: who, when, why; its role, due time, link and warning ('' for nothing). */
export function itemDetails(runbook: AttachedRunbook, item: ChecklistItem, texts: Texts): string {
  const t = texts.checklists;
  const lines: string[] = [];
  const about: string[] = [];
  if (item.state === 'assigned' && item.assigneeId) about.push(t.assignedTo(userMention(item.assigneeId)));
  if (item.state === 'done' && item.closedBy && item.closedAt) about.push(t.doneBy(userMention(item.closedBy), slackDate(item.closedAt)));
  if (item.state === 'skipped' && item.closedBy) about.push(t.skippedBy(userMention(item.closedBy), safe(item.reason ?? '', 300)));
  if (isOpen(item) && item.role && !item.assigneeId) about.push(t.forRole(texts.terms.role[item.role]));
  const due = itemDueAt(runbook, item);
  if (isOpen(item) && due) about.push(t.due(slackDate(due, '{time}')));
  if (about.length > 0) lines.push(about.join(' · '));
  // The link before the warning, so clipping a long item to the section's limit never cuts it.
  const link = safeLink(item.link, `:link: ${t.runbookLink}`);
  if (link) lines.push(link);
  if (item.warn) lines.push(`:warning: ${safe(item.warn, 500)}`);
  return lines.join('\n');
}

function itemActions(runbook: AttachedRunbook, item: ChecklistItem, texts: Texts): ActionsBlock {
  const t = texts.checklists;
  const value = checklistItemValue(runbook.id, item.id);
  if (!isOpen(item)) return { type: 'actions', block_id: checklistBlockId(runbook.id, item.id), elements: [button(t.undo, ACTION_ID.checklistUndo, value)] };
  return {
    type: 'actions',
    block_id: checklistBlockId(runbook.id, item.id),
    elements: [
      button(t.done, ACTION_ID.checklistDone, value, 'primary'),
      button(t.skip, ACTION_ID.checklistSkip, value),
      {
        type: 'users_select',
        action_id: ACTION_ID.checklistAssign,
        placeholder: { type: 'plain_text', text: t.assign },
        ...(item.assigneeId ? { initial_user: item.assigneeId } : {}),
      },
    ],
  };
}

/** A runbook file's own title; the incident's own Tasks (made by the bot) in the channel's language. */
function runbookTitle(runbook: AttachedRunbook, texts: Texts): string {
  return runbook.runbookId === TASKS_RUNBOOK_ID ? texts.checklists.tasks : runbook.title;
}

/**
 * One runbook's checklist as messages (several when it has more than 20 items, each within
 * Slack's 50 blocks): the title on the first, then each item with its buttons.
 */
export function checklistMessages({ incident, runbook, texts }: ChecklistView): { text: string; blocks: KnownBlock[] }[] {
  const t = texts.checklists;
  const drill = drillPrefix(incident, texts);
  const done = runbook.items.filter((i) => !isOpen(i)).length;
  const parts: { text: string; blocks: KnownBlock[] }[] = [];
  for (let start = 0; start === 0 || start < runbook.items.length; start += CHECKLIST_ITEMS_PER_MESSAGE) {
    const items = runbook.items.slice(start, start + CHECKLIST_ITEMS_PER_MESSAGE);
    const part = parts.length + 1;
    const pages = Math.max(1, Math.ceil(runbook.items.length / CHECKLIST_ITEMS_PER_MESSAGE));
    // The runbook's title clipped first, so the header's own limit never cuts the part number.
    const title = `${drill}${t.title(clip(runbookTitle(runbook, texts), 120))}${pages > 1 ? ` (${part}/${pages})` : ''}`;
    const blocks: KnownBlock[] = [
      header(title),
      context(`${safe(plainTitle(incident, TITLE_MAX, texts), 200)} · ${t.progress(done, runbook.items.length)}${incident.isDrill ? ` · ${t.drill}` : ''}`),
    ];
    for (const item of items) {
      const details = itemDetails(runbook, item, texts);
      blocks.push(itemTitle(item), ...(details ? [section(details)] : []), itemActions(runbook, item, texts));
    }
    parts.push({ text: clip(title, LIMITS.fallbackText), blocks });
  }
  return parts;
}
