import type {
  ActionsBlock,
  Button,
  ContextBlock,
  HeaderBlock,
  InputBlock,
  InputBlockElement,
  PlainTextElement,
  PlainTextInput,
  PlainTextOption,
  SectionBlock,
} from '@slack/types';
import type { InputId } from '../ids.js';
import { clip, LIMITS } from './mrkdwn.js';

/** A plain_text object, clipped (plain text needs no escaping). */
export function plain(text: string, max: number = LIMITS.sectionText): PlainTextElement {
  return { type: 'plain_text', text: clip(text, max), emoji: true };
}

/** A section of mrkdwn that the caller has already escaped; clipped as a last guard. */
export function section(mrkdwn: string, blockId?: string): SectionBlock {
  return {
    type: 'section',
    ...(blockId ? { block_id: blockId } : {}),
    text: { type: 'mrkdwn', text: clip(mrkdwn, LIMITS.sectionText) },
  };
}

/** A section of up to 10 two-column fields (already escaped mrkdwn). */
export function fields(items: string[]): SectionBlock {
  return {
    type: 'section',
    fields: items
      .slice(0, LIMITS.sectionFields)
      .map((text) => ({ type: 'mrkdwn' as const, text: clip(text, LIMITS.sectionField) })),
  };
}

export function header(text: string): HeaderBlock {
  return { type: 'header', text: plain(text, LIMITS.header) };
}

export function context(mrkdwn: string): ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: clip(mrkdwn, LIMITS.contextText) }] };
}

export function button(
  text: string,
  actionId: string,
  value: string,
  style?: 'primary' | 'danger',
): Button {
  return {
    type: 'button',
    text: plain(text, LIMITS.buttonText),
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}

export function actions(elements: Button[], blockId?: string): ActionsBlock {
  return { type: 'actions', ...(blockId ? { block_id: blockId } : {}), elements };
}

export function option(text: string, value: string, description?: string): PlainTextOption {
  return {
    text: plain(text, LIMITS.optionText),
    value,
    ...(description ? { description: plain(description, LIMITS.optionDescription) } : {}),
  };
}

export interface InputOptions {
  hint?: string;
  optional?: boolean;
}

export function input(
  id: InputId,
  label: string,
  element: InputBlockElement,
  opts: InputOptions = {},
): InputBlock {
  return {
    type: 'input',
    block_id: id.block,
    label: plain(label, LIMITS.inputLabel),
    element,
    ...(opts.hint ? { hint: plain(opts.hint, LIMITS.inputHint) } : {}),
    ...(opts.optional ? { optional: true } : {}),
  };
}

export interface TextInputOptions {
  multiline?: boolean;
  maxLength?: number;
  initial?: string | undefined;
  placeholder?: string;
}

export function textInput(id: InputId, opts: TextInputOptions = {}): PlainTextInput {
  const max = opts.maxLength ?? LIMITS.plainTextInput;
  return {
    type: 'plain_text_input',
    action_id: id.action,
    max_length: max,
    ...(opts.multiline ? { multiline: true } : {}),
    ...(opts.initial ? { initial_value: clip(opts.initial, max) } : {}),
    ...(opts.placeholder ? { placeholder: plain(opts.placeholder, LIMITS.placeholder) } : {}),
  };
}

/** Modal title / submit / close text, clipped to 24. */
export function modalLabel(text: string): PlainTextElement {
  return plain(text, LIMITS.modalTitle);
}
