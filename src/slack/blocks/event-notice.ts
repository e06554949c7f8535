import type { KnownBlock } from '@slack/types';
import type { DateTime } from 'luxon';
import type { Incident, Role, Scenario, Status } from '../../domain/incident.js';
import { incidentRef, ROLE_LABEL, SCENARIO_LABEL, STATUS_LABEL } from '../../domain/incident.js';
import type { SeverityHistory } from '../../domain/severity-history.js';
import type { Severity } from '../../domain/severity.js';
import { SEVERITY_INFO } from '../../domain/severity.js';
import { context, section } from './elements.js';
import { DRILL_TAG, fallback, SEVERITY_EMOJI, severityWithPeak, STATUS_EMOJI, statusText } from './incident-format.js';
import type { BlockMessage } from './message.js';
import { quote, safe, safeLink, slackDate, userMention } from './mrkdwn.js';

/** A timeline change worth telling the incident channel about. */
export type EventNotice =
  | {
      kind: 'severity_changed';
      actorId: string;
      from: Severity;
      to: Severity;
      cadenceMinutes: number;
      nextUpdateDueAt: DateTime | null;
    }
  | { kind: 'status_changed'; actorId: string; from: Status; to: Status }
  | { kind: 'role_assigned'; actorId: string; role: Role; userId: string }
  | { kind: 'note_added'; authorId: string; text: string }
  | {
      kind: 'resolved';
      actorId: string;
      summary: string;
      rootCause: string;
      rootCauseConfirmed: boolean;
      /** The severity it ended at, with the peak when it ran worse. */
      severity?: SeverityHistory;
    }
  | { kind: 'reopened'; actorId: string }
  | { kind: 'scenario_changed'; actorId: string; from: Scenario; to: Scenario }
  | { kind: 'checklist_item_due'; recipientId: string; runbookTitle: string; itemText: string; dueAt: DateTime; link?: string };

export interface EventNoticeInput {
  incident: Pick<Incident, 'id' | 'isDrill'>;
  event: EventNotice;
}

interface Rendered {
  mrkdwn: string;
  plain: string;
}

function render(event: EventNotice): Rendered {
  switch (event.kind) {
    case 'severity_changed': {
      const from = SEVERITY_INFO[event.from].label;
      const to = SEVERITY_INFO[event.to];
      const due = event.nextUpdateDueAt ? slackDate(event.nextUpdateDueAt) : '—';
      return {
        mrkdwn:
          `${SEVERITY_EMOJI[event.to]} ${userMention(event.actorId)} changed the severity from *${from}* to *${to.label}* (${to.meaning}).\n` +
          `Status updates are now due every *${event.cadenceMinutes} min*; next update due ${due}.`,
        plain: `Severity changed from ${from} to ${to.label}`,
      };
    }
    case 'status_changed':
      return {
        mrkdwn: `${STATUS_EMOJI[event.to]} ${userMention(event.actorId)} moved the incident from *${STATUS_LABEL[event.from]}* to *${STATUS_LABEL[event.to]}*.`,
        plain: `Status changed from ${STATUS_LABEL[event.from]} to ${STATUS_LABEL[event.to]}`,
      };
    case 'role_assigned':
      return {
        mrkdwn: `:bust_in_silhouette: ${userMention(event.userId)} is now *${ROLE_LABEL[event.role]}* (assigned by ${userMention(event.actorId)}).`,
        plain: `New ${ROLE_LABEL[event.role].toLowerCase()}`,
      };
    case 'note_added':
      return {
        mrkdwn: `:pushpin: Note from ${userMention(event.authorId)}:\n${quote(event.text, 2800)}`,
        plain: `Note: ${event.text}`,
      };
    case 'resolved': {
      const certainty = event.rootCauseConfirmed ? 'confirmed' : 'suspected';
      const severity = event.severity ? ` *${severityWithPeak(event.severity, true)}*.` : '';
      return {
        mrkdwn:
          `${statusText('resolved')} by ${userMention(event.actorId)}.${severity}\n` +
          `*Summary*\n${quote(event.summary, 1300)}\n` +
          `*Root cause (${certainty})*\n${quote(event.rootCause, 1300)}`,
        plain: `Resolved: ${event.summary}`,
      };
    }
    case 'reopened':
      return {
        mrkdwn: `:leftwards_arrow_with_hook: ${userMention(event.actorId)} reopened the incident; it is *${STATUS_LABEL.investigating}* again and status updates are due on cadence.`,
        plain: 'Reopened',
      };
    case 'scenario_changed':
      return {
        mrkdwn:
          `:card_index_dividers: ${userMention(event.actorId)} changed the scenario from *${SCENARIO_LABEL[event.from]}* to *${SCENARIO_LABEL[event.to]}*; ` +
          'the postmortem draft follows its template.',
        plain: `Scenario changed to ${SCENARIO_LABEL[event.to]}`,
      };
    case 'checklist_item_due': {
      const link = safeLink(event.link, 'how');
      return {
        mrkdwn:
          `:alarm_clock: ${userMention(event.recipientId)}, this step of *${safe(event.runbookTitle, 150)}* was due ${slackDate(event.dueAt)} and is still open:\n` +
          `${quote(event.itemText, 1000)}${link ? `\n${link}` : ''}`,
        plain: `Step due: ${event.itemText}`,
      };
    }
  }
}

/** A short notice in the incident channel for one timeline change. */
export function eventNotice({ incident, event }: EventNoticeInput): BlockMessage {
  const { mrkdwn, plain } = render(event);
  const blocks: KnownBlock[] = [section(mrkdwn)];
  if (incident.isDrill) blocks.push(context(':construction: *DRILL*'));
  const drill = incident.isDrill ? `${DRILL_TAG} ` : '';
  return { text: fallback(`${drill}${incidentRef(incident.id)}: ${plain}`), blocks };
}

