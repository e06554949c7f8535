import type { RecordedAlert } from '../../domain/alerts/alert.js';
import { severityForLabel } from '../../domain/alerts/rules.js';
import { incidentRef, type Incident } from '../../domain/incident.js';
import { SEVERITY_INFO } from '../../domain/severity.js';
import { ACTION_ID } from '../ids.js';
import { actions, button, context, section } from './elements.js';
import { fallback } from './incident-format.js';
import type { BlockMessage } from './message.js';
import { safe, safeLink, slackDate } from './mrkdwn.js';

/** Safe links to the alert's details and its runbook, for those it has as http(s) URLs. */
function alertLinks(alert: RecordedAlert): string {
  const details = safeLink(alert.detailsUrl, 'details');
  const runbook = safeLink(alert.runbookUrl, 'runbook');
  return `${details ? ` · ${details}` : ''}${runbook ? ` · :book: ${runbook}` : ''}`;
}

function labelSummary(alert: RecordedAlert): string {
  const shown = Object.entries(alert.labels).filter(([name]) => name !== '__name__').slice(0, 8);
  return shown.map(([name, value]) => `${name}=${value}`).join(', ');
}

/** An alert no incident tracks, posted to #incidents: the people watching decide whether to declare. */
export function alertPost(alert: RecordedAlert): BlockMessage {
  const severity = severityForLabel(alert.labels.severity);
  const level = severity ? ` (${SEVERITY_INFO[severity].label} by its severity label)` : '';
  const title = safe(alert.title, 300);
  return {
    text: fallback(`Alert from ${alert.sourceName}: ${alert.title}`),
    blocks: [
      section(`:rotating_light: *Alert from ${safe(alert.sourceName, 60)}*${level}\n*${title}*`),
      context(`Firing since ${slackDate(alert.startsAt)}${alertLinks(alert)} · ${safe(labelSummary(alert), 500)}`),
      actions([button('Declare incident', ACTION_ID.declareFromAlert, String(alert.id), 'primary')]),
    ],
  };
}

/** An alert attached to an incident, in its channel; a Resolve button once every alert has resolved. */
export function alertNotice(incident: Pick<Incident, 'id' | 'status'>, alert: RecordedAlert, suggestResolve: boolean): BlockMessage {
  const firing = alert.status === 'firing';
  const headline = firing
    ? `:rotating_light: *${safe(alert.sourceName, 60)}: alert firing* — ${safe(alert.title, 300)}`
    : `:large_green_circle: *${safe(alert.sourceName, 60)}: alert resolved* — ${safe(alert.title, 300)}`;
  const when = firing ? `since ${slackDate(alert.startsAt)}` : `at ${slackDate(alert.endsAt ?? alert.startsAt)}`;
  const blocks: BlockMessage['blocks'] = [section(headline), context(`${when}${alertLinks(alert)}`)];
  const offerResolve = suggestResolve && incident.status !== 'resolved';
  if (offerResolve) {
    blocks.push(
      section(`Every alert of ${incidentRef(incident.id)} has resolved. If the service has recovered, resolve the incident.`),
      actions([button('Resolve incident', ACTION_ID.openResolve, String(incident.id), 'primary')]),
    );
  }
  return { text: fallback(`${incidentRef(incident.id)}: alert ${firing ? 'firing' : 'resolved'}: ${alert.title}`), blocks };
}
