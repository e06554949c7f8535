import type { ModalView } from '@slack/types';
import { plain, section } from './elements.js';

/**
 * The modal while a submission is still being saved, and then with its outcome: shown in place of
 * the form, so the person never sees a failure for something that was saved, or the reverse.
 */
export function progressModal(input: { title: string; text: string }): ModalView {
  return {
    type: 'modal',
    title: plain(input.title, 24),
    close: plain('Close'),
    blocks: [section(input.text)],
  };
}
