import type { DateTime } from 'luxon';
import type { PostmortemStrings } from './i18n.js';
import { escapeInline, flatten } from './markdown.js';
import type { PostmortemMetrics } from './metrics.js';
import type { PostmortemInput, RenderOptions } from './model.js';
import type { TimelineEntry } from './timeline-entries.js';

/** Everything a section renderer needs, computed once per `renderPostmortem` call. */
export interface RenderContext {
  input: PostmortemInput;
  options: RenderOptions;
  s: PostmortemStrings;
  metrics: PostmortemMetrics;
  entries: TimelineEntry[];
  multiDay: boolean;
  zone: string;
  /** Minute-precision formats memoised per minute: luxon zone conversion dominates large timelines. */
  formatCache: Map<string, string>;
}

// ---------------------------------------------------------------------------------------------
// Times

/** Zones whose CLDR short name is only `GMT+x`; everything else uses luxon's short offset name. */
const ZONE_ABBREVIATIONS: Record<string, string> = {
  'Asia/Seoul': 'KST',
  'Asia/Tokyo': 'JST',
  'Asia/Shanghai': 'CST',
  'Asia/Singapore': 'SGT',
  'Asia/Kolkata': 'IST',
  UTC: 'UTC',
  'Etc/UTC': 'UTC',
  GMT: 'GMT',
};

/** A short, stable name for `zone` at instant `at` (`KST`, `PST`, `GMT+4`). */
export function zoneAbbreviation(zone: string, at: DateTime): string {
  return ZONE_ABBREVIATIONS[zone] ?? at.setZone(zone).setLocale('en-US').toFormat('ZZZZ');
}

/** `at` in `zone` as `format` (minute precision at most), memoised per minute and format. */
export function formatIn(cache: Map<string, string>, at: DateTime, zone: string, format: string): string {
  const key = `${Math.floor(at.toMillis() / 60000)}|${format}`;
  let text = cache.get(key);
  if (text === undefined) {
    text = at.setZone(zone).setLocale('en-US').toFormat(format);
    cache.set(key, text);
  }
  return text;
}

/** `14:23`, or `2024-11-15 14:23` when the incident spans several days in the zone. */
export function shortTime(ctx: RenderContext, at: DateTime): string {
  return formatIn(ctx.formatCache, at, ctx.zone, ctx.multiDay ? 'yyyy-MM-dd HH:mm' : 'HH:mm');
}

/** `2024-11-15 14:23 KST`. */
export function fullTime(ctx: RenderContext, at: DateTime): string {
  return `${formatIn(ctx.formatCache, at, ctx.zone, 'yyyy-MM-dd HH:mm')} ${zoneAbbreviation(ctx.zone, at)}`;
}

export function maybeTime(ctx: RenderContext, at: DateTime | null): string {
  return at ? fullTime(ctx, at) : ctx.s.notYet;
}

export function mins(ctx: RenderContext, n: number | null): string {
  return n === null ? ctx.s.unknown : ctx.s.minutes(n);
}

/** The incident's duration in words, or null while it is unknown. */
export function durationText(ctx: RenderContext): string | null {
  const minutes = ctx.metrics.durationMinutes;
  return minutes === null ? null : ctx.s.duration(minutes);
}

// ---------------------------------------------------------------------------------------------
// Text

/** A user's display name (escaped), falling back to the id. */
export function userName(ctx: RenderContext, id: string | null | undefined): string {
  if (!id) return ctx.s.unknown;
  return escapeInline(ctx.input.userNames[id] ?? id) || escapeInline(id);
}

/** Non-empty lines of user text with any leading bullet/number marker dropped (unescaped). */
export function textLines(text: string): string[] {
  return flatten(text, '\n')
    .split('\n')
    .map((l) => l.replace(/^(?:[-*•+]|\d{1,3}[.)])\s+/, ''))
    .filter((l) => l.length > 0);
}

/** One line → inline; several lines → a nested list (leading bullet markers dropped). */
export function inlineOrSubList(text: string): string {
  const lines = textLines(text);
  if (lines.length <= 1) return escapeInline(lines[0] ?? '');
  return `\n${lines.map((l) => `  - ${escapeInline(l)}`).join('\n')}`;
}

/** `- **label:** value`, or the label followed by a nested list. */
export function bullet(label: string, value: string): string {
  return value.startsWith('\n') ? `- **${label}:**${value}` : `- **${label}:** ${value}`;
}
