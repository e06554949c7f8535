import type { KnownBlock, RichTextElement } from '@slack/types';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { AttachedRunbook, ChecklistItem } from '../../../src/domain/runbooks/index.js';
import { checklistMessages, CHECKLIST_ITEMS_PER_MESSAGE } from '../../../src/slack/blocks/checklist-message.js';
import { en, textsFor, type Texts } from '../../../src/domain/texts/index.js';
import { expectMessageLimits } from './slack-checks.js';

const ko = textsFor('ko');
const T = DateTime.fromISO('2026-12-07T10:05:00Z');
const item = (over: Partial<ChecklistItem>): ChecklistItem => ({
  id: 'pause-rollout', text: 'Pause the rollout', state: 'open', assigneeId: null, closedBy: null, closedAt: null, reason: null, ...over,
});
const runbook = (items: ChecklistItem[]): AttachedRunbook => ({
  id: 1, incidentId: 1, runbookId: 'deploy-rollback', title: 'Roll back a bad deploy', attachedAt: DateTime.fromISO('2026-12-07T10:00:00Z'), items,
});
const messages = (items: ChecklistItem[], texts: Texts) => checklistMessages({ incident: { id: 7, title: 'Checkout down', isDrill: false }, runbook: runbook(items), texts });

/** Each item's rich_text block as its elements, one list an item. */
function shownItems(items: ChecklistItem[], texts: Texts): RichTextElement[][] {
  return messages(items, texts)[0]!.blocks.flatMap((block) =>
    block.type === 'rich_text' ? block.elements.map((e) => (e.type === 'rich_text_section' ? e.elements : [])) : []);
}

/** Every mrkdwn text in the blocks. */
function mrkdwnIn(blocks: KnownBlock[]): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o['type'] === 'mrkdwn' && typeof o['text'] === 'string') out.push(o['text']);
      Object.values(o).forEach(walk);
    }
  };
  walk(blocks);
  return out;
}

const HOSTILE = 'Run `kubectl rollout undo` on *all* pods_v2 ~now~ & <b>';

