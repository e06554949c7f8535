import { incidentRef } from '../incident.js';
import { SEVERITY_INFO } from '../severity.js';
import { severityHistory } from '../severity-history.js';
import {
  bullet,
  durationText,
  fullTime,
  inlineOrSubList,
  maybeTime,
  userName,
  type RenderContext,
} from './formatting.js';
import { escapeCell, escapeInline, table } from './markdown.js';

/** 1. Title and summary (internal variant). */
export function titleAndSummarySection(ctx: RenderContext): string[] {
  const { input, s } = ctx;
  const { incident, resolution } = input;
  const duration = durationText(ctx);
  const summaryText = resolution?.summary.trim() ? resolution.summary : incident.impact;
  return [
    `# ${incidentRef(incident.id)}: ${escapeInline(incident.title)} — ${s.titleSuffix}`,
    `## ${s.headings.summary}`,
    [
      escapeInline(summaryText),
      s.summaryLine(severityText(ctx), s.scenario[incident.scenario], duration),
      incident.isDrill ? s.facts.drill : '',
    ]
      .filter((x) => x.length > 0)
      .join(' '),
  ];
}

/** 2. Facts: a field/value table of times, roles, responders and the channel. */
export function factsSection(ctx: RenderContext): string[] {
  const { input, s, metrics } = ctx;
  const { incident } = input;
  const f = s.facts;
  const rows: string[][] = [
    [f.severity, `${severityText(ctx)} — ${s.severityMeaning[incident.severity]}`],
    [f.status, s.status[incident.status]],
    [f.scenario, s.scenario[incident.scenario]],
    [f.started, fullTime(ctx, metrics.startedAt)],
    [f.detected, fullTime(ctx, metrics.detectedAt)],
    [f.declared, fullTime(ctx, metrics.declaredAt)],
    [f.mitigated, maybeTime(ctx, metrics.mitigatedAt)],
    [f.resolved, maybeTime(ctx, metrics.resolvedAt)],
    [f.duration, durationText(ctx) ?? s.unknown],
    [f.roles.commander, userName(ctx, incident.commanderId)],
  ];
  if (incident.commsLeadId) rows.push([f.roles.comms, userName(ctx, incident.commsLeadId)]);
  if (incident.scribeId) rows.push([f.roles.scribe, userName(ctx, incident.scribeId)]);
  rows.push([f.responders, responders(ctx).join(', ') || s.unknown]);
  if (incident.channelName) rows.push([f.channel, escapeCell(`#${incident.channelName}`)]);
  return [`## ${s.headings.facts}`, table([f.field, f.value], rows)];
}

/** 3. Impact: scope, customer and (when given) business impact. */
export function impactSection(ctx: RenderContext): string[] {
  const { input, s } = ctx;
  const { incident, resolution } = input;
  const impact = [bullet(s.impact.scope, inlineOrSubList(incident.impact) || s.toFillIn)];
  impact.push(
    bullet(s.impact.customer, resolution?.customerImpact ? inlineOrSubList(resolution.customerImpact) : s.toFillIn),
  );
  if (resolution?.businessImpact?.trim()) {
    impact.push(bullet(s.impact.business, inlineOrSubList(resolution.businessImpact)));
  }
  return [`## ${s.headings.impact}`, impact.join('\n')];
}

/** The final severity, with the peak beside it when the incident ran worse than it ended. */
function severityText(ctx: RenderContext): string {
  const { incident, timeline } = ctx.input;
  const { peak, final } = severityHistory(timeline, incident.severity);
  const label = (sev: typeof peak) => SEVERITY_INFO[sev].label;
  return peak === final ? label(final) : ctx.s.severityWithPeak(label(peak), label(final), incident.status === 'resolved');
}

/** Everyone who acted, was assigned a role or posted an update, sorted by display name. */
function responders(ctx: RenderContext): string[] {
  const { input } = ctx;
  const ids = new Set<string>();
  const add = (id: unknown): void => {
    if (typeof id === 'string' && id !== '') ids.add(id);
  };
  for (const e of input.timeline) {
    add(e.actorId);
    if (e.kind === 'role_assigned') add(e.data['userId']);
  }
  for (const u of input.updates) add(u.authorId);
  add(input.incident.declaredBy);
  add(input.incident.commanderId);
  add(input.incident.commsLeadId);
  add(input.incident.scribeId);
  const named = [...ids].map((id) => ({ id, name: input.userNames[id] ?? id }));
  named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return named.map((n) => userName(ctx, n.id));
}
