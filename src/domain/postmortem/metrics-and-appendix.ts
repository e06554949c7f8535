import { SEVERITY_INFO } from '../severity.js';
import type { StatusUpdate } from '../timeline.js';
import { bullet, mins, shortTime, userName, zoneAbbreviation, type RenderContext } from './formatting.js';
import { escapeInline, table } from './markdown.js';

/** 9. Metrics: response times, update cadence and the longest gap between updates. */
export function metricsSection(ctx: RenderContext): string[] {
  const { s, metrics } = ctx;
  const m = s.metrics;
  return [
    `## ${s.headings.metrics}`,
    table(
      [m.metric, m.value],
      [
        [m.timeToDetect, mins(ctx, metrics.timeToDetectMinutes)],
        [m.timeToAcknowledge, mins(ctx, metrics.timeToAcknowledgeMinutes)],
        [m.timeToIdentify, mins(ctx, metrics.timeToIdentifyMinutes)],
        [m.timeToMitigate, mins(ctx, metrics.timeToMitigateMinutes)],
        [m.timeToResolve, mins(ctx, metrics.timeToResolveMinutes)],
        [m.updates, m.updatesValue(metrics.updatesPosted, metrics.updatesExpected)],
        [m.longestGap, mins(ctx, metrics.longestGapMinutes)],
      ],
    ),
  ];
}

/** 10. Appendix: every status update in full, oldest first. */
export function appendixSection(ctx: RenderContext): string[] {
  const { s } = ctx;
  const h = s.headings;
  const out = [`## ${h.appendix}`];
  const updates = [...ctx.input.updates].sort(
    (a, b) => a.postedAt.toMillis() - b.postedAt.toMillis() || a.id - b.id,
  );
  if (updates.length === 0) out.push(s.appendix.none);
  updates.forEach((u, i) => {
    out.push(`### ${h.update(i + 1, `${shortTime(ctx, u.postedAt)} ${zoneAbbreviation(ctx.zone, u.postedAt)}`)}`);
    out.push(appendixUpdate(ctx, u));
  });
  return out;
}

function appendixUpdate(ctx: RenderContext, u: StatusUpdate): string {
  const { s } = ctx;
  const info = SEVERITY_INFO[u.severity];
  const labels: Record<string, string> = s.reportFields[u.severity] ?? {};
  const value = (v: string | undefined): string => (v && v.trim() ? escapeInline(v, ' / ') : '—');
  const lines = [
    `- **${info.label} · ${s.status[u.status]}** — ${s.appendix.postedBy}: ${userName(ctx, u.authorId)}`,
  ];
  if (u.fields['summary'] !== undefined) lines.push(bullet(s.appendix.summary, value(u.fields['summary'])));
  const known = new Set(['summary']);
  for (const field of info.reportFields) {
    known.add(field.id);
    lines.push(bullet(labels[field.id] ?? field.label, value(u.fields[field.id])));
  }
  for (const key of Object.keys(u.fields).sort()) {
    if (!known.has(key)) lines.push(bullet(escapeInline(key), value(u.fields[key])));
  }
  return lines.join('\n');
}