describe('a checklist item as the channel shows it', () => {
  it.each([['English', en], ['Korean', ko]] as const)('shows `*`, `_`, `~` and backticks in its text, warning and skip reason literally (%s)', (_language, texts) => {
    const open = item({ id: 'open', text: HOSTILE, warn: `${HOSTILE} warn` });
    const skipped = item({ id: 'skipped', text: HOSTILE, state: 'skipped', closedBy: 'U_BOB', closedAt: T, reason: `${HOSTILE} why` });
    const [shownOpen, shownSkipped] = shownItems([open, skipped], texts);
    expect(shownOpen).toContainEqual({ type: 'text', text: HOSTILE, style: { bold: true } });
    expect(shownOpen).toContainEqual({ type: 'text', text: `${HOSTILE} warn` });
    expect(shownSkipped).toContainEqual({ type: 'text', text: HOSTILE, style: { strike: true } });
    expect(shownSkipped).toContainEqual({ type: 'text', text: `${HOSTILE} why`, style: { italic: true } });
    const mrkdwn = mrkdwnIn(messages([open, skipped], texts)[0]!.blocks).join('\n');
    for (const piece of ['kubectl', 'pods_v2', '*all*', '~now~']) expect(mrkdwn).not.toContain(piece);
  });

  it('says who, when and why with mentions and times in the reader\'s zone, in the catalog\'s words', () => {
    const [assigned, done, skipped, forRole] = shownItems([
      item({ id: 'a', state: 'assigned', assigneeId: 'U_CAROL' }),
      item({ id: 'd', state: 'done', closedBy: 'U_BOB', closedAt: T }),
      item({ id: 's', state: 'skipped', closedBy: 'U_BOB', closedAt: T, reason: 'No rollout' }),
      item({ id: 'r', role: 'commander', dueAfterSeconds: 600 }),
    ], en);
    const line2 = (elements: RichTextElement[]) => elements.slice(elements.findIndex((e) => e.type === 'text' && e.text === '\n') + 1);
    expect(assigned!.slice(0, 3)).toEqual([{ type: 'emoji', name: 'bust_in_silhouette' }, { type: 'text', text: ' ' }, { type: 'text', text: 'Pause the rollout', style: { bold: true } }]);
    expect(line2(assigned!)).toEqual([{ type: 'text', text: 'assigned to ' }, { type: 'user', user_id: 'U_CAROL' }]);
    expect(line2(done!)).toEqual([
      { type: 'text', text: 'done by ' }, { type: 'user', user_id: 'U_BOB' }, { type: 'text', text: ' ' },
      { type: 'date', timestamp: T.toSeconds(), format: '{date_short_pretty} {time}', fallback: '2026-12-07 10:05 UTC' },
    ]);
    expect(line2(skipped!)).toEqual([
      { type: 'text', text: 'skipped by ' }, { type: 'user', user_id: 'U_BOB' }, { type: 'text', text: ': ' }, { type: 'text', text: 'No rollout', style: { italic: true } },
    ]);
    expect(line2(forRole!)).toEqual([
      { type: 'text', text: 'for the commander' }, { type: 'text', text: ' · ' }, { type: 'text', text: 'due ' },
      { type: 'date', timestamp: DateTime.fromISO('2026-12-07T10:10:00Z').toSeconds(), format: '{time}', fallback: '2026-12-07 10:10 UTC' },
    ]);
  });

  it('says the details in Korean with none of the English sentences', () => {
    const items = [
      item({ id: 'a', text: '롤아웃을 멈춥니다', state: 'assigned', assigneeId: 'U_CAROL' }),
      item({ id: 'd', text: '롤아웃을 멈춥니다', state: 'done', closedBy: 'U_BOB', closedAt: T }),
      item({ id: 's', text: '롤아웃을 멈춥니다', state: 'skipped', closedBy: 'U_BOB', closedAt: T, reason: '해당 없음' }),
      item({ id: 'r', text: '롤아웃을 멈춥니다', role: 'comms', dueAfterSeconds: 600, link: 'https://runbooks.example.com/a', warn: '쓰기 트래픽 주의' }),
    ];
    const korean = JSON.stringify(shownItems(items, ko));
    const t = en.checklists;
    const english = [t.assignedTo(''), t.doneBy('', ''), t.skippedBy('', ''), t.forRole('commander'), t.forRole(''), t.due(''), t.runbookLink]
      .flatMap((s) => s.split(/[:]/)).map((s) => s.trim()).filter((s) => s.length > 2);
    expect(english).toEqual(expect.arrayContaining(['assigned to', 'done by', 'skipped by', 'for the commander', 'due', 'Runbook link']));
    for (const sentence of english) expect(korean).not.toContain(sentence);
    expect(korean).toContain('"text":"담당: "');
    expect(korean).toContain('"text":"님이 건너뜀: "');
    expect(korean).toContain('{"type":"link","url":"https://runbooks.example.com/a","text":"런북 링크"}');
  });

  it('links its runbook (http(s) only) and shows its warning last, clipped', () => {
    const [linked, hostile] = shownItems([
      item({ id: 'l', link: 'https://runbooks.example.com/deploy?a=1&b=2', warn: 'w'.repeat(5000), text: 'x'.repeat(5000) }),
      item({ id: 'h', link: 'javascript:alert(1)' }),
    ], en);
    expect(linked!.slice(-8)).toEqual([
      { type: 'text', text: '\n' }, { type: 'emoji', name: 'link' }, { type: 'text', text: ' ' }, { type: 'link', url: 'https://runbooks.example.com/deploy?a=1&b=2', text: 'Runbook link' },
      { type: 'text', text: '\n' }, { type: 'emoji', name: 'warning' }, { type: 'text', text: ' ' }, { type: 'text', text: `${'w'.repeat(499)}…` },
    ]);
    expect(linked).toContainEqual({ type: 'link', url: 'https://runbooks.example.com/deploy?a=1&b=2', text: 'Runbook link' });
    const texts = linked!.flatMap((e) => (e.type === 'text' ? [e.text] : []));
    expect(texts).toContain(`${'x'.repeat(499)}…`);
    expect(JSON.stringify(hostile)).not.toContain('javascript');
    expect(hostile!.some((e) => e.type === 'link')).toBe(false);
  });
});

describe('a checklist split into messages', () => {
  it('puts 20 items, two blocks each, in a message: a 50-item runbook is 3 messages of at most 42 blocks', () => {
    expect(CHECKLIST_ITEMS_PER_MESSAGE).toBe(20);
    const items = Array.from({ length: 50 }, (_, i) => item({
      id: `s${i}`, text: `Step ${i}`, warn: 'careful', link: 'https://runbooks.example.com/x', role: 'comms', dueAfterSeconds: 60,
      ...(i % 2 ? { state: 'skipped' as const, closedBy: 'U_BOB', closedAt: T, reason: 'n/a' } : {}),
    }));
    const parts = messages(items, en);
    expect(parts).toHaveLength(3);
    expect(parts.map((p) => p.blocks.length)).toEqual([42, 42, 22]);
    for (const part of parts) {
      expectMessageLimits(part);
      expect(part.blocks.slice(2).map((b) => b.type)).toEqual(part.blocks.slice(2).map((_, i) => (i % 2 ? 'actions' : 'rich_text')));
    }
    expect(parts.map((p) => p.text)).toEqual(['Checklist: Roll back a bad deploy (1/3)', 'Checklist: Roll back a bad deploy (2/3)', 'Checklist: Roll back a bad deploy (3/3)']);
  });
});
