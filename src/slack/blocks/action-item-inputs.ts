import type { InputBlock, PlainTextOption } from '@slack/types';
import { DateTime } from 'luxon';
import type { NewActionItem } from '../../domain/action-item.js';
import type { Horizon } from '../../domain/timeline.js';
import { actionItemInput } from '../ids.js';
import { input, option, plain, textInput } from './elements.js';
import { type FieldErrors, selectedOption, selectedUser, textValue, type ViewStateValues } from './view-state.js';

export const ACTION_ITEM_TITLE_MAX = 300;

/** Horizon choices; "Immediate — done" records an item that was already carried out. */
const HORIZON_CHOICES: Record<string, { horizon: Horizon; done: boolean; option: PlainTextOption }> = {
  immediate_done: { horizon: 'immediate', done: true, option: option('Immediate — already done', 'immediate_done') },
  immediate: { horizon: 'immediate', done: false, option: option('Immediate', 'immediate') },
  short_term: { horizon: 'short_term', done: false, option: option('Short-term (weeks)', 'short_term') },
  long_term: { horizon: 'long_term', done: false, option: option('Long-term (months)', 'long_term') },
};
const DEFAULT_CHOICE = 'short_term';

/**
 * `rows` optional action-item rows: title, owner, horizon (preselected short-term) and due date.
 * A row counts only when its title is filled in; four inputs per row.
 */
export function actionItemRows(rows: number, firstLabel = 'Action item'): InputBlock[] {
  const blocks: InputBlock[] = [];
  for (let row = 0; row < rows; row += 1) {
    const n = row + 1;
    blocks.push(
      input(actionItemInput(row, 'title'), `${firstLabel} ${n}`, textInput(actionItemInput(row, 'title'), {
        maxLength: ACTION_ITEM_TITLE_MAX,
        placeholder: row === 0 ? 'Set statement_timeout on every database connection' : 'What will be done',
      }), { optional: true, ...(row === 0 ? { hint: 'Leave the rows you do not need empty.' } : {}) }),
      input(actionItemInput(row, 'owner'), `Owner of item ${n}`, {
        type: 'users_select',
        action_id: actionItemInput(row, 'owner').action,
        placeholder: plain('Who owns it'),
      }, { optional: true }),
      input(actionItemInput(row, 'horizon'), `When (item ${n})`, {
        type: 'static_select',
        action_id: actionItemInput(row, 'horizon').action,
        options: Object.values(HORIZON_CHOICES).map((c) => c.option),
        initial_option: HORIZON_CHOICES[DEFAULT_CHOICE]!.option,
      }, { optional: true }),
      input(actionItemInput(row, 'due'), `Due date of item ${n}`, {
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
 * The filled-in rows as action items, or field errors keyed by block id. `today` (an ISO date in
 * the submitter's zone or UTC) rejects due dates already past for items not yet done.
 */
export function parseActionItemRows(
  values: ViewStateValues,
  rows: number,
  today?: string,
): { items: NewActionItem[]; errors: FieldErrors } {
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
      if (ownerId || dueDate) errors[titleBlock] = 'Give this action item a title, or clear its owner and due date.';
      continue;
    }
    if (title.length > ACTION_ITEM_TITLE_MAX) {
      errors[titleBlock] = `Keep the title to ${ACTION_ITEM_TITLE_MAX} characters or fewer.`;
      continue;
    }
    if (!choice) {
      errors[actionItemInput(row, 'horizon').block] = 'Pick immediate, short-term or long-term.';
      continue;
    }
    if (dueDate !== null) {
      const due = DateTime.fromISO(dueDate, { zone: 'utc' });
      if (!due.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) {
        errors[actionItemInput(row, 'due').block] = 'Pick the due date from the calendar.';
        continue;
      }
      if (!choice.done && today && dueDate < today) {
        errors[actionItemInput(row, 'due').block] = 'That date has passed; pick a future due date, or mark the item "already done".';
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
