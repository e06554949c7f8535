import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { conversationEntries, messageTime } from '../../../src/domain/conversation.js';
import { renderPostmortem } from '../../../src/domain/postmortem/index.js';
import type { TimelineEvent } from '../../../src/domain/timeline.js';
import { looseEvent } from '../../helpers/loose-event.js';

const AT = DateTime.fromISO('2026-11-25T05:30:00Z', { zone: 'utc' });
const TS = String(AT.toSeconds()) + '.000100';
const ref = { channelId: 'C1', messageTs: TS };
const content = (text: string, editedTs: string | null = null) => ({ text, files: [], editedTs });
let id = 0;
const event = (kind: TimelineEvent['kind'], actorId: string | null, data: Record<string, unknown>): TimelineEvent =>
  looseEvent({ id: (id += 1), incidentId: 1, kind, actorId, occurredAt: AT.plus({ minutes: id }), data });

describe('the conversation on the timeline', () => {
  it('reads a Slack ts as the message time, and refuses what is not one', () => {
    expect(messageTime(TS)?.toISO()).toBe('2026-11-25T05:30:00.000Z');
    expect(messageTime('soon')).toBeNull();
  });

  it('keeps the newest version by edit time, whatever order Slack told us in', () => {
    const entries = conversationEntries([
      event('message_pinned', 'U_A', { ...ref, via: 'reaction', authorId: 'U_B', content: null }),
      event('message_edited', 'U_B', { ...ref, content: content('second', '1795000200.000000') }),
      // A fetch that read the message before the edit, recorded after it: older, so not kept.
      event('message_fetched', null, { ...ref, authorId: 'U_B', permalink: 'https://x.slack.com/archives/C1/p1', content: content('first', '1795000100.000000') }),
    ]);
    expect(entries).toMatchObject([{ text: 'second', authorId: 'U_B', permalink: 'https://x.slack.com/archives/C1/p1' }]);
    expect(entries[0]!.at.toMillis()).toBe(AT.toMillis());
  });

  it('keeps a message while anyone\'s pin is on it, drops it when the last goes or it is deleted', () => {
    const pinnedTwice = [
      event('message_pinned', 'U_A', { ...ref, via: 'reaction', authorId: 'U_B', content: content('x') }),
      event('message_pinned', 'U_C', { ...ref, via: 'reaction', authorId: 'U_B', content: null }),
      event('message_unpinned', 'U_A', ref),
    ];
    expect(conversationEntries(pinnedTwice)).toHaveLength(1);
    expect(conversationEntries([...pinnedTwice, event('message_unpinned', 'U_C', ref)])).toEqual([]);
    expect(conversationEntries([...pinnedTwice, event('message_deleted', null, ref)])).toEqual([]);
  });

  it('renders hostile message text escaped, with only http(s) links', () => {
    const timeline = [
      event('declared', 'U_A', { title: 't', severity: 'sev1', scenario: 'other', commanderId: 'U_A' }),
      event('message_pinned', 'U_A', {
        ...ref, via: 'shortcut', authorId: 'U_B',
        content: { text: '# [click](javascript:alert(1)) <b>', files: [{ name: 'x](y', permalink: 'javascript:alert(1)' }], editedTs: null },
      }),
      event('message_fetched', null, { ...ref, authorId: null, permalink: 'https://x/archives/C1/p1)evil', content: null }),
      event('message_pinned', 'U_A', { channelId: 7, via: 'reaction' }),
    ];
    const doc = renderPostmortem(
      { incident: { id: 1, title: 't', severity: 'sev1', status: 'investigating', scenario: 'other', impact: '', commanderId: 'U_A', commsLeadId: null, scribeId: null, declaredBy: 'U_A', channelId: 'C1', channelName: 'inc-1', startedAt: AT, detectedAt: AT, declaredAt: AT, lastUpdateAt: null, nextUpdateDueAt: null, resolvedAt: null, isDrill: false, isPrivate: false },
        timeline, updates: [], actionItems: [], resolution: null, userNames: { U_B: 'Bob' }, cadence: { sev1: 15, sev2: 30, sev3: 60 } },
      { locale: 'en', variant: 'internal', timeZone: 'UTC' },
    );
    const line = doc.split('\n').find((l) => l.includes('Bob:'))!;
    expect(line).toBe('- 05:30 · Bob: \\# \\[click\\](javascript:alert(1)) \\<b\\>');
  });
});
