import { DateTime } from 'luxon';
import type { RecordedAlert } from '../../domain/alerts/alert.js';
import type { Incident } from '../../domain/incident.js';
import { alertNotice, alertPost } from '../blocks/alert-message.js';
import type { ReminderClosure, ReminderView } from '../../domain/reminder-view.js';
import type { SeverityHistory } from '../../domain/severity-history.js';
import type { CadenceMinutes } from '../../domain/severity.js';
import type { Texts } from '../../domain/texts/index.js';
import type { StatusUpdate } from '../../domain/timeline.js';
import type { Notice } from '../../outbox/intents.js';
import { announcement } from '../blocks/announcement.js';
import type { AttachedRunbook } from '../../domain/runbooks/index.js';
import { checklistMessages } from '../blocks/checklist-message.js';
import { eventNotice, type EventNotice } from '../blocks/event-notice.js';
import { incidentCard } from '../blocks/incident-card.js';
import { reminderMessage } from '../blocks/reminder.js';
import { statusUpdateMessage } from '../blocks/status-update-message.js';
import type { RenderedMessage } from './slack-poster.js';

export interface OutboxRenderer {
  /** `severity`: the peak beside the current severity (from the timeline). */
  card(incident: Incident, severity?: SeverityHistory): RenderedMessage;
  /** `postmortemUrl`: the uploaded postmortem draft, once there is one. */
  announcement(incident: Incident, extras?: { postmortemUrl?: string; severity?: SeverityHistory }): RenderedMessage;
  statusUpdate(incident: Incident, update: StatusUpdate): RenderedMessage;
  notice(incident: Incident, notice: Notice, severity?: SeverityHistory): RenderedMessage;
  reminder(incident: Incident, reminder: ReminderView, closed?: ReminderClosure): RenderedMessage;
  alertPost(alert: RecordedAlert): RenderedMessage;
  alertNotice(incident: Incident, alert: RecordedAlert, suggestResolve: boolean): RenderedMessage;
  /** One attached runbook's checklist: one message, or several for a long one. */
  checklist(incident: Incident, runbook: AttachedRunbook): RenderedMessage[];
}

/**
 * Renders the outbox's intents with the Block Kit builders, from the incident as it is now, in the
 * channels' language (`texts`: BOT_LOCALE's).
 */
export function outboxRenderer(cadence: CadenceMinutes, texts: Texts): OutboxRenderer {
  return {
    card: (incident, severity) => incidentCard({ incident, cadenceMinutes: cadence[incident.severity], severity, texts }),
    announcement: (incident, extras) => announcement({ incident, postmortemUrl: extras?.postmortemUrl, severity: extras?.severity, texts }),
    statusUpdate: (incident, update) => statusUpdateMessage({ incident, update, texts }),
    notice: (incident, notice, severity) => eventNotice({ incident, event: toEventNotice(incident, notice, cadence, severity), texts }),
    reminder: (incident, reminder, closed) => reminderMessage({ incident, reminder, closed, texts }),
    alertPost: (alert) => alertPost(alert, texts),
    alertNotice: (incident, alert, suggestResolve) => alertNotice(incident, alert, suggestResolve, texts),
    checklist: (incident, runbook) => checklistMessages({ incident, runbook, texts }),
  };
}

function toEventNotice(incident: Incident, notice: Notice, cadence: CadenceMinutes, severity?: SeverityHistory): EventNotice {
  switch (notice.type) {
    case 'severity_changed':
      return { kind: 'severity_changed', actorId: notice.actorId, from: notice.from, to: notice.to, cadenceMinutes: cadence[notice.to], nextUpdateDueAt: incident.nextUpdateDueAt };
    case 'status_changed':
      return { kind: 'status_changed', actorId: notice.actorId, from: notice.from, to: notice.to };
    case 'role_assigned':
      return { kind: 'role_assigned', actorId: notice.actorId, role: notice.role, userId: notice.userId };
    case 'note_added':
      return { kind: 'note_added', authorId: notice.actorId, text: notice.text };
    case 'resolved':
      return {
        kind: 'resolved', actorId: notice.actorId, summary: notice.summary, rootCause: notice.rootCause, rootCauseConfirmed: notice.rootCauseConfirmed, severity,
      };
    case 'reopened':
      return { kind: 'reopened', actorId: notice.actorId };
    case 'scenario_changed':
      return { kind: 'scenario_changed', actorId: notice.actorId, from: notice.from, to: notice.to };
    case 'checklist_item_due':
      return {
        kind: 'checklist_item_due', recipientId: notice.recipientId, runbookTitle: notice.runbookTitle, itemText: notice.itemText,
        dueAt: DateTime.fromISO(notice.dueAt, { zone: 'utc' }), ...(notice.link ? { link: notice.link } : {}),
      };
  }
}
