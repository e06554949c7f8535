import type { RichTextDate, RichTextElement, RichTextEmoji, RichTextLink, RichTextText } from '@slack/types';
import type { DateTime } from 'luxon';
import { httpUrl } from '../../domain/links.js';
import { clip, DEFAULT_DATE_FORMAT, isSlackId, utcText } from './mrkdwn.js';

// Rich-text elements: Slack reads nothing in their text as formatting, so user text in them is
// shown and copied exactly as written (mrkdwn has no escape for `*`, `_`, `~` or a backtick).

/** Text in a style; Slack refuses an empty text element, so '' becomes a space. */
export function richText(text: string, style?: RichTextText['style']): RichTextText {
  return { type: 'text', text: text || ' ', ...(style ? { style } : {}) };
}

export function richEmoji(name: string): RichTextEmoji {
  return { type: 'emoji', name };
}

/** A mention of a person; something that is not a Slack id is shown as its text, never linked. */
export function richUser(id: string): RichTextElement {
  return isSlackId(id) ? { type: 'user', user_id: id } : richText(id);
}

/** A channel mention; something that is not a Slack id is shown as `#text`, never linked. */
export function richChannel(id: string): RichTextElement {
  return isSlackId(id) ? { type: 'channel', channel_id: id } : richText(`#${id}`);
}

/** A time in each reader's own zone, as `slackDate` gives mrkdwn: the same format, UTC text as fallback. */
export function richDate(dt: DateTime, format: string = DEFAULT_DATE_FORMAT): RichTextDate {
  return { type: 'date', timestamp: Math.floor(dt.toSeconds()), format, fallback: utcText(dt) };
}

/** A link to an absolute http(s) URL (as `safeLink` allows), or null for anything else. */
export function richLink(url: string | null | undefined, text: string): RichTextLink | null {
  const href = httpUrl(url);
  return href ? { type: 'link', url: href, text: clip(text, 200) } : null;
}

/** Private-use characters: no catalog text holds one, and nothing a person typed goes through the sentence. */
const FIRST_SLOT = 0xe000;

/**
 * A catalog sentence (`(person, when) => …`) with rich-text elements where its placeholders are:
 * the sentence is written with one private-use character per placeholder and cut around them, so
 * its words and their order stay the language's own and no sentence is written here. Elements go
 * in whole (a mention, a time, a person's text in its style); the words around them are plain text.
 */
export function richSentence<P extends string[]>(sentence: (...slots: P) => string, ...elements: { [K in keyof P]: RichTextElement }): RichTextElement[] {
  // One slot a placeholder: as many strings as P has.
  const slots = elements.map((_, i) => String.fromCharCode(FIRST_SLOT + i)) as P;
  const out: RichTextElement[] = [];
  let words = '';
  for (const char of sentence(...slots)) {
    const slot = slots.indexOf(char);
    if (slot < 0) {
      words += char;
      continue;
    }
    if (words) out.push({ type: 'text', text: words });
    words = '';
    out.push(elements[slot]!);
  }
  if (words) out.push({ type: 'text', text: words });
  return out;
}

/** Lines of elements as one run (Slack's own rich text breaks lines with `\n` in a text element). */
export function richLines(lines: RichTextElement[][]): RichTextElement[] {
  return lines.flatMap((line, i) => (i === 0 ? line : [{ type: 'text', text: '\n' } satisfies RichTextText, ...line]));
}
