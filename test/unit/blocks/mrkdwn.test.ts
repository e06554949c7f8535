import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  channelMention,
  clip,
  escapeMrkdwn,
  quote,
  safe,
  safeLink,
  slackDate,
  userMention,
} from '../../../src/slack/blocks/mrkdwn.js';
import { HOSTILE } from './fixtures.js';

describe('escapeMrkdwn', () => {
  it('neutralises broadcasts, mentions and links', () => {
    expect(escapeMrkdwn(HOSTILE)).toBe('&lt;!channel&gt; &amp; &lt;https://evil|click&gt;');
  });
  it('escapes & first, so existing entities are not decoded by Slack', () => {
    expect(escapeMrkdwn('&lt;!here&gt;')).toBe('&amp;lt;!here&amp;gt;');
  });
});

describe('clip', () => {
  it('leaves short text alone', () => {
    expect(clip('short', 10)).toBe('short');
  });
  it('cuts with an ellipsis within the limit', () => {
    const out = clip('a'.repeat(200), 150);
    expect(out).toHaveLength(150);
    expect(out.endsWith('…')).toBe(true);
  });
  it('never splits an emoji or a combined grapheme', () => {
    const family = '👨‍👩‍👧';
    const out = clip(`ab${family}${family}`, 6);
    expect(out).toBe('ab…');
    expect(clip('장애 대응 회의', 4)).toBe('장애 …');
    expect([...clip('😀😀😀😀', 5)].every((c) => c === '😀' || c === '…')).toBe(true);
  });
});

describe('safe', () => {
  it('escapes then fits the escaped text without cutting an entity', () => {
    const out = safe('&&&&&&', 12);
    expect(out.length).toBeLessThanOrEqual(12);
    expect(out).toBe('&amp;&amp;…');
  });
});

describe('quote', () => {
  it('prefixes every line and escapes it', () => {
    expect(quote('one\n<!here>')).toBe('>one\n>&lt;!here&gt;');
  });
});

describe('slackDate', () => {
  it('renders in the reader zone with a UTC fallback', () => {
    const dt = DateTime.fromISO('2024-11-21T14:05:00+09:00');
    expect(slackDate(dt)).toBe('<!date^1732165500^{date_short_pretty} {time}|2024-11-21 05:05 UTC>');
    expect(slackDate(dt, '{time}')).toBe('<!date^1732165500^{time}|2024-11-21 05:05 UTC>');
  });
});

describe('mentions', () => {
  it('links ids and refuses to link anything else', () => {
    expect(userMention('U123ABC')).toBe('<@U123ABC>');
    expect(channelMention('C0ABC')).toBe('<#C0ABC>');
    expect(userMention('!channel>')).not.toContain('<');
    expect(channelMention('<!here>')).not.toContain('<!');
  });
});

describe('quote limits', () => {
  it('keeps whole lines while they fit and stays within max', () => {
    const out = quote(`${'a'.repeat(50)}\n${'b'.repeat(50)}\n${'c'.repeat(50)}`, 120);
    expect(out.length).toBeLessThanOrEqual(120);
    expect(out.startsWith(`>${'a'.repeat(50)}\n>b`)).toBe(true);
    expect(out.endsWith('…')).toBe(true);
    expect(out).toMatch(/\n>c+…$/);
  });
});

describe('safeLink', () => {
  it('links an http(s) URL with its & escaped and a | encoded, so nothing ends the link early', () => {
    expect(safeLink('https://wiki.example.com/db?a=1&b=2', 'runbook')).toBe('<https://wiki.example.com/db?a=1&amp;b=2|runbook>');
    expect(safeLink('https://wiki.example.com/a|<!channel>', 'runbook')).toBe('<https://wiki.example.com/a%7C%3C!channel%3E|runbook>');
    expect(safeLink('https://wiki.example.com/db', HOSTILE)).toBe('<https://wiki.example.com/db|&lt;!channel&gt; &amp; &lt;https://evil|click&gt;>');
  });
  it('shows nothing for what is not an absolute http(s) URL', () => {
    for (const url of ['javascript:alert(1)', 'mailto:a@example.com', '/runbooks/db', 'not a url', '', null, undefined]) {
      expect(safeLink(url, 'runbook')).toBe('');
    }
  });
});
