import type { DateTime } from 'luxon';
import { httpUrl } from '../../domain/links.js';

/** Slack's limits, in characters (UTF-16 code units, which never undercounts). */
export const LIMITS = {
  sectionText: 3000,
  sectionField: 2000,
  sectionFields: 10,
  contextText: 3000,
  header: 150,
  modalTitle: 24,
  modalSubmit: 24,
  modalClose: 24,
  privateMetadata: 3000,
  messageBlocks: 50,
  modalBlocks: 100,
  optionText: 75,
  optionDescription: 75,
  buttonText: 75,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  plainTextInput: 3000,
  /** Our own cap for a message's notification fallback `text`. */
  fallbackText: 3000,
} as const;

export const ELLIPSIS = '…';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/**
 * `&` → `&amp;` first, then `<` → `&lt;` and `>` → `&gt;`: nobody can smuggle `<!channel>`, a
 * `<@U…>` mention or a `<https://…|link>` into a message through user text.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * At most `max` UTF-16 code units, cut on a grapheme boundary (an emoji or a Hangul syllable is
 * never split) and ending with `…` when something was cut.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let out = '';
  for (const g of graphemes(text)) {
    if (out.length + g.length + ELLIPSIS.length > max) break;
    out += g;
  }
  return out + ELLIPSIS;
}

/**
 * User text made safe for mrkdwn: escaped, then clipped so the *escaped* text fits in `max`
 * without cutting an entity like `&amp;` in half.
 */
export function safe(text: string, max: number = LIMITS.sectionText): string {
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= max) return escaped;
  if (max <= 0) return '';
  let out = '';
  for (const g of graphemes(text)) {
    const e = escapeMrkdwn(g);
    if (out.length + e.length + ELLIPSIS.length > max) break;
    out += e;
  }
  return out + ELLIPSIS;
}

/**
 * The bot's own message (a refusal naming the commander), escaped like user text except its user
 * mentions `<@U…>`, which stay mentions: a mention can only name a person, never link elsewhere.
 */
export function safeKeepingMentions(text: string, max: number = LIMITS.sectionText): string {
  return safe(text, max).replace(/&lt;@([UW][A-Z0-9_]+)&gt;/g, '<@$1>');
}

/**
 * Multi-line user text as an escaped mrkdwn block quote (each line prefixed with `>`), at most
 * `max` characters: lines that do not fit are dropped and the last kept one ends with `…`.
 */
export function quote(text: string, max: number = LIMITS.sectionText): string {
  const out: string[] = [];
  let used = 0;
  for (const line of text.trim().split(/\r?\n/)) {
    const cost = (out.length ? 1 : 0) + 1;
    const room = max - used - cost;
    if (room <= ELLIPSIS.length) break;
    const escaped = safe(line, room);
    out.push(`>${escaped}`);
    used += cost + escaped.length;
    if (escaped.endsWith(ELLIPSIS) && escaped !== escapeMrkdwn(line)) break;
  }
  return out.join('\n');
}

export const DEFAULT_DATE_FORMAT = '{date_short_pretty} {time}';

/** Rendered in each reader's own time zone; the fallback is the UTC time as text. */
export function slackDate(dt: DateTime, format: string = DEFAULT_DATE_FORMAT): string {
  const unix = Math.floor(dt.toSeconds());
  return `<!date^${unix}^${format}|${utcText(dt)}>`;
}

/** The same instant as plain UTC text, for notification fallbacks and plain_text objects. */
export function utcText(dt: DateTime): string {
  return dt.toUTC().toFormat("yyyy-MM-dd HH:mm 'UTC'");
}

const SLACK_ID = /^[A-Z0-9][A-Z0-9_]*$/i;

/** Whether `id` has the form of a Slack id (U…, C…), so a mention of it cannot carry anything else. */
export function isSlackId(id: string): boolean {
  return SLACK_ID.test(id);
}

/** `<@U123>`; something that is not a Slack id is shown as escaped text rather than linked. */
export function userMention(id: string): string {
  return SLACK_ID.test(id) ? `<@${id}>` : escapeMrkdwn(id);
}

/** `<#C123>`; something that is not a Slack id is shown as escaped text rather than linked. */
export function channelMention(id: string): string {
  return SLACK_ID.test(id) ? `<#${id}>` : `#${escapeMrkdwn(id)}`;
}

/**
 * `<url|label>` for an absolute http(s) URL (`httpUrl`'s form: nothing in it ends the link early),
 * escaped as mrkdwn wants (`&` → `&amp;`); '' for anything else.
 */
export function safeLink(url: string | null | undefined, label: string): string {
  const href = httpUrl(url);
  if (!href) return '';
  return `<${escapeMrkdwn(href)}|${safe(label, 200)}>`;
}
