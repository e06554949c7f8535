import type { ModalView } from '@slack/types';
import type { ChecklistItem } from '../../domain/runbooks/index.js';
import type { Texts } from '../../domain/texts/index.js';
import { checklistItemFromValue, checklistItemValue } from '../button-values.js';
import { CALLBACK_ID, CHECKLIST_SKIP_INPUT } from '../ids.js';
import { input, modalLabel, textInput } from './elements.js';
import { clip } from './mrkdwn.js';
import { styledTextBlock } from './typed-text.js';
import { formTexts, textValue, type ParseResult, type SubmittedView } from './view-state.js';

export const SKIP_REASON_MAX = 500;

/** Skip… in the reader's language: the step, and why (required: a skipped step keeps its record). */
export function checklistSkipModal(attachmentId: number, item: Pick<ChecklistItem, 'id' | 'text'>, texts: Texts): ModalView {
  const t = texts.forms.checklistSkip;
  return {
    type: 'modal',
    callback_id: CALLBACK_ID.checklistSkip,
    private_metadata: JSON.stringify({ item: checklistItemValue(attachmentId, item.id), locale: texts.locale }),
    title: modalLabel(t.title),
    submit: modalLabel(t.submit),
    close: modalLabel(texts.forms.cancel),
    blocks: [
      styledTextBlock(clip(item.text, 500), { bold: true }),
      input(CHECKLIST_SKIP_INPUT.reason, t.reasonLabel, textInput(CHECKLIST_SKIP_INPUT.reason, { multiline: true, maxLength: SKIP_REASON_MAX })),
    ],
  };
}

/** The step a form is about: `{ item, locale }`, or the bare item of a form opened before forms kept their language. */
function itemOf(metadata: string | undefined): ReturnType<typeof checklistItemFromValue> {
  try {
    const parsed: unknown = JSON.parse(metadata ?? '');
    const item = typeof parsed === 'object' && parsed !== null ? (parsed as { item?: unknown }).item : undefined;
    return typeof item === 'string' ? checklistItemFromValue(item) : undefined;
  } catch {
    return checklistItemFromValue(metadata);
  }
}

export function parseChecklistSkipView(view: SubmittedView): ParseResult<{ attachmentId: number; itemId: string; reason: string }> {
  const t = formTexts(view.private_metadata).forms.checklistSkip;
  const item = itemOf(view.private_metadata);
  const reason = textValue(view.state.values, CHECKLIST_SKIP_INPUT.reason);
  if (!item) return { ok: false, errors: { [CHECKLIST_SKIP_INPUT.reason.block]: t.gone } };
  if (!reason) return { ok: false, errors: { [CHECKLIST_SKIP_INPUT.reason.block]: t.reasonMissing } };
  return { ok: true, value: { ...item, reason: reason.slice(0, SKIP_REASON_MAX) } };
}
