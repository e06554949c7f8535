import type { ConversationEntry } from '../../domain/conversation.js';
import { SEVERITY_INFO } from '../../domain/severity.js';
import type { Texts } from '../../domain/texts/index.js';
import type { TimelineEvent } from '../../domain/timeline.js';
import { milestoneOf, recordedLate } from '../../domain/timeline-corrections.js';
import { safe, slackDate, userMention } from './mrkdwn.js';
import { describeChecklistEvent } from '../../domain/postmortem/checklist-section.js';
import { CHECKLIST_TEXT } from '../../domain/postmortem/checklist-text.js';

const ENTRY_TEXT_SHOWN = 600;

/** What one timeline event says in the reader's language, in escaped mrkdwn (user text clipped). */
export function describeEvent(event: TimelineEvent, texts: Texts): string {
  const t = texts.lists.timeline.events;
  const { status, role, scenario } = texts.terms;
  switch (event.kind) {
    case 'declared':
      return t.declared(SEVERITY_INFO[event.data.severity].label, safe(event.data.title, 150));
    case 'status_changed':
      return t.statusChanged(status[event.data.from], status[event.data.to]);
    case 'severity_changed':
      return t.severityChanged(SEVERITY_INFO[event.data.from].label, SEVERITY_INFO[event.data.to].label);
    case 'role_assigned':
      return `${role[event.data.role]}: ${userMention(event.data.userId)}`;
    case 'update_posted':
      return t.updatePosted(status[event.data.status]);
    case 'note_added':
      return safe(event.data.text, ENTRY_TEXT_SHOWN);
    case 'reminder_sent':
      return t.reminderSent;
    case 'reminder_escalated':
      return t.reminderEscalated;
    case 'update_overdue':
      return t.updateOverdue;
    case 'reminder_withdrawn':
      return t.reminderWithdrawn;
    case 'snoozed':
      return t.snoozed(event.data.minutes);
    case 'resolved':
      return t.resolved(safe(event.data.summary, 300));
    case 'reopened':
      return t.reopened;
    case 'action_item_added':
      return t.actionItemAdded(safe(event.data.title, 300));
    case 'postmortem_generated':
      return t.postmortemGenerated;
    case 'scenario_changed':
      return t.scenarioChanged(scenario[event.data.from], scenario[event.data.to]);
    case 'action_item_done':
      return t.actionItemDone(safe(event.data.title, 300));
    case 'alert_fired':
      return t.alertFired(safe(event.data.source, 60), safe(event.data.title, 300));
    case 'alert_resolved':
      return t.alertResolved(safe(event.data.source, 60), safe(event.data.title, 300));
    case 'entry_edited':
      return t.entryEdited;
    case 'entry_removed':
      return t.entryRemoved;
    case 'message_pinned':
    case 'message_unpinned':
    case 'message_edited':
    case 'message_deleted':
    case 'message_fetched':
      return t.messageOnTimeline;
    case 'runbook_attached':
    case 'checklist_item_done':
    case 'checklist_item_skipped':
    case 'checklist_item_reopened':
    case 'checklist_item_assigned':
    case 'checklist_item_added':
      return describeChecklistEvent(CHECKLIST_TEXT[texts.locale], event, userMention, (text) => safe(text, 300));
    case 'channel_created':
      return t.channelCreated;
    case 'postmortem_shared':
      return t.postmortemShared;
  }
}

/** `*<time>* · :triangular_flag_on_post: *Detected* · text — @author (added …) (edited …)`, times in each reader's zone. */
export function timelineLine(event: TimelineEvent, texts: Texts): string {
  const t = texts.lists.timeline.events;
  const parts = [`*${slackDate(event.occurredAt)}*`];
  const milestone = milestoneOf(event);
  if (milestone) parts.push(`:triangular_flag_on_post: *${texts.forms.timelineEntry.milestone[milestone].label}*`);
  let text = describeEvent(event, texts);
  if (event.actorId) text += ` — ${userMention(event.actorId)}`;
  if (recordedLate(event) && event.recordedAt) text += ` ${t.added(slackDate(event.recordedAt))}`;
  if (event.editedAt) text += ` ${t.edited(slackDate(event.editedAt))}`;
  parts.push(text);
  return parts.join(' · ');
}

/** A message put on the timeline: its own time, what it said, who wrote it, and a link to it. */
export function messageLine(message: ConversationEntry, texts: Texts): string {
  const t = texts.lists.timeline.events;
  const text = message.text === null ? t.messageNotRead : safe(message.text, ENTRY_TEXT_SHOWN);
  const files = message.files.length > 0 ? ` ${t.files(message.files.length)}` : '';
  const author = message.authorId ? ` — ${userMention(message.authorId)}` : '';
  const link = message.permalink && /^https?:\/\//.test(message.permalink) ? ` · <${message.permalink}|${t.messageLink}>` : '';
  return `*${slackDate(message.at)}* · :pushpin: ${text}${files}${author}${link}`;
}
