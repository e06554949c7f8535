import type { ModalView } from '@slack/types';
import type { ChecklistItem } from '../../domain/runbooks/index.js';
import { checklistItemFromValue, checklistItemValue } from '../button-values.js';
import { CALLBACK_ID, CHECKLIST_SKIP_INPUT } from '../ids.js';
import { input, modalLabel, section, textInput } from './elements.js';
import { safe } from './mrkdwn.js';
import { textValue, type ParseResult, type SubmittedView } from './view-state.js';

export const SKIP_REASON_MAX = 500;

/** Skip…: the step, and why (required: a skipped step keeps its record). */
export function checklistSkipModal(attachmentId: number, item: Pick<ChecklistItem, 'id' | 'text'>): ModalView {
  return {
    type: 'modal',
    callback_id: CALLBACK_ID.checklistSkip,
    private_metadata: checklistItemValue(attachmentId, item.id),
    title: modalLabel('Skip a step'),
    submit: modalLabel('Skip it'),
    close: modalLabel('Cancel'),
    blocks: [
      section(`*${safe(item.text, 500)}*`),
      input(CHECKLIST_SKIP_INPUT.reason, 'Why is it skipped?', textInput(CHECKLIST_SKIP_INPUT.reason, { multiline: true, maxLength: SKIP_REASON_MAX })),
    ],
  };
}

export function parseChecklistSkipView(view: SubmittedView): ParseResult<{ attachmentId: number; itemId: string; reason: string }> {
  const item = checklistItemFromValue(view.private_metadata);
  const reason = textValue(view.state.values, CHECKLIST_SKIP_INPUT.reason);
  if (!item) return { ok: false, errors: { [CHECKLIST_SKIP_INPUT.reason.block]: 'This form no longer matches a checklist step; close it and try again.' } };
  if (!reason) return { ok: false, errors: { [CHECKLIST_SKIP_INPUT.reason.block]: 'Say why the step is skipped.' } };
  return { ok: true, value: { ...item, reason: reason.slice(0, SKIP_REASON_MAX) } };
}
