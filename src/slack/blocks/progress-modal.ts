import type { ModalView } from '@slack/types';
import type { Texts } from '../../domain/texts/index.js';
import { modalLabel, plain, section } from './elements.js';

/**
 * The modal while a submission is still being saved, and then with its outcome: shown in place of
 * the form, in its language, so the person never sees a failure for something that was saved, or
 * the reverse.
 */
export function progressModal(input: { title: string; text: string }, texts: Texts): ModalView {
  return {
    type: 'modal',
    title: plain(input.title, 24),
    close: modalLabel(texts.forms.close),
    blocks: [section(input.text)],
  };
}
