// The message box: sends text or slash commands, and completes the app's slash command and its subcommands.
import { escapeHtml as esc } from './mrkdwn.js';

export function suggestionsFor(text, hints) {
  const typingCommand = /^\/(\S*)$/.exec(text);
  if (typingCommand) {
    return hints.command.startsWith(text) ? [{ insert: `${hints.command} `, label: hints.command, does: hints.does }] : [];
  }
  const typingSub = new RegExp(`^${hints.command.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s+(\\S*)$`).exec(text);
  if (!typingSub) return [];
  const partial = typingSub[1].toLowerCase();
  return hints.subcommands
    .filter((s) => s.syntax.startsWith(partial))
    .map((s) => ({ insert: `${hints.command} ${s.syntax.split(' ')[0]} `, label: `${hints.command} ${s.syntax}`, does: s.does }));
}

export function setupComposer({ element, suggestions, hints, send }) {
  let items = [];
  let active = 0;
  const show = () => {
    items = suggestionsFor(element.value, hints());
    active = Math.min(active, Math.max(items.length - 1, 0));
    suggestions.hidden = items.length === 0;
    suggestions.innerHTML = items
      .map((s, i) => `<li class="suggestion${i === active ? ' active' : ''}" data-index="${i}"><b>${esc(s.label)}</b><span>${esc(s.does)}</span></li>`)
      .join('');
  };
  const complete = (i) => {
    const item = items[i];
    if (!item) return;
    element.value = item.insert;
    element.focus();
    show();
  };
  element.addEventListener('input', () => {
    active = 0;
    show();
  });
  element.addEventListener('keydown', (event) => {
    if (!suggestions.hidden && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      return show();
    }
    if (!suggestions.hidden && event.key === 'Tab') {
      event.preventDefault();
      return complete(active);
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      const text = element.value.trim();
      if (!text) return;
      element.value = '';
      show();
      void send(text);
    }
  });
  suggestions.addEventListener('mousedown', (event) => {
    const li = event.target.closest('[data-index]');
    if (!li) return;
    event.preventDefault();
    complete(Number(li.dataset.index));
  });
}
