import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../../../src/domain/timeline.js';
import { en, textsFor } from '../../../src/domain/texts/index.js';
import { followupDueMessage, followupList } from '../../../src/slack/blocks/followup-list.js';
import { ACTION_ID } from '../../../src/slack/ids.js';
import { englishLeftIn } from '../../helpers/catalog.js';
import { visibleText } from '../../helpers/flows.js';
import { T0 } from './fixtures.js';
import { expectMessageLimits, expectShownAsWritten, MARKUP } from './slack-checks.js';

const ko = textsFor('ko');
const incident = { id: 7, title: 'Checkout down', isDrill: false };
const item = (id: number, over: Partial<ActionItem> = {}): ActionItem => ({
  id, incidentId: 7, title: `Item ${id}`, ownerId: 'U_BOB', horizon: 'short_term', dueDate: '2024-11-28', done: false, createdAt: T0, ...over,
});
const doneButtons = (blocks: unknown[]) => JSON.stringify(blocks).split(ACTION_ID.followupDone).length - 1;

describe('the follow-ups list', () => {
  it('shows each item, bold while open and struck through once done, its owner, due date and horizon, and Done for open ones', () => {
    const list = followupList({ incident, items: [item(1, { done: true }), item(2, { ownerId: null, dueDate: null, horizon: 'long_term' })] }, en);
    expect(visibleText(list)).toContain(':white_large_square: Item 2\nno owner · no due date · Long-term\n');
    expect(visibleText(list)).toContain(':white_check_mark: Item 1\n<@U_BOB> · due 2024-11-28 · Short-term\n');
    expect(JSON.stringify(list.blocks)).toContain('{"type":"text","text":"Item 2","style":{"bold":true}}');
    expect(JSON.stringify(list.blocks)).toContain('{"type":"text","text":"Item 1","style":{"strike":true}}');
    expect(JSON.stringify(list.blocks)).toContain('{"type":"text","text":"no owner","style":{"italic":true}}');
    expect(doneButtons(list.blocks)).toBe(1);
  });

  it.each([['English', en], ['Korean', ko]] as const)('shows `*`, `_`, `~` and backticks in titles as written (%s)', (_language, texts) => {
    const list = followupList({ incident, items: [item(1, { title: MARKUP }), item(2, { title: MARKUP, done: true })] }, texts);
    expectShownAsWritten(list.blocks, MARKUP, { bold: true });
    expectShownAsWritten(list.blocks, MARKUP, { strike: true });
    const due = followupDueMessage({ incident, item: item(1, { title: MARKUP }) }, texts);
    expectShownAsWritten(due.blocks, MARKUP, { bold: true });
    expect(doneButtons(due.blocks)).toBe(1);
    const done = followupDueMessage({ incident, item: item(1, { title: MARKUP, done: true }) }, texts);
    expectShownAsWritten(done.blocks, MARKUP, { strike: true });
    expect(doneButtons(done.blocks)).toBe(0);
    for (const msg of [list, due, done]) {
      expectMessageLimits(msg);
      if (texts === ko) expect(englishLeftIn(JSON.stringify(msg.blocks), en)).toEqual([]);
    }
  });

  it('lists as many items as fit in 50 blocks, each open one with its Done button, and says how many more there are', () => {
    const open = Array.from({ length: 30 }, (_, i) => item(i + 1, { title: MARKUP.repeat(10) }));
    const onlyOpen = followupList({ incident, items: open }, ko);
    expectMessageLimits(onlyOpen);
    expect(doneButtons(onlyOpen.blocks)).toBe(24);
    expect(visibleText(onlyOpen)).toContain(ko.lists.followups.more(6));
    const done = Array.from({ length: 60 }, (_, i) => item(i + 100, { done: true }));
    const mixed = followupList({ incident, items: [...done, ...open.slice(0, 5)] }, en);
    expectMessageLimits(mixed);
    expect(doneButtons(mixed.blocks)).toBe(5);
    expect(mixed.blocks).toHaveLength(1 + 5 * 2 + 38 + 1);
    expect(visibleText(mixed)).toContain(en.lists.followups.more(65 - 43));
  });
});
