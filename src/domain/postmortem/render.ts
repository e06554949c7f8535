import { Info } from 'luxon';
import {
  actionItemsSection,
  lessonsSection,
  resolutionSection,
  rootCauseSection,
  scenarioSection,
} from './cause-and-actions.js';
import { renderExternal } from './external-variant.js';
import { factsSection, impactSection, titleAndSummarySection } from './facts-and-impact.js';
import { formatIn, type RenderContext } from './formatting.js';
import { strings } from './i18n.js';
import { computeMetrics } from './metrics.js';
import { appendixSection, metricsSection } from './metrics-and-appendix.js';
import type { PostmortemInput, RenderOptions } from './model.js';
import { timelineEntries } from './timeline-entries.js';
import { timelineSection } from './timeline-section.js';
import { checklistSection } from './checklist-section.js';

// Kept importable from './render.js' for existing callers.
export { redactForExternal } from './external-variant.js';
export { zoneAbbreviation } from './formatting.js';
export { timelineEntries, type TimelineEntry } from './timeline-entries.js';

/**
 * The postmortem draft as Markdown. Pure and deterministic: the same input and options give the
 * same bytes. Every piece of user-written text goes through the escaper in `markdown.ts`.
 *
 * The external variant never contains user ids, display names, channel names or ids, links,
 * note texts or the internal `INC-n` reference (the title is the incident title only); free
 * text it does show (title, summary, impact, cause, recovery signal, action-item titles) is
 * passed through `redactForExternal` first.
 */
export function renderPostmortem(input: PostmortemInput, options: RenderOptions): string {
  if (!Info.isValidIANAZone(options.timeZone)) {
    throw new RangeError(`Unknown time zone: ${options.timeZone}`);
  }
  const metrics = computeMetrics(input);
  const entries = timelineEntries(input, metrics);
  const times = [
    ...entries.map((e) => e.at),
    input.incident.startedAt,
    ...(metrics.resolvedAt ? [metrics.resolvedAt] : []),
  ];
  const formatCache = new Map<string, string>();
  const days = new Set(times.map((t) => formatIn(formatCache, t, options.timeZone, 'yyyy-MM-dd')));
  const ctx: RenderContext = {
    input,
    options,
    s: strings(options.locale),
    metrics,
    entries,
    multiDay: days.size > 1,
    zone: options.timeZone,
    formatCache,
  };
  const blocks = options.variant === 'external' ? renderExternal(ctx) : renderInternal(ctx);
  return `${blocks.join('\n\n')}\n`;
}

/** The internal variant: every section, in this order. */
function renderInternal(ctx: RenderContext): string[] {
  return [
    ...titleAndSummarySection(ctx),
    ...factsSection(ctx),
    ...impactSection(ctx),
    ...timelineSection(ctx),
    ...rootCauseSection(ctx),
    ...resolutionSection(ctx),
    ...scenarioSection(ctx),
    ...actionItemsSection(ctx),
    ...checklistSection(ctx),
    ...lessonsSection(ctx),
    ...metricsSection(ctx),
    ...appendixSection(ctx),
  ];
}
