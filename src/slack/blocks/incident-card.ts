import type { KnownBlock } from '@slack/types';
import type { Incident } from '../../domain/incident.js';
import { incidentRef } from '../../domain/incident.js';
import type { SeverityHistory } from '../../domain/severity-history.js';
import { SEVERITY_INFO } from '../../domain/severity.js';
import type { Texts } from '../../domain/texts/index.js';
import { incidentButtonValue } from '../button-values.js';
import { ACTION_ID, MESSAGE_BLOCK_ID } from '../ids.js';
import { actions, button, context, fields, header, section } from './elements.js';
import {
  drillPrefix,
  fallback,
  mentionOrNone,
  nextUpdateText,
  plainTitle,
  severityText,
  severityWithPeak,
  statusText,
  TITLE_MAX,
} from './incident-format.js';
import type { BlockMessage } from './message.js';
import { quote, slackDate, userMention } from './mrkdwn.js';

export interface IncidentCardInput {
  incident: Incident;
  /** The workspace's cadence for this severity; shown when given. */
  cadenceMinutes?: number;
  /** The peak beside the current severity, once it differs. */
  severity?: SeverityHistory;
  /** The channel's language (BOT_LOCALE). */
  texts: Texts;
}

/** The card pinned in the incident channel, kept current as the incident changes. */
export function incidentCard({ incident, cadenceMinutes, severity, texts }: IncidentCardInput): BlockMessage {
  const { card, buttons } = texts.channel;
  const labels = { severity: texts.declare.severityLabel, scenario: texts.declare.scenarioLabel, impact: texts.declare.impactLabel };
  const resolved = incident.status === 'resolved';
  const value = incidentButtonValue(incident.id);

  const facts = [
    `*${labels.severity}*\n${severity && severity.peak !== severity.final ? severityWithPeak(severity, resolved, texts) : severityText(incident.severity, texts)}`,
    `*${card.status}*\n${statusText(incident.status, texts)}`,
    `*${texts.terms.role.commander}*\n${userMention(incident.commanderId)}`,
    `*${card.commsLead}*\n${mentionOrNone(incident.commsLeadId, texts)}`,
    ...(incident.scribeId ? [`*${texts.terms.role.scribe}*\n${userMention(incident.scribeId)}`] : []),
    `*${labels.scenario}*\n${texts.terms.scenario[incident.scenario]}`,
    `*${card.declared}*\n${slackDate(incident.declaredAt)}`,
    resolved && incident.resolvedAt
      ? `*${card.resolved}*\n${slackDate(incident.resolvedAt)}`
      : `*${card.nextUpdateDue}*\n${nextUpdateText(incident)}`,
  ];

  const blocks: KnownBlock[] = [header(plainTitle(incident, TITLE_MAX, texts))];
  if (incident.isDrill) blocks.push(section(texts.channel.drillMarker));
  blocks.push(fields(facts));
  blocks.push(section(`*${labels.impact}*\n${incident.impact.trim() ? quote(incident.impact, 2900) : `_${card.impactMissing}_`}`));
  blocks.push(
    actions(
      resolved
        ? [button(buttons.reopen, ACTION_ID.reopen, value)]
        : [
            button(buttons.postUpdate, ACTION_ID.openUpdate, value, 'primary'),
            button(buttons.resolve, ACTION_ID.openResolve, value, 'danger'),
          ],
      MESSAGE_BLOCK_ID.cardActions,
    ),
  );
  blocks.push(context(resolved ? card.resolvedFooter : `${cadenceMinutes ? `${card.cadence(cadenceMinutes)} ` : ''}${card.helpFooter}`));

  const text = fallback(
    `${drillPrefix(incident, texts)}${incidentRef(incident.id)} ${incident.title} — ${SEVERITY_INFO[incident.severity].label}, ${texts.terms.status[incident.status]}`,
  );
  return { text, blocks };
}
