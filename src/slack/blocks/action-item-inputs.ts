import type { InputBlock, PlainTextOption } from '@slack/types';
import { DateTime } from 'luxon';
import type { NewActionItem } from '../../domain/action-item.js';
import type { Horizon } from '../../domain/timeline.js';
import type { Texts } from '../../domain/texts/index.js';
import { actionItemInput } from '../ids.js';
import { input, option, plain, textInput } from './elements.js';
import { type FieldErrors, selectedOption, selectedUser, textValue, type ViewStateValues } from './view-state.js';

export const ACTION_ITEM_TITLE_MAX = 300;

type HorizonText = keyof Texts['forms']['actionItem']['horizon'];

/** Horizon choices; "Immediate — done" records an item that was already carried out. */
const HORIZON_CHOICES: Record<string, { horizon: Horizon; done: boolean; text: HorizonText }> = {
  immediate_done: { horizon: 'immediate', done: true, text: 'immediateDone' },
  immediate: { horizon: 'immediate', done: false, text: 'immediate' },
  short_term: { horizon: 'short_term', done: false, text: 'shortTerm' },
  long_term: { horizon: 'long_term', done: false, text: 'longTerm' },
};
const DEFAULT_CHOICE = 'short_term';

const horizonOption = (value: string, texts: Texts): PlainTextOption =>
  option(texts.forms.actionItem.horizon[HORIZON_CHOICES[value]!.text], value);

/**
 * `rows` optional action-item rows in the reader's language: title, owner, horizon (preselected
 * short-term) and due date. A row counts only when its title is filled in; four inputs per row.
 * `rowLabel`: the title's label for row n (an action item, or a follow-up).
 */
export function actionItemRows(rows: number, texts: Texts, rowLabel = texts.forms.actionItem.rowLabel): InputBlock[] {
  const t = texts.forms.actionItem;
  const blocks: InputBlock[] = [];
  for (let row = 0; row < rows; row += 1) {
    const n = row + 1;
    blocks.push(
      input(actionItemInput(row, 'title'), rowLabel(n), textInput(actionItemInput(row, 'title'), {
        maxLength: ACTION_ITEM_TITLE_MAX,
        placeholder: row === 0 ? t.firstPlaceholder : t.placeholder,
      }), { optional: true, ...(row === 0 ? { hint: t.rowsHint } : {}) }),
      input(actionItemInput(row, 'owner'), t.ownerLabel(n), {
        type: 'users_select',
        action_id: actionItemInput(row, 'owner').action,
        placeholder: plain(t.ownerPlaceholder),
      }, { optional: true }),
      input(actionItemInput(row, 'horizon'), t.horizonLabel(n), {
        type: 'static_select',
        action_id: actionItemInput(row, 'horizon').action,
        options: Object.keys(HORIZON_CHOICES).map((value) => horizonOption(value, texts)),
        initial_option: horizonOption(DEFAULT_CHOICE, texts),
      }, { optional: true }),
      input(actionItemInput(row, 'due'), t.dueLabel(n), {
        type: 'datepicker',
        action_id: actionItemInput(row, 'due').action,
      }, { optional: true }),
    );
  }
  return blocks;
}

function selectedDate(values: ViewStateValues, row: number): string | undefined {
  const id = actionItemInput(row, 'due');
  const date: unknown = Object.hasOwn(values, id.block) ? values[id.block]?.[id.action]?.selected_date : undefined;
  return typeof date === 'string' ? date : undefined;
}

/**
 * The filled-in rows as action items, or field errors (in the form's language) keyed by block id.
 * `today` (an ISO date in the submitter's zone or UTC) rejects due dates already past for items
 * not yet done.
 */
export function parseActionItemRows(
  values: ViewStateValues,
  rows: number,
  texts: Texts,
  today?: string,
): { items: NewActionItem[]; errors: FieldErrors } {
  const e = texts.forms.actionItem.errors;
  const items: NewActionItem[] = [];
  const errors: FieldErrors = {};
  for (let row = 0; row < rows; row += 1) {
    const title = textValue(values, actionItemInput(row, 'title'));
    const ownerId = selectedUser(values, actionItemInput(row, 'owner')) ?? null;
    const dueDate = selectedDate(values, row) ?? null;
    const picked = selectedOption(values, actionItemInput(row, 'horizon')) ?? DEFAULT_CHOICE;
    // Own keys only: `__proto__` or `toString` as a choice is no choice.
    const choice = Object.hasOwn(HORIZON_CHOICES, picked) ? HORIZON_CHOICES[picked] : undefined;
    const titleBlock = actionItemInput(row, 'title').block;
    if (!title) {
      if (ownerId || dueDate) errors[titleBlock] = e.titleMissing;
      continue;
    }
    if (title.length > ACTION_ITEM_TITLE_MAX) {
      errors[titleBlock] = e.titleTooLong(ACTION_ITEM_TITLE_MAX);
      continue;
    }
    if (!choice) {
      errors[actionItemInput(row, 'horizon').block] = e.horizonUnknown;
      continue;
    }
    if (dueDate !== null) {
      const due = DateTime.fromISO(dueDate, { zone: 'utc' });
      if (!due.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) {
        errors[actionItemInput(row, 'due').block] = e.dueInvalid;
        continue;
      }
      if (!choice.done && today && dueDate < today) {
        errors[actionItemInput(row, 'due').block] = e.duePassed;
        continue;
      }
    }
    items.push({ title, ownerId, horizon: choice.horizon, dueDate, done: choice.done });
  }
  return { items, errors };
}

/**
 * The earliest due date a submitter may pick: today in their zone when it is known, else today a
 * day behind UTC, so a submitter anywhere may pick their own today.
 */
export function earliestDueDate(now: DateTime, zone?: string): string {
  return zone ? now.setZone(zone).toISODate()! : now.toUTC().minus({ days: 1 }).toISODate()!;
}
