import type { KnownBlock } from '@slack/types';
import type { Incident } from '../../domain/incident.js';
import { incidentRef, SCENARIO_LABEL, STATUS_LABEL } from '../../domain/incident.js';
import type { SeverityHistory } from '../../domain/severity-history.js';
import { SEVERITY_INFO } from '../../domain/severity.js';
import { incidentButtonValue } from '../button-values.js';
import { ACTION_ID, MESSAGE_BLOCK_ID } from '../ids.js';
import { actions, button, context, fields, header, section } from './elements.js';
import {
  DRILL_MARKER,
  fallback,
  mentionOrNone,
  nextUpdateText,
  plainTitle,
  severityText,
  severityWithPeak,
  statusText,
} from './incident-format.js';
import type { BlockMessage } from './message.js';
import { quote, slackDate, userMention } from './mrkdwn.js';

export interface IncidentCardInput {
  incident: Incident;
  /** The workspace's cadence for this severity; shown when given. */
  cadenceMinutes?: number;
  /** The peak beside the current severity, once it differs. */
  severity?: SeverityHistory;
}

/** The card pinned in the incident channel, kept current as the incident changes. */
export function incidentCard({ incident, cadenceMinutes, severity }: IncidentCardInput): BlockMessage {
  const resolved = incident.status === 'resolved';
  const value = incidentButtonValue(incident.id);

  const facts = [
    `*Severity*\n${severity && severity.peak !== severity.final ? severityWithPeak(severity, resolved) : severityText(incident.severity)}`,
    `*Status*\n${statusText(incident.status)}`,
    `*Commander*\n${userMention(incident.commanderId)}`,
    `*Comms lead*\n${mentionOrNone(incident.commsLeadId)}`,
    ...(incident.scribeId ? [`*Scribe*\n${userMention(incident.scribeId)}`] : []),
    `*Scenario*\n${SCENARIO_LABEL[incident.scenario]}`,
    `*Declared*\n${slackDate(incident.declaredAt)}`,
    resolved && incident.resolvedAt
      ? `*Resolved*\n${slackDate(incident.resolvedAt)}`
      : `*Next update due*\n${nextUpdateText(incident)}`,
  ];

  const blocks: KnownBlock[] = [header(`${plainTitle(incident)}`)];
  if (incident.isDrill) blocks.push(section(DRILL_MARKER));
  blocks.push(fields(facts));
  blocks.push(section(`*Impact*\n${incident.impact.trim() ? quote(incident.impact, 2900) : '_not described yet_'}`));
  blocks.push(
    actions(
      resolved
        ? [button('Reopen', ACTION_ID.reopen, value)]
        : [
            button('Post update', ACTION_ID.openUpdate, value, 'primary'),
            button('Resolve', ACTION_ID.openResolve, value, 'danger'),
          ],
      MESSAGE_BLOCK_ID.cardActions,
    ),
  );
  blocks.push(
    context(
      resolved
        ? 'Resolved. `/incident reopen` if it comes back.'
        : `${cadenceMinutes ? `Status update every ${cadenceMinutes} min. ` : ''}\`/incident help\` for commands.`,
    ),
  );

  const drill = incident.isDrill ? '[DRILL] ' : '';
  const text = fallback(
    `${drill}${incidentRef(incident.id)} ${incident.title} — ${SEVERITY_INFO[incident.severity].label}, ${STATUS_LABEL[incident.status]}`,
  );
  return { text, blocks };
}
