import { Info, type DateTime } from 'luxon';
import { incidentRef, ROLES, STATUSES, type Role, type Status } from '../incident.js';
import { isSeverity, SEVERITY_INFO, type Severity } from '../severity.js';
import { HORIZONS, type StatusUpdate, type TimelineEvent } from '../timeline.js';
import { SCENARIO_SECTION, strings, type KeyMoment, type PostmortemStrings } from './i18n.js';
import { escapeBlock, escapeCell, escapeInline, flatten, table, truncate } from './markdown.js';
import { computeMetrics, sortEvents, type PostmortemMetrics } from './metrics.js';
import type { PostmortemInput, RenderOptions } from './model.js';

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

/** One line of the Timeline section. `event` is null for key moments with no event of their own. */
export interface TimelineEntry {
  at: DateTime;
  event: TimelineEvent | null;
  markers: KeyMoment[];
}

interface Ctx {
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

/** `at` in `zone` as `format` (minute precision at most), memoised per minute and format. */
function formatIn(cache: Map<string, string>, at: DateTime, zone: string, format: string): string {
  const key = `${Math.floor(at.toMillis() / 60000)}|${format}`;
  let text = cache.get(key);
  if (text === undefined) {
    text = at.setZone(zone).setLocale('en-US').toFormat(format);
    cache.set(key, text);
  }
  return text;
}

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
  const ctx: Ctx = {
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

// ---------------------------------------------------------------------------------------------
// Timeline

/** Events in time order (ties by id) plus lines for key moments no event stands for. */
export function timelineEntries(input: PostmortemInput, metrics = computeMetrics(input)): TimelineEntry[] {
  const events = sortEvents(input.timeline);
  const entries: TimelineEntry[] = events.map((event) => ({ at: event.occurredAt, event, markers: [] }));
  const byEvent = (e: TimelineEvent | undefined): TimelineEntry | undefined =>
    e ? entries.find((x) => x.event === e) : undefined;

  const toStatus = (status: Status): TimelineEvent | undefined =>
    events.find((e) => e.kind === 'status_changed' && e.data['to'] === status);
  const lastResolved = [...events].reverse().find((e) => e.kind === 'resolved');

  const synthetic: { entry: TimelineEntry; rank: number }[] = [];
  const atInstant = (moment: KeyMoment, at: DateTime | null | undefined, rank: number): void => {
    if (!at) return;
    const same = entries.find((x) => x.at.toMillis() === at.toMillis());
    if (same) same.markers.push(moment);
    else synthetic.push({ entry: { at, event: null, markers: [moment] }, rank });
  };

  atInstant('started', input.incident.startedAt, 0);
  atInstant('detection', input.incident.detectedAt, 1);
  byEvent(events.find((e) => e.kind === 'declared'))?.markers.push('declaration');
  byEvent(toStatus('identified'))?.markers.push('identified');
  byEvent(toStatus('monitoring'))?.markers.push('mitigation');
  atInstant('recovery', input.resolution?.recoveredAt, 2);
  if (lastResolved && metrics.resolvedAt?.toMillis() === lastResolved.occurredAt.toMillis()) {
    byEvent(lastResolved)?.markers.push('resolution');
  }

  // Merge synthetic lines in: before events at the same instant, in rank order.
  const all = [
    ...entries.map((entry) => ({ entry, rank: 10, id: entry.event?.id ?? 0 })),
    ...synthetic.map((x) => ({ ...x, id: 0 })),
  ];
  all.sort(
    (a, b) => a.entry.at.toMillis() - b.entry.at.toMillis() || a.rank - b.rank || a.id - b.id,
  );
  const order: KeyMoment[] = ['started', 'detection', 'declaration', 'identified', 'mitigation', 'recovery', 'resolution'];
  return all.map(({ entry }) => ({
    ...entry,
    markers: [...new Set(entry.markers)].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
  }));
}

function str(data: Record<string, unknown>, key: string): string | undefined {
  const v = data[key];
  return typeof v === 'string' ? v : undefined;
}

function statusLabel(ctx: Ctx, value: string | undefined): string {
  if (value && (STATUSES as readonly string[]).includes(value)) return ctx.s.status[value as Status];
  return value ? escapeInline(value) : ctx.s.unknown;
}

function severityLabel(value: string | undefined): string {
  if (value && isSeverity(value)) return SEVERITY_INFO[value].label;
  return value ? escapeInline(value) : '?';
}

function roleLabel(ctx: Ctx, value: string | undefined): string {
  if (value && (ROLES as readonly string[]).includes(value)) return ctx.s.facts.roles[value as Role];
  return value ? escapeInline(value) : ctx.s.unknown;
}

function userName(ctx: Ctx, id: string | null | undefined): string {
  if (!id) return ctx.s.unknown;
  return escapeInline(ctx.input.userNames[id] ?? id) || escapeInline(id);
}

function findUpdate(ctx: Ctx, raw: unknown): StatusUpdate | undefined {
  const id = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
  return ctx.input.updates.find((u) => u.id === id);
}

function updateSummary(update: StatusUpdate): string {
  const first = SEVERITY_INFO[update.severity].reportFields
    .map((f) => update.fields[f.id])
    .find((v) => v !== undefined && v.trim() !== '');
  return update.fields['summary'] ?? first ?? '';
}

/** A timeline event in words (internal variant), user text escaped. */
function describeEvent(ctx: Ctx, event: TimelineEvent): string {
  const t = ctx.s.events;
  const d = event.data;
  switch (event.kind) {
    case 'declared': {
      const sev = str(d, 'severity');
      return t.declared(sev ? severityLabel(sev) : null);
    }
    case 'status_changed':
      return t.status_changed(statusLabel(ctx, str(d, 'from')), statusLabel(ctx, str(d, 'to')));
    case 'severity_changed':
      return t.severity_changed(severityLabel(str(d, 'from')), severityLabel(str(d, 'to')));
    case 'role_assigned':
      return t.role_assigned(roleLabel(ctx, str(d, 'role')), userName(ctx, str(d, 'userId')));
    case 'update_posted': {
      const u = findUpdate(ctx, d['updateId']);
      if (!u) return t.update_posted(null, '');
      const label = `${SEVERITY_INFO[u.severity].label}, ${ctx.s.status[u.status]}`;
      return t.update_posted(label, escapeInline(truncate(flatten(updateSummary(u)), 160)));
    }
    case 'note_added':
      return t.note_added(escapeInline(str(d, 'text') ?? ''));
    case 'snoozed': {
      const m = d['minutes'];
      return t.snoozed(typeof m === 'number' && Number.isFinite(m) ? m : null);
    }
    case 'action_item_added':
      return t.action_item_added(escapeInline(str(d, 'title') ?? ''));
    case 'reminder_sent':
    case 'reminder_escalated':
    case 'update_overdue':
    case 'resolved':
    case 'reopened':
    case 'postmortem_generated':
      return t[event.kind];
  }
}

// ---------------------------------------------------------------------------------------------
// Formatting helpers

/** `14:23`, or `2024-11-15 14:23` when the incident spans several days in the zone. */
function shortTime(ctx: Ctx, at: DateTime): string {
  return formatIn(ctx.formatCache, at, ctx.zone, ctx.multiDay ? 'yyyy-MM-dd HH:mm' : 'HH:mm');
}

/** `2024-11-15 14:23 KST`. */
function fullTime(ctx: Ctx, at: DateTime): string {
  return `${formatIn(ctx.formatCache, at, ctx.zone, 'yyyy-MM-dd HH:mm')} ${zoneAbbreviation(ctx.zone, at)}`;
}

function maybeTime(ctx: Ctx, at: DateTime | null): string {
  return at ? fullTime(ctx, at) : ctx.s.notYet;
}

function mins(ctx: Ctx, n: number | null): string {
  return n === null ? ctx.s.unknown : ctx.s.minutes(n);
}

/** Non-empty lines of user text with any leading bullet/number marker dropped (unescaped). */
function textLines(text: string): string[] {
  return flatten(text, '\n')
    .split('\n')
    .map((l) => l.replace(/^(?:[-*•+]|\d{1,3}[.)])\s+/, ''))
    .filter((l) => l.length > 0);
}

/** One line → inline; several lines → a nested list (leading bullet markers dropped). */
function inlineOrSubList(text: string): string {
  const lines = textLines(text);
  if (lines.length <= 1) return escapeInline(lines[0] ?? '');
  return `\n${lines.map((l) => `  - ${escapeInline(l)}`).join('\n')}`;
}

function bullet(label: string, value: string): string {
  return value.startsWith('\n') ? `- **${label}:**${value}` : `- **${label}:** ${value}`;
}

// ---------------------------------------------------------------------------------------------
// Internal variant

function renderInternal(ctx: Ctx): string[] {
  const { input, s, metrics } = ctx;
  const { incident, resolution } = input;
  const out: string[] = [];
  const h = s.headings;

  // 1. Title and summary.
  out.push(`# ${incidentRef(incident.id)}: ${escapeInline(incident.title)} — ${s.titleSuffix}`);
  const duration = metrics.durationMinutes === null ? null : s.duration(metrics.durationMinutes);
  const summaryText = resolution?.summary.trim() ? resolution.summary : incident.impact;
  out.push(`## ${h.summary}`);
  out.push(
    [
      escapeInline(summaryText),
      s.summaryLine(SEVERITY_INFO[incident.severity].label, s.scenario[incident.scenario], duration),
      incident.isDrill ? s.facts.drill : '',
    ]
      .filter((x) => x.length > 0)
      .join(' '),
  );

  // 2. Facts.
  const f = s.facts;
  const rows: string[][] = [
    [f.severity, `${SEVERITY_INFO[incident.severity].label} — ${s.severityMeaning[incident.severity]}`],
    [f.status, s.status[incident.status]],
    [f.scenario, s.scenario[incident.scenario]],
    [f.started, fullTime(ctx, metrics.startedAt)],
    [f.detected, fullTime(ctx, metrics.detectedAt)],
    [f.declared, fullTime(ctx, metrics.declaredAt)],
    [f.mitigated, maybeTime(ctx, metrics.mitigatedAt)],
    [f.resolved, maybeTime(ctx, metrics.resolvedAt)],
    [f.duration, duration ?? s.unknown],
    [f.roles.commander, userName(ctx, incident.commanderId)],
  ];
  if (incident.commsLeadId) rows.push([f.roles.comms, userName(ctx, incident.commsLeadId)]);
  if (incident.scribeId) rows.push([f.roles.scribe, userName(ctx, incident.scribeId)]);
  rows.push([f.responders, responders(ctx).join(', ') || s.unknown]);
  if (incident.channelName) rows.push([f.channel, escapeCell(`#${incident.channelName}`)]);
  out.push(`## ${h.facts}`);
  out.push(table([f.field, f.value], rows));

  // 3. Impact.
  out.push(`## ${h.impact}`);
  const impact = [bullet(s.impact.scope, inlineOrSubList(incident.impact) || s.toFillIn)];
  impact.push(
    bullet(s.impact.customer, resolution?.customerImpact ? inlineOrSubList(resolution.customerImpact) : s.toFillIn),
  );
  if (resolution?.businessImpact?.trim()) {
    impact.push(bullet(s.impact.business, inlineOrSubList(resolution.businessImpact)));
  }
  out.push(impact.join('\n'));

  // 4. Timeline.
  out.push(`## ${h.timeline}`);
  out.push(s.timeline.timesIn(`${zoneAbbreviation(ctx.zone, metrics.startedAt)} (${ctx.zone})`));
  out.push(
    ctx.entries.length === 0
      ? s.timeline.empty
      : ctx.entries.map((e) => timelineLine(ctx, e)).join('\n'),
  );

  // 5. Root cause and contributing factors.
  out.push(`## ${h.rootCause(resolution?.rootCauseConfirmed ?? false)}`);
  out.push(resolution?.rootCause.trim() ? escapeBlock(resolution.rootCause) : s.rootCause.prompt);
  out.push(`### ${h.contributingFactors}`);
  const factors = (resolution?.contributingFactors ?? []).filter((x) => x.trim() !== '');
  out.push(
    factors.length > 0
      ? factors.map((x, i) => `${i + 1}. ${escapeInline(x)}`).join('\n')
      : s.rootCause.factorsPrompt,
  );

  // 6. Resolution and recovery validation.
  out.push(`## ${h.resolution}`);
  if (resolution && (resolution.recoverySignal?.trim() || resolution.recoveredAt)) {
    out.push(
      [
        bullet(s.resolution.signal, resolution.recoverySignal?.trim() ? inlineOrSubList(resolution.recoverySignal) : s.toFillIn),
        bullet(s.resolution.when, resolution.recoveredAt ? fullTime(ctx, resolution.recoveredAt) : s.toFillIn),
      ].join('\n'),
    );
  } else {
    out.push(s.resolution.prompt);
  }

  // The scenario's own section.
  const section = SCENARIO_SECTION[incident.scenario];
  out.push(`## ${h.scenario[section]}`);
  const prompts = s.scenarioPrompts[section];
  out.push(prompts.length === 1 ? (prompts[0] ?? '') : prompts.map((p) => `- ${p}`).join('\n'));

  // 7. Action items.
  out.push(`## ${h.actionItems}`);
  const items = [...input.actionItems].sort(
    (a, b) => a.createdAt.toMillis() - b.createdAt.toMillis() || a.id - b.id,
  );
  for (const horizon of HORIZONS) {
    out.push(`### ${h.horizons[horizon]}`);
    const group = items.filter((i) => i.horizon === horizon);
    out.push(
      group.length === 0
        ? s.actionItems.none
        : group
            .map((i) => {
              const owner = i.ownerId ? userName(ctx, i.ownerId) : s.actionItems.unassigned;
              const due = i.dueDate ? ` — ${s.actionItems.due}: ${escapeInline(i.dueDate)}` : '';
              return `- [${i.done ? 'x' : ' '}] ${escapeInline(i.title)} — ${s.actionItems.owner}: ${owner}${due}`;
            })
            .join('\n'),
    );
  }

  // 8. Lessons learned.
  out.push(`## ${h.lessons}`);
  out.push(`### ${h.wentWell}`, s.lessons.wentWell);
  out.push(`### ${h.wentWrong}`, s.lessons.wentWrong);
  out.push(`### ${h.gotLucky}`, s.lessons.gotLucky);

  // 9. Metrics.
  const m = s.metrics;
  out.push(`## ${h.metrics}`);
  out.push(
    table(
      [m.metric, m.value],
      [
        [m.timeToDetect, mins(ctx, metrics.timeToDetectMinutes)],
        [m.timeToAcknowledge, mins(ctx, metrics.timeToAcknowledgeMinutes)],
        [m.timeToMitigate, mins(ctx, metrics.timeToMitigateMinutes)],
        [m.timeToResolve, mins(ctx, metrics.timeToResolveMinutes)],
        [m.updates, m.updatesValue(metrics.updatesPosted, metrics.updatesExpected)],
        [m.longestGap, mins(ctx, metrics.longestGapMinutes)],
      ],
    ),
  );

  // 10. Appendix.
  out.push(`## ${h.appendix}`);
  const updates = [...input.updates].sort(
    (a, b) => a.postedAt.toMillis() - b.postedAt.toMillis() || a.id - b.id,
  );
  if (updates.length === 0) out.push(s.appendix.none);
  updates.forEach((u, i) => {
    out.push(`### ${h.update(i + 1, `${shortTime(ctx, u.postedAt)} ${zoneAbbreviation(ctx.zone, u.postedAt)}`)}`);
    out.push(appendixUpdate(ctx, u));
  });
  return out;
}

function timelineLine(ctx: Ctx, entry: TimelineEntry): string {
  const parts = [shortTime(ctx, entry.at)];
  if (entry.markers.length > 0) {
    parts.push(`**${entry.markers.map((k) => ctx.s.keyMoments[k]).join(' · ')}**`);
  }
  if (entry.event) {
    let text = describeEvent(ctx, entry.event);
    if (entry.event.actorId) text += ` — ${userName(ctx, entry.event.actorId)}`;
    parts.push(text);
  } else if (entry.markers.includes('recovery') && ctx.input.resolution?.recoverySignal?.trim()) {
    parts.push(escapeInline(truncate(flatten(ctx.input.resolution.recoverySignal), 160)));
  }
  return `- ${parts.join(' · ')}`;
}

function responders(ctx: Ctx): string[] {
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

function appendixUpdate(ctx: Ctx, u: StatusUpdate): string {
  const { s } = ctx;
  const info = SEVERITY_INFO[u.severity];
  const labels: Record<string, string> = s.reportFields[u.severity as Severity] ?? {};
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

// ---------------------------------------------------------------------------------------------
// External variant

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Removes what must not reach customers from free text: Slack mentions and channel links
 * (`<@U…>`, `<#C…|name>`, `<!channel>`), any URL, `#channel` names, Slack user/channel ids,
 * `@handles`, `INC-n` references, and every known display name, user id and the channel name.
 */
export function redactForExternal(text: string, input: PostmortemInput, marker: string): string {
  let out = text
    .replace(/<[^<>\n]*>/g, marker)
    .replace(/\b(?:https?:\/\/|www\.)\S+/gi, marker)
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

function renderExternal(ctx: Ctx): string[] {
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
  const duration = metrics.durationMinutes === null ? null : s.duration(metrics.durationMinutes);
  out.push(
    x.whenLine(
      fullTime(ctx, metrics.startedAt),
      metrics.resolvedAt ? fullTime(ctx, metrics.resolvedAt) : null,
      duration,
    ),
  );

  out.push(`## ${x.whoAffected}`);
  const affected = [incident.impact, resolution?.customerImpact ?? '']
    .flatMap((t) => textLines(clean(t)))
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
