import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { AttachedRunbook, ChecklistItem } from '../../../src/domain/runbooks/index.js';
import { itemLine } from '../../../src/slack/blocks/checklist-message.js';
import { section } from '../../../src/slack/blocks/elements.js';
import { en } from '../../../src/domain/texts/index.js';

const item = (over: Partial<ChecklistItem>): ChecklistItem => ({
  id: 'pause-rollout', text: 'Pause the rollout', state: 'open', assigneeId: null, closedBy: null, closedAt: null, reason: null, ...over,
});
const runbook = (items: ChecklistItem[]): AttachedRunbook => ({
  id: 1, incidentId: 1, runbookId: 'deploy-rollback', title: 'Roll back a bad deploy', attachedAt: DateTime.fromISO('2026-12-07T10:00:00Z'), items,
});

describe('a checklist item as the channel shows it', () => {
  it('links its runbook with the URL escaped, and drops a link that is not http(s)', () => {
    const linked = item({ link: 'https://runbooks.example.com/deploy?a=1&b=2' });
    expect(itemLine(runbook([linked]), linked, en)).toContain('<https://runbooks.example.com/deploy?a=1&amp;b=2|:link: Runbook link>');
    const hostile = item({ link: 'javascript:alert(1)' });
    expect(itemLine(runbook([hostile]), hostile, en)).not.toContain('javascript');
  });

  it('keeps the link whole when the longest text and warning fill the section', () => {
    const long = item({ text: 'x'.repeat(5000), warn: 'w'.repeat(5000), link: `https://runbooks.example.com/${'p'.repeat(1950)}` });
    const shown = section(itemLine(runbook([long]), long, en)).text!.text;
    expect(shown.length).toBeLessThanOrEqual(3000);
    expect(shown).toContain(`${'p'.repeat(1950)}|:link: Runbook link>`);
  });
});
