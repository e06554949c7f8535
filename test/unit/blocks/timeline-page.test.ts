import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { mayChangeEntry } from '../../../src/domain/policy.js';
import type { TimelineEvent } from '../../../src/domain/timeline.js';
import { en, textsFor } from '../../../src/domain/texts/index.js';
import { pageCount, TIMELINE_PAGE_SIZE, timelinePageMessage } from '../../../src/slack/blocks/timeline-page.js';

const incident = { id: 7, title: 'Checkout <!channel> failing', isDrill: false, commanderId: 'U_CMD' };
const at = (minute: number) => DateTime.fromISO('2026-11-25T14:00:00Z', { zone: 'utc' }).plus({ minutes: minute });
const note = (id: number, actorId: string, text = `entry ${id}`): TimelineEvent => ({
  id, incidentId: 7, kind: 'note_added', actorId, occurredAt: at(id), data: { text, milestone: id === 1 ? 'detected' : null },
});
const entries = Array.from({ length: 45 }, (_, i) => note(i + 1, i % 2 === 0 ? 'U_AUTHOR' : 'U_OTHER'));
const menus = (blocks: unknown[]) => blocks.filter((b) => (b as { accessory?: { type: string } }).accessory?.type === 'overflow');

describe('timelinePageMessage', () => {
  it('pages within Slack’s 50 blocks, and clamps a page past the end', () => {
    expect(pageCount(45)).toBe(3);
    for (const page of [0, 1, 2]) {
      const m = timelinePageMessage({ incident, entries, page, viewerId: 'U_AUTHOR' }, en);
      expect(m.blocks.length).toBeLessThanOrEqual(50);
    }
    const last = timelinePageMessage({ incident, entries, page: 99, viewerId: 'U_AUTHOR' }, en);
    expect(JSON.stringify(last.blocks)).toContain('entries 41–45 of 45, page 3 of 3');
    expect(JSON.stringify(last.blocks)).not.toContain('Later');
    const first = timelinePageMessage({ incident, entries, page: 0, viewerId: 'U_AUTHOR' }, en);
    expect(JSON.stringify(first.blocks)).not.toContain('Earlier');
    expect(first.blocks.filter((b) => b.block_id?.startsWith('timeline_entry_'))).toHaveLength(TIMELINE_PAGE_SIZE);
    expect(JSON.stringify(first.blocks)).toContain(':triangular_flag_on_post: *Detected*');
    expect(JSON.stringify(timelinePageMessage({ incident, entries, page: 0, viewerId: 'U_AUTHOR' }, textsFor('ko')).blocks)).toContain(':triangular_flag_on_post: *탐지*');
    expect(JSON.stringify(first.blocks)).toContain('&lt;!channel&gt;');
  });

  it('offers Edit and Remove on the viewer’s own entries, and on every entry to the commander', () => {
    const author = timelinePageMessage({ incident, entries, page: 0, viewerId: 'U_AUTHOR' }, en);
    expect(menus(author.blocks)).toHaveLength(10);
    expect(timelinePageMessage({ incident, entries, page: 0, viewerId: 'U_CMD' }, en).blocks.filter((b) => menus([b]).length)).toHaveLength(20);
    expect(menus(timelinePageMessage({ incident, entries, page: 0, viewerId: 'U_NOBODY' }, en).blocks)).toHaveLength(0);
    // Events people did not write (a declaration) carry no menu, even for the commander.
    const declared: TimelineEvent = { id: 99, incidentId: 7, kind: 'declared', actorId: 'U_CMD', occurredAt: at(0), data: { title: 't', severity: 'sev1', scenario: 'other', commanderId: 'U_CMD' } };
    expect(menus(timelinePageMessage({ incident, entries: [declared], page: 0, viewerId: 'U_CMD' }, en).blocks)).toHaveLength(0);
  });

  it('follows the policy: the author and the commander may change an entry, nobody else', () => {
    expect(mayChangeEntry('U_AUTHOR', 'U_AUTHOR', incident)).toBe(true);
    expect(mayChangeEntry('U_CMD', 'U_AUTHOR', incident)).toBe(true);
    expect(mayChangeEntry('U_OTHER', 'U_AUTHOR', incident)).toBe(false);
    expect(mayChangeEntry('U_OTHER', null, incident)).toBe(false);
  });
});
