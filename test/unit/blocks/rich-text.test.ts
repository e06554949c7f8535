import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { richDate, richLink, richLines, richSentence, richText, richUser } from '../../../src/slack/blocks/rich-text.js';
import { slackDate } from '../../../src/slack/blocks/mrkdwn.js';

describe('richSentence', () => {
  it('puts the elements where the sentence has its placeholders, in the order the language wants', () => {
    const when = richDate(DateTime.fromISO('2026-12-07T10:05:00Z'));
    expect(richSentence((person: string, at: string) => `done by ${person} ${at}`, richUser('U_BOB'), when)).toEqual([
      { type: 'text', text: 'done by ' }, { type: 'user', user_id: 'U_BOB' }, { type: 'text', text: ' ' }, when,
    ]);
    expect(richSentence((person: string, at: string) => `${person}님이 ${at}에 완료`, richUser('U_BOB'), when)).toEqual([
      { type: 'user', user_id: 'U_BOB' }, { type: 'text', text: '님이 ' }, when, { type: 'text', text: '에 완료' },
    ]);
  });

  it('keeps what goes in a placeholder whole, whatever it holds', () => {
    const reason = richText('not \uE000 a *slot* _here_', { italic: true });
    expect(richSentence((person: string, why: string) => `${person}: ${why}`, richText('x'), reason)).toEqual([
      { type: 'text', text: 'x' }, { type: 'text', text: ': ' }, reason,
    ]);
  });
});

describe('rich-text elements', () => {
  it('gives a time the format and fallback slackDate gives mrkdwn', () => {
    const at = DateTime.fromISO('2026-12-07T10:05:42Z');
    expect(richDate(at, '{time}')).toEqual({ type: 'date', timestamp: 1796637942, format: '{time}', fallback: '2026-12-07 10:05 UTC' });
    expect(slackDate(at, '{time}')).toBe('<!date^1796637942^{time}|2026-12-07 10:05 UTC>');
    expect(richDate(at).format).toBe('{date_short_pretty} {time}');
  });

  it('mentions only a Slack id, links only http(s), and never sends an empty text', () => {
    expect(richUser('U_BOB')).toEqual({ type: 'user', user_id: 'U_BOB' });
    expect(richUser('<!channel>')).toEqual({ type: 'text', text: '<!channel>' });
    expect(richLink('https://x.test/a?b=1&c=2', 'Runbook link')).toEqual({ type: 'link', url: 'https://x.test/a?b=1&c=2', text: 'Runbook link' });
    expect(richLink('javascript:alert(1)', 'x')).toBeNull();
    expect(richText('')).toEqual({ type: 'text', text: ' ' });
  });

  it('breaks lines with a newline between them', () => {
    expect(richLines([[richText('a')], [richText('b')]])).toEqual([{ type: 'text', text: 'a' }, { type: 'text', text: '\n' }, { type: 'text', text: 'b' }]);
  });
});
