import type { ActionsBlock, KnownBlock, RichTextBlock, RichTextElement } from '@slack/types';
import type { Incident } from '../../domain/incident.js';
import { isOpen, itemDueAt, TASKS_RUNBOOK_ID, type AttachedRunbook, type ChecklistItem } from '../../domain/runbooks/index.js';
import type { Texts } from '../../domain/texts/index.js';
import { checklistBlockId, checklistItemValue } from '../button-values.js';
import { ACTION_ID } from '../ids.js';
import { button, context, header } from './elements.js';
import { drillPrefix, plainTitle, TITLE_MAX } from './incident-format.js';
import { clip, LIMITS, safe } from './mrkdwn.js';
import { richDate, richEmoji, richLines, richLink, richSentence, richText, richUser } from './rich-text.js';

/**
 * Two blocks an item (its text with what is known about it, its buttons): 20 items and a header
 * and context keep a message within Slack's 50 blocks (42).
 */
export const CHECKLIST_ITEMS_PER_MESSAGE = 20;

export interface ChecklistView {
  incident: Pick<Incident, 'id' | 'title' | 'isDrill'>;
  runbook: AttachedRunbook;
  /** The channel's language (BOT_LOCALE), or the reader's for a checklist shown only to them. */
  texts: Texts;
}

const STATE_EMOJI = { open: 'white_large_square', assigned: 'bust_in_silhouette', done: 'white_check_mark', skipped: 'fast_forward' } as const;

/**
 * One item as one rich_text block, every text in it shown and copied as written: its state and
 * its text (bold while open, struck through once closed), then on the lines below what is known
 * about it.
 */
export function itemBlock(runbook: AttachedRunbook, item: ChecklistItem, texts: Texts): RichTextBlock {
  const title = [richEmoji(STATE_EMOJI[item.state]), richText(' '), richText(clip(item.text, 500), isOpen(item) ? { bold: true } : { strike: true })];
  return { type: 'rich_text', elements: [{ type: 'rich_text_section', elements: richLines([title, ...itemDetails(runbook, item, texts)]) }] };
}

/**
 * What is known about one item, a line each: who, when, why, its role and due time; its link; its
 * warning. People are mentions and times are shown in each reader's zone; the sentences are the
 * catalog's.
 */
export function itemDetails(runbook: AttachedRunbook, item: ChecklistItem, texts: Texts): RichTextElement[][] {
  const t = texts.checklists;
  const lines: RichTextElement[][] = [];
  const about: RichTextElement[][] = [];
  if (item.state === 'assigned' && item.assigneeId) about.push(richSentence(t.assignedTo, richUser(item.assigneeId)));
  if (item.state === 'done' && item.closedBy && item.closedAt) about.push(richSentence(t.doneBy, richUser(item.closedBy), richDate(item.closedAt)));
  if (item.state === 'skipped' && item.closedBy) about.push(richSentence(t.skippedBy, richUser(item.closedBy), richText(clip(item.reason ?? '', 300), { italic: true })));
  if (isOpen(item) && item.role && !item.assigneeId) about.push([richText(t.forRole(texts.terms.role[item.role]))]);
  const due = itemDueAt(runbook, item);
  if (isOpen(item) && due) about.push(richSentence(t.due, richDate(due, '{time}')));
  if (about.length > 0) lines.push(about.flatMap((part, i) => (i === 0 ? part : [richText(' · '), ...part])));
  const link = richLink(item.link, t.runbookLink);
  if (link) lines.push([richEmoji('link'), richText(' '), link]);
  if (item.warn) lines.push([richEmoji('warning'), richText(' '), richText(clip(item.warn, 500))]);
  return lines;
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
    for (const item of items) blocks.push(itemBlock(runbook, item, texts), itemActions(runbook, item, texts));
    parts.push({ text: clip(title, LIMITS.fallbackText), blocks });
  }
  return parts;
}
