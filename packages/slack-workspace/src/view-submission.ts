import { text } from './api-types.js';
import { isObject } from './element-validation.js';
import type { SandboxStore } from './store.js';

export type SubmittedValue = string | string[];
export type SubmittedValues = Record<string, Record<string, SubmittedValue>>;

type Block = Record<string, unknown>;
type Option = { text: unknown; value: string };

function optionsOf(element: Block): Option[] {
  const groups = Array.isArray(element['option_groups']) ? (element['option_groups'] as Block[]) : [];
  const direct = Array.isArray(element['options']) ? (element['options'] as Option[]) : [];
  return [...direct, ...groups.flatMap((g) => (Array.isArray(g['options']) ? (g['options'] as Option[]) : []))];
}

function pickOption(element: Block, value: string, where: string): Option {
  const option = optionsOf(element).find((o) => o.value === value);
  if (!option) throw new Error(`sandbox: ${where} has no option with value ${JSON.stringify(value)}`);
  return { text: option.text, value: option.value };
}

/** Finds the interactive element for block_id/action_id among a view's blocks. */
export function findInputElement(blocks: unknown[], blockId: string, actionId: string): Block | undefined {
  for (const block of blocks) {
    if (!isObject(block) || block['block_id'] !== blockId) continue;
    const candidates: unknown[] = [block['element'], block['accessory'], ...(Array.isArray(block['elements']) ? (block['elements'] as unknown[]) : [])];
    const found = candidates.find((e) => isObject(e) && e['action_id'] === actionId);
    if (found) return found as Block;
  }
  return undefined;
}

/** One element's entry in `view.state.values`, shaped as Slack sends it. */
export function stateValue(element: Block, value: SubmittedValue, where: string): Record<string, unknown> {
  const type = String(element['type']);
  const one = (v: SubmittedValue) => (Array.isArray(v) ? (v[0] ?? '') : v);
  const many = (v: SubmittedValue) => (Array.isArray(v) ? v : [v]);
  switch (type) {
    case 'plain_text_input':
    case 'number_input':
    case 'email_text_input':
    case 'url_text_input':
      return { type, value: one(value) };
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
    case 'overflow':
      return { type, selected_option: pickOption(element, one(value), where) };
    case 'multi_static_select':
    case 'multi_external_select':
    case 'checkboxes':
      return { type, selected_options: many(value).map((v) => pickOption(element, v, where)) };
    case 'users_select':
      return { type, selected_user: one(value) };
    case 'multi_users_select':
      return { type, selected_users: many(value) };
    case 'conversations_select':
      return { type, selected_conversation: one(value) };
    case 'channels_select':
      return { type, selected_channel: one(value) };
    case 'multi_conversations_select':
      return { type, selected_conversations: many(value) };
    case 'multi_channels_select':
      return { type, selected_channels: many(value) };
    case 'datepicker':
      return { type, selected_date: one(value) };
    case 'timepicker':
      return { type, selected_time: one(value) };
    case 'datetimepicker':
      return { type, selected_date_time: Number(one(value)) };
    default:
      throw new Error(`sandbox: ${where} is a ${type}, which submitView cannot fill`);
  }
}

/**
 * An external select has no options of its own: the person picks from what the app last answered
 * a `block_suggestion` with, or keeps its `initial_option`.
 */
export function withSuggested(element: Block, suggested: Option[] | undefined): Block {
  const type = element['type'];
  if (type !== 'external_select' && type !== 'multi_external_select') return element;
  const initials: unknown[] = Array.isArray(element['initial_options']) ? element['initial_options'] : [];
  const initial = [element['initial_option'], ...initials]
    .filter((o): o is Option => isObject(o) && typeof o['value'] === 'string');
  return { ...element, options: [...(suggested ?? []), ...initial] };
}

/**
 * Builds `state.values` for every input in the view: given values are filled in, the rest are
 * submitted empty the way Slack does (value null, no selection).
 */
export function buildStateValues(
  store: SandboxStore, blocks: unknown[], values: SubmittedValues, suggested: Record<string, Option[]> = {},
): Record<string, Record<string, unknown>> {
  const state: Record<string, Record<string, unknown>> = {};
  for (const [blockId, actions] of Object.entries(values)) {
    for (const [actionId, value] of Object.entries(actions)) {
      const where = `block ${blockId} / action ${actionId}`;
      const element = findInputElement(blocks, blockId, actionId);
      if (!element) throw new Error(`sandbox: the view has no input ${where}`);
      if (element['type'] === 'users_select' && !store.users.has(String(value))) throw new Error(`sandbox: unknown user ${String(value)}`);
      (state[blockId] ??= {})[actionId] = stateValue(withSuggested(element, suggested[actionId]), value, where);
    }
  }
  for (const block of blocks) {
    if (!isObject(block) || block['type'] !== 'input' || !isObject(block['element'])) continue;
    const blockId = text(block['block_id']);
    const actionId = text(block['element']['action_id']);
    if (state[blockId]?.[actionId]) continue;
    const type = String(block['element']['type']);
    const empty = type === 'checkboxes' || type.startsWith('multi_') ? { type, selected_options: [] } : type.includes('input') ? { type, value: null } : { type };
    (state[blockId] ??= {})[actionId] = empty;
  }
  return state;
}
