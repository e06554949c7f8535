import { describe, expect, it } from 'vitest';
import type { HomeData } from '../../../src/domain/home.js';
import type { ChecklistItem } from '../../../src/domain/runbooks/index.js';
import type { ActionItem } from '../../../src/domain/timeline.js';
import { en, textsFor, type Texts } from '../../../src/domain/texts/index.js';
import { appHome } from '../../../src/slack/blocks/app-home.js';
import { englishLeftIn } from '../../helpers/catalog.js';
import { visibleText } from '../../helpers/flows.js';
import { makeIncident, T0 } from './fixtures.js';
import { expectBlockLimits, expectShownAsWritten, MARKUP, richTextLeaves } from './slack-checks.js';

const ko = textsFor('ko');
const step = (text: string): ChecklistItem => ({ id: 'a', text, state: 'assigned', assigneeId: 'U_BOB', closedBy: null, closedAt: null, reason: null });

function home(checklistItems: HomeData['checklistItems'], texts: Texts, followUps: HomeData['followUps'] = []) {
  return appHome({ data: { userId: 'U_BOB', now: T0, open: [], moreOpen: 0, mine: [], followUps, recentlyResolved: [], checklistItems }, draftLinks: new Map(), texts });
}
const followUp = (id: number, title: string, dueDate: string | null): ActionItem => ({
  id, incidentId: 7, title, ownerId: 'U_BOB', horizon: 'short_term', dueDate, done: false, createdAt: T0,
});

describe('App Home: my checklist items', () => {
  it('lists each item, then its runbook, incident and channel', () => {
    const view = home([
      { incident: makeIncident({ id: 7, title: 'Checkout down', channelId: 'C7' }), runbookTitle: 'Roll back', item: step('Pause the rollout') },
      { incident: makeIncident({ id: 8, title: 'Drill', isDrill: true, channelId: null }), runbookTitle: 'Tasks', item: step('Tell support') },
    ], en);
    const text = visibleText({ text: '', blocks: view.blocks });
    expect(text).toContain('My checklist items\n• Pause the rollout\n   Roll back · INC-7 Checkout down · <#C7>\n• Tell support\n   Tasks · [DRILL] INC-8 Drill\n');
    expect(richTextLeaves(view.blocks)).toContainEqual({ type: 'text', text: 'INC-7', style: { bold: true } });
  });

  it.each([['English', en], ['Korean', ko]] as const)('shows `*`, `_`, `~` and backticks in items, runbooks and incident titles as written (%s)', (_language, texts) => {
    const view = home(Array.from({ length: 10 }, (_, i) => ({
      incident: makeIncident({ id: i + 1, title: `${MARKUP} ${'가'.repeat(300)}`, channelId: `C${i}` }), runbookTitle: MARKUP, item: step(MARKUP),
    })), texts);
    expectShownAsWritten(view.blocks, MARKUP);
    expect(richTextLeaves(view.blocks)).toContainEqual({ type: 'text', text: `   ${MARKUP} · ` });
    expect(richTextLeaves(view.blocks).filter((leaf) => leaf.text === MARKUP)).toHaveLength(10);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expectBlockLimits(view.blocks);
    if (texts === ko) expect(englishLeftIn(JSON.stringify(view), en)).toEqual([]);
  });
});

describe('App Home: follow-ups assigned to me', () => {
  it('lists each title, its due date (past due in bold) and its incident', () => {
    const view = home([], en, [
      { item: followUp(1, 'Add an alert', '2024-11-20'), incident: makeIncident({ id: 7 }) },
      { item: followUp(2, 'Write docs', null), incident: undefined },
    ]);
    expect(visibleText({ text: '', blocks: view.blocks })).toContain('Follow-ups assigned to you\n• Add an alert\ndue 2024-11-20 · :warning: past due · INC-7\n• Write docs\nno due date\n');
    expect(richTextLeaves(view.blocks)).toContainEqual({ type: 'text', text: 'past due', style: { bold: true } });
  });

  it.each([['English', en], ['Korean', ko]] as const)('shows `*`, `_`, `~` and backticks in a title as written (%s)', (_language, texts) => {
    const view = home([], texts, Array.from({ length: 10 }, (_, i) => ({ item: followUp(i, MARKUP, '2024-11-20'), incident: makeIncident({ id: i }) })));
    expectShownAsWritten(view.blocks, MARKUP);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expectBlockLimits(view.blocks);
    if (texts === ko) expect(englishLeftIn(JSON.stringify(view), en)).toEqual([]);
  });
});
