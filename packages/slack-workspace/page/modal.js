// Modals: rendered from the view, values collected in the shape the workspace's submitView takes.
import { renderBlocks, unixFromLocal } from './blocks.js';
import { escapeHtml as esc, plainHtml } from './mrkdwn.js';

export const REQUIRED_MESSAGE = 'Please complete this required field.';

export function modalHtml(entry, ctx, depth) {
  const v = entry.view;
  const back = depth > 1 ? '<button type="button" class="modal-back" data-modal="close" aria-label="Back">←</button>' : '';
  return `<div class="modal" role="dialog" data-view-id="${esc(entry.id)}" data-callback-id="${esc(v.callback_id ?? '')}">
    <div class="modal-title">${back}<span>${plainHtml(v.title?.text)}</span><button type="button" class="modal-x" data-modal="close" aria-label="Close">×</button></div>
    <form class="modal-body" novalidate>${renderBlocks(v.blocks, ctx, 'modal', entry.errors)}</form>
    <div class="modal-footer">
      <button type="button" class="bk-button" data-modal="close">${plainHtml(v.close?.text ?? 'Cancel')}</button>
      ${v.submit ? `<button type="button" class="bk-button primary" data-modal="submit">${plainHtml(v.submit.text)}</button>` : ''}
    </div></div>`;
}

function valueOf(el) {
  const type = el.dataset.type;
  if (type === 'radio_buttons') return el.querySelector('input:checked')?.value ?? '';
  if (type === 'checkboxes') return [...el.querySelectorAll('input:checked')].map((i) => i.value);
  if (el.multiple) return [...el.selectedOptions].map((o) => o.value);
  if (type === 'datetimepicker') return el.value ? String(unixFromLocal(el.value, el.dataset.tz)) : '';
  return el.value;
}

const isEmpty = (v) => (Array.isArray(v) ? v.length === 0 : String(v).trim() === '');

/** Values by block_id / action_id, and the client-side required-field errors Slack shows before sending. */
export function collectValues(modalEl) {
  const values = {};
  const missing = {};
  for (const block of modalEl.querySelectorAll('[data-input-block]')) {
    const el = block.querySelector('[data-input]');
    if (!el) continue;
    const value = valueOf(el);
    const blockId = block.dataset.inputBlock;
    if (isEmpty(value)) {
      if (block.dataset.optional !== 'true') missing[blockId] = REQUIRED_MESSAGE;
      continue;
    }
    values[blockId] = { [el.dataset.actionId]: value };
  }
  return { values, missing };
}

/** Shows errors under their fields without re-rendering (what the person typed stays). */
export function showErrors(modalEl, errors) {
  for (const block of modalEl.querySelectorAll('[data-input-block]')) {
    const message = errors?.[block.dataset.inputBlock] ?? '';
    block.classList.toggle('has-error', message !== '');
    const slot = block.querySelector('.bk-error');
    if (slot) slot.textContent = message;
  }
}
