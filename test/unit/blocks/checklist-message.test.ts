import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { AttachedRunbook, ChecklistItem } from '../../../src/domain/runbooks/index.js';
import { checklistMessages, itemDetails } from '../../../src/slack/blocks/checklist-message.js';
import { section } from '../../../src/slack/blocks/elements.js';
import { en, textsFor, type Texts } from '../../../src/domain/texts/index.js';

const item = (over: Partial<ChecklistItem>): ChecklistItem => ({
  id: 'pause-rollout', text: 'Pause the rollout', state: 'open', assigneeId: null, closedBy: null, closedAt: null, reason: null, ...over,
});
const runbook = (items: ChecklistItem[]): AttachedRunbook => ({
  id: 1, incidentId: 1, runbookId: 'deploy-rollback', title: 'Roll back a bad deploy', attachedAt: DateTime.fromISO('2026-12-07T10:00:00Z'), items,
});

/** Each piece of an item's rich-text line as Slack shows it: its text and its style. */
function shownItems(items: ChecklistItem[], texts: Texts): { text: string; style?: object }[][] {
  const [message] = checklistMessages({ incident: { id: 7, title: 'Checkout down', isDrill: false }, runbook: runbook(items), texts });
  return message!.blocks.flatMap((block) => (block.type === 'rich_text' ? block.elements : [])).map((line) =>
    line.type === 'rich_text_section' ? line.elements.flatMap((e) => (e.type === 'text' ? [{ text: e.text, ...(e.style ? { style: e.style } : {}) }] : [])) : []);
}

describe('a checklist item as the channel shows it', () => {
  it.each([['English', en], ['Korean', textsFor('ko')]] as const)('shows text with `*`, `_`, `~` and backticks literally, bold while open and struck through once done (%s)', (_language, texts) => {
    const text = 'Run `kubectl rollout undo` on *all* pods_v2 ~now~ & <b>';
    const open = item({ id: 'open', text });
    const done = item({ id: 'done', text, state: 'done', closedBy: 'UB', closedAt: DateTime.fromISO('2026-12-07T10:05:00Z') });
    expect(shownItems([open, done], texts)).toEqual([
      [{ text: ' ' }, { text, style: { bold: true } }],
      [{ text: ' ' }, { text, style: { strike: true } }],
    ]);
  });


  it('links its runbook with the URL escaped, and drops a link that is not http(s)', () => {
    const linked = item({ link: 'https://runbooks.example.com/deploy?a=1&b=2' });
    expect(itemDetails(runbook([linked]), linked, en)).toContain('<https://runbooks.example.com/deploy?a=1&amp;b=2|:link: Runbook link>');
    const hostile = item({ link: 'javascript:alert(1)' });
    expect(itemDetails(runbook([hostile]), hostile, en)).not.toContain('javascript');
  });

  it('keeps the link whole when the longest text and warning fill the section', () => {
    const long = item({ text: 'x'.repeat(5000), warn: 'w'.repeat(5000), link: `https://runbooks.example.com/${'p'.repeat(1950)}` });
    const shown = section(itemDetails(runbook([long]), long, en)).text!.text;
    expect(shown.length).toBeLessThanOrEqual(3000);
    expect(shown).toContain(`${'p'.repeat(1950)}|:link: Runbook link>`);
  });
});
