import { parseScenario, ROLES, STATUSES, type Role, type Status } from '../incident.js';
import { isSeverity, SEVERITY_INFO } from '../severity.js';
import type { StatusUpdate, TimelineEvent } from '../timeline.js';
import { recordedLate } from '../timeline-corrections.js';
import { shortTime, userName, zoneAbbreviation, type RenderContext } from './formatting.js';
import type { ConversationEntry } from '../conversation.js';
import { escapeInline, flatten, truncate } from './markdown.js';
import type { TimelineEntry } from './timeline-entries.js';
import { describeChecklistEvent } from './checklist-section.js';
import { CHECKLIST_TEXT } from './checklist-text.js';

/** 4. Timeline (internal variant): the zone note, then one line per entry. */
export function timelineSection(ctx: RenderContext): string[] {
  const { s, metrics } = ctx;
  return [
    `## ${s.headings.timeline}`,
    s.timeline.timesIn(`${zoneAbbreviation(ctx.zone, metrics.startedAt)} (${ctx.zone})`),
    ctx.entries.length === 0
      ? s.timeline.empty
      : ctx.entries.map((e) => timelineLine(ctx, e)).join('\n'),
  ];
}

function timelineLine(ctx: RenderContext, entry: TimelineEntry): string {
  const parts = [shortTime(ctx, entry.at)];
  if (entry.markers.length > 0) {
    parts.push(`**${entry.markers.map((k) => ctx.s.keyMoments[k]).join(' · ')}**`);
  }
  if (entry.message) {
    parts.push(describeMessage(ctx, entry.message));
  } else if (entry.event) {
    let text = describeEvent(ctx, entry.event);
    if (entry.event.actorId) text += ` — ${userName(ctx, entry.event.actorId)}`;
    if (recordedLate(entry.event) && entry.event.recordedAt) text += ` ${ctx.s.timeline.added(shortTime(ctx, entry.event.recordedAt))}`;
    if (entry.event.editedAt) text += ` ${ctx.s.timeline.edited(shortTime(ctx, entry.event.editedAt))}`;
    parts.push(text);
  } else if (entry.markers.includes('recovery') && ctx.input.resolution?.recoverySignal?.trim()) {
    parts.push(escapeInline(truncate(flatten(ctx.input.resolution.recoverySignal), 160)));
  }
  return `- ${parts.join(' · ')}`;
}

/** A message of the conversation: its author, its text (escaped), a link to it and its files. */
function describeMessage(ctx: RenderContext, message: ConversationEntry): string {
  const t = ctx.s.events;
  const author = message.authorId ? userName(ctx, message.authorId) : ctx.s.unknown;
  let text = t.message_pinned(author, message.text === null ? null : escapeInline(truncate(flatten(message.text), 300)));
  const link = markdownLink(t.message_link, message.permalink);
  if (link) text += ` (${link})`;
  const files = message.files.flatMap((f) => {
    const fileLink = markdownLink(escapeInline(truncate(flatten(f.name), 80)), f.permalink);
    return fileLink ? [fileLink] : [];
  });
  if (files.length > 0) text += ` · ${t.message_files}: ${files.join(', ')}`;
  return text;
}

