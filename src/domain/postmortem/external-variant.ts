import { HORIZONS } from '../timeline.js';
import { durationText, fullTime, textLines, type RenderContext } from './formatting.js';
import { escapeInline } from './markdown.js';
import type { PostmortemInput } from './model.js';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** user@host: before host names, so the address goes as one piece. */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const IPV4 = /\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}(?::\d{1,5})?(?:\/\d{1,2})?\b/g;
/** Full and compressed IPv6 (at least two groups around a `::`, or eight groups). */
const IPV6 = /(?<![\w:])(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?![\w:])|(?<![\w:])(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,5})?(?![\w:])/gi;
/**
 * Host names: two or more dot-separated labels ending in letters (`db-1.prod.internal`,
 * `api.example.com`), optionally with a port. Abbreviations such as `e.g.` have one-letter labels
 * and a trailing dot, and version numbers end in digits, so neither matches.
 */
const HOST = /(?<![\p{L}\p{N}_.-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z][a-z0-9-]*[a-z](?::\d{1,5})?(?![\p{L}\p{N}_-]|\.[\p{L}\p{N}])/giu;

/**
 * Removes what must not reach customers from free text: Slack mentions and channel links
 * (`<@U…>`, `<#C…|name>`, `<!channel>`), any URL, e-mail addresses, IP addresses, host names,
 * `#channel` names, Slack user/channel ids, `@handles`, `INC-n` references, and every known
 * display name, user id and the channel name.
 */
export function redactForExternal(text: string, input: PostmortemInput, marker: string): string {
  let out = text
    .replace(/<[^<>\n]*>/g, marker)
    .replace(/\b(?:https?:\/\/|www\.)\S+/gi, marker)
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, marker)
    .replace(EMAIL, marker)
    .replace(IPV6, marker)
    .replace(IPV4, marker)
    .replace(HOST, marker)
    .replace(/\S*slack\.com\S*/gi, marker)
    .replace(/\bINC-\d+\b/gi, marker)
    .replace(/(^|[^\p{L}\p{N}_&])#[\p{L}\p{N}_.-]+/gu, `$1${marker}`)
    .replace(/(^|[^\p{L}\p{N}_.])@[\p{L}\p{N}_.-]+/gu, `$1${marker}`)
    .replace(/\b[UWCGD][A-Z0-9]{6,}\b/g, marker);
  const names = new Set<string>();
  for (const [id, name] of Object.entries(input.userNames)) {
    names.add(id);
    names.add(name.trim());
  }
  if (input.incident.channelName) names.add(input.incident.channelName);
  const sorted = [...names].filter((n) => n.length >= 2).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  for (const name of sorted) {
    out = out.replace(new RegExp(escapeRegExp(name), 'giu'), marker);
  }
  return out;
}

/**
 * The customer-facing variant's blocks: what happened, when, who was affected, what we did and
 * how we prevent it. Every piece of free text goes through `redactForExternal`.
 */
export function renderExternal(ctx: RenderContext): string[] {
  const { input, s, metrics } = ctx;
  const { incident, resolution } = input;
  const x = s.external;
  const clean = (text: string): string => redactForExternal(text, input, x.redacted);
  const out: string[] = [];

  const title = escapeInline(clean(incident.title));
  out.push(`# ${title || s.scenario[incident.scenario]} — ${x.titleSuffix}`);

  out.push(`## ${x.whatHappened}`);
  const happened: string[] = [];
  if (resolution?.summary.trim()) happened.push(escapeInline(clean(resolution.summary)));
  if (resolution?.rootCause.trim()) {
    happened.push(`${x.cause(resolution.rootCauseConfirmed)} ${escapeInline(clean(resolution.rootCause))}`);
  }
  out.push(happened.length > 0 ? happened.join('\n\n') : x.noDetails);

  out.push(`## ${x.when}`);
  out.push(
    x.whenLine(
      fullTime(ctx, metrics.startedAt),
      metrics.resolvedAt ? fullTime(ctx, metrics.resolvedAt) : null,
      durationText(ctx),
    ),
  );

  out.push(`## ${x.whoAffected}`);
  // Only what the resolver wrote for customers: the internal impact text never reaches them.
  const affected = textLines(clean(resolution?.customerImpact ?? ''))
    .map((l) => `- ${escapeInline(l)}`);
  out.push(affected.length > 0 ? affected.join('\n') : x.noDetails);

  out.push(`## ${x.whatWeDid}`);
  const did = [x.detected(fullTime(ctx, metrics.detectedAt))];
  if (metrics.mitigatedAt) did.push(x.mitigated(fullTime(ctx, metrics.mitigatedAt)));
  if (metrics.resolvedAt) did.push(x.resolved(fullTime(ctx, metrics.resolvedAt)));
  if (resolution?.recoverySignal?.trim()) did.push(x.recovery(escapeInline(clean(resolution.recoverySignal))));
  out.push(did.join(' '));

  out.push(`## ${x.prevention}`);
  const items = [...input.actionItems]
    .sort(
      (a, b) =>
        HORIZONS.indexOf(a.horizon) - HORIZONS.indexOf(b.horizon) ||
        a.createdAt.toMillis() - b.createdAt.toMillis() ||
        a.id - b.id,
    )
    .map((i) => escapeInline(clean(i.title)))
    .filter((t) => t.length > 0);
  out.push(items.length > 0 ? items.map((t) => `- ${t}`).join('\n') : x.noPrevention);
  return out;
}
