import type { ConversationEntry } from '../../domain/conversation.js';
import { ROLE_LABEL, SCENARIO_LABEL, STATUS_LABEL } from '../../domain/incident.js';
import { SEVERITY_INFO } from '../../domain/severity.js';
import type { TimelineEvent } from '../../domain/timeline.js';
import { milestoneOf, recordedLate } from '../../domain/timeline-corrections.js';
import { MILESTONE_LABEL } from './timeline-entry-modal.js';
import { safe, slackDate, userMention } from './mrkdwn.js';
import { describeChecklistEvent } from '../../domain/postmortem/checklist-section.js';
import { CHECKLIST_TEXT } from '../../domain/postmortem/checklist-text.js';

const ENTRY_TEXT_SHOWN = 600;

/** What one timeline event says, in escaped mrkdwn (user text clipped). */
export function describeEvent(event: TimelineEvent): string {
  switch (event.kind) {
    case 'declared':
      return `Incident declared (${SEVERITY_INFO[event.data.severity].label}): ${safe(event.data.title, 150)}`;
    case 'status_changed':
      return `Status: ${STATUS_LABEL[event.data.from]} → *${STATUS_LABEL[event.data.to]}*`;
    case 'severity_changed':
      return `Severity: ${SEVERITY_INFO[event.data.from].label} → *${SEVERITY_INFO[event.data.to].label}*`;
    case 'role_assigned':
      return `${ROLE_LABEL[event.data.role]}: ${userMention(event.data.userId)}`;
    case 'update_posted':
      return `Status update posted (${STATUS_LABEL[event.data.status]})`;
    case 'note_added':
      return safe(event.data.text, ENTRY_TEXT_SHOWN);
    case 'reminder_sent':
      return 'Update reminder sent';
    case 'reminder_escalated':
      return 'Update reminder escalated';
    case 'update_overdue':
      return 'Status update overdue';
    case 'reminder_withdrawn':
      return 'Update reminder withdrawn before it reached Slack';
    case 'snoozed':
      return `Reminder snoozed for ${event.data.minutes} min`;
    case 'resolved':
      return `Resolved: ${safe(event.data.summary, 300)}`;
    case 'reopened':
      return 'Reopened';
    case 'action_item_added':
      return `Action item: ${safe(event.data.title, 300)}`;
    case 'postmortem_generated':
      return 'Postmortem draft written';
    case 'scenario_changed':
      return `Scenario: ${SCENARIO_LABEL[event.data.from]} → *${SCENARIO_LABEL[event.data.to]}*`;
    case 'action_item_done':
      return `Action item done: ${safe(event.data.title, 300)}`;
    case 'alert_fired':
      return `Alert fired (${safe(event.data.source, 60)}): ${safe(event.data.title, 300)}`;
    case 'alert_resolved':
      return `Alert resolved (${safe(event.data.source, 60)}): ${safe(event.data.title, 300)}`;
    case 'entry_edited':
      return 'Entry edited';
    case 'entry_removed':
      return 'Entry removed';
    case 'message_pinned':
    case 'message_unpinned':
    case 'message_edited':
    case 'message_deleted':
    case 'message_fetched':
      return 'Message on the timeline';
    case 'runbook_attached':
    case 'checklist_item_done':
    case 'checklist_item_skipped':
    case 'checklist_item_reopened':
    case 'checklist_item_assigned':
    case 'checklist_item_added':
      return describeChecklistEvent(CHECKLIST_TEXT.en, event, userMention, (text) => safe(text, 300));
    case 'channel_created':
      return 'Channel created';
    case 'postmortem_shared':
      return 'Postmortem draft shared';
  }
}

/** `*<time>* · :triangular_flag_on_post: *Detected* · text — @author (added …) (edited …)`, times in each reader's zone. */
export function timelineLine(event: TimelineEvent): string {
  const parts = [`*${slackDate(event.occurredAt)}*`];
  const milestone = milestoneOf(event);
  if (milestone) parts.push(`:triangular_flag_on_post: *${MILESTONE_LABEL[milestone]}*`);
  let text = describeEvent(event);
  if (event.actorId) text += ` — ${userMention(event.actorId)}`;
  if (recordedLate(event) && event.recordedAt) text += ` _(added ${slackDate(event.recordedAt)})_`;
  if (event.editedAt) text += ` _(edited ${slackDate(event.editedAt)})_`;
  parts.push(text);
  return parts.join(' · ');
}

/** A message put on the timeline: its own time, what it said, who wrote it, and a link to it. */
export function messageLine(message: ConversationEntry): string {
  const text = message.text === null ? '_message not read yet_' : safe(message.text, ENTRY_TEXT_SHOWN);
  const files = message.files.length > 0 ? ` (${message.files.length} file${message.files.length === 1 ? '' : 's'})` : '';
  const author = message.authorId ? ` — ${userMention(message.authorId)}` : '';
  const link = message.permalink && /^https?:\/\//.test(message.permalink) ? ` · <${message.permalink}|message>` : '';
  return `*${slackDate(message.at)}* · :pushpin: ${text}${files}${author}${link}`;
}