/** `[label](url)` for a plain http(s) URL; null for anything that could break out of the link. */
function markdownLink(label: string, url: string | null): string | null {
  if (!url || !/^https?:\/\/[^\s<>()\\`]+$/.test(url)) return null;
  return `[${label}](${url})`;
}

/** A timeline event in words (internal variant), user text escaped. */
function describeEvent(ctx: RenderContext, event: TimelineEvent): string {
  const t = ctx.s.events;
  switch (event.kind) {
    case 'declared': {
      const sev = str(event.data, 'severity');
      return t.declared(sev ? severityLabel(sev) : null);
    }
    case 'status_changed':
      return t.status_changed(statusLabel(ctx, str(event.data, 'from')), statusLabel(ctx, str(event.data, 'to')));
    case 'severity_changed':
      return t.severity_changed(severityLabel(str(event.data, 'from')), severityLabel(str(event.data, 'to')));
    case 'role_assigned':
      return t.role_assigned(roleLabel(ctx, str(event.data, 'role')), userName(ctx, str(event.data, 'userId')));
    case 'update_posted': {
      const u = findUpdate(ctx, event.data.updateId);
      if (!u) return t.update_posted(null, '');
      const label = `${SEVERITY_INFO[u.severity].label}, ${ctx.s.status[u.status]}`;
      return t.update_posted(label, escapeInline(truncate(flatten(updateSummary(u)), 160)));
    }
    case 'note_added':
      return t.note_added(escapeInline(str(event.data, 'text') ?? ''));
    case 'snoozed': {
      const m = event.data.minutes;
      return t.snoozed(typeof m === 'number' && Number.isFinite(m) ? m : null);
    }
    case 'action_item_added':
      return t.action_item_added(escapeInline(str(event.data, 'title') ?? ''));
    case 'alert_fired':
    case 'alert_resolved':
      return t[event.kind](escapeInline(truncate(flatten(str(event.data, 'title') ?? ''), 160)), escapeInline(str(event.data, 'source') ?? ''));
    case 'action_item_done':
      return t.action_item_done(escapeInline(str(event.data, 'title') ?? ''));
    case 'scenario_changed':
      return t.scenario_changed(scenarioLabel(ctx, str(event.data, 'from')), scenarioLabel(ctx, str(event.data, 'to')));
    case 'entry_edited':
    case 'entry_removed':
    case 'reminder_sent':
    case 'reminder_escalated':
    case 'update_overdue':
    case 'reminder_withdrawn':
    case 'resolved':
    case 'reopened':
    case 'postmortem_generated':
    case 'channel_created':
    case 'postmortem_shared':
      return t[event.kind];
    case 'runbook_attached':
    case 'checklist_item_done':
    case 'checklist_item_skipped':
    case 'checklist_item_reopened':
    case 'checklist_item_assigned':
    case 'checklist_item_added':
      return describeChecklistEvent(CHECKLIST_TEXT[ctx.options.locale], event, (id) => userName(ctx, id), (text) => escapeInline(truncate(flatten(text), 300)));
    case 'message_pinned':
    case 'message_unpinned':
    case 'message_edited':
    case 'message_deleted':
    case 'message_fetched':
      // Folded into one line per message (describeMessage); never a line of their own.
      return t.message_history;
  }
}

function str(data: Record<string, unknown>, key: string): string | undefined {
  const v = data[key];
  return typeof v === 'string' ? v : undefined;
}

function statusLabel(ctx: RenderContext, value: string | undefined): string {
  if (value && (STATUSES as readonly string[]).includes(value)) return ctx.s.status[value as Status];
  return value ? escapeInline(value) : ctx.s.unknown;
}

function scenarioLabel(ctx: RenderContext, value: string | undefined): string {
  const scenario = value === undefined ? undefined : parseScenario(value);
  if (scenario) return ctx.s.scenario[scenario];
  return value ? escapeInline(value) : ctx.s.unknown;
}

function severityLabel(value: string | undefined): string {
  if (value && isSeverity(value)) return SEVERITY_INFO[value].label;
  return value ? escapeInline(value) : '?';
}

function roleLabel(ctx: RenderContext, value: string | undefined): string {
  if (value && (ROLES as readonly string[]).includes(value)) return ctx.s.facts.roles[value as Role];
  return value ? escapeInline(value) : ctx.s.unknown;
}

function findUpdate(ctx: RenderContext, raw: unknown): StatusUpdate | undefined {
  const id = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
  return ctx.input.updates.find((u) => u.id === id);
}

function updateSummary(update: StatusUpdate): string {
  const first = SEVERITY_INFO[update.severity].reportFields
    .map((f) => update.fields[f.id])
    .find((v) => v !== undefined && v.trim() !== '');
  return update.fields['summary'] ?? first ?? '';
}
