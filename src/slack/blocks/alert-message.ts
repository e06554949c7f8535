import type { RecordedAlert } from '../../domain/alerts/alert.js';
import { severityForLabel } from '../../domain/alerts/rules.js';
import { incidentRef, type Incident } from '../../domain/incident.js';
import { SEVERITY_INFO } from '../../domain/severity.js';
import type { Texts } from '../../domain/texts/index.js';
import { ACTION_ID } from '../ids.js';
import { actions, button, context, section } from './elements.js';
import { fallback } from './incident-format.js';
import type { BlockMessage } from './message.js';
import { safe, safeLink, slackDate } from './mrkdwn.js';

/** Safe links to the alert's details and its runbook, for those it has as http(s) URLs. */
function alertLinks(alert: RecordedAlert, texts: Texts): string {
  const details = safeLink(alert.detailsUrl, texts.notices.alert.details);
  const runbook = safeLink(alert.runbookUrl, texts.notices.alert.runbook);
  return `${details ? ` · ${details}` : ''}${runbook ? ` · :book: ${runbook}` : ''}`;
}

function labelSummary(alert: RecordedAlert): string {
  const shown = Object.entries(alert.labels).filter(([name]) => name !== '__name__').slice(0, 8);
  return shown.map(([name, value]) => `${name}=${value}`).join(', ');
}

/** An alert no incident tracks, posted to #incidents: the people watching decide whether to declare. */
export function alertPost(alert: RecordedAlert, texts: Texts): BlockMessage {
  const t = texts.notices.alert;
  const severity = severityForLabel(alert.labels.severity);
  const level = severity ? ` ${t.bySeverityLabel(SEVERITY_INFO[severity].label)}` : '';
  const title = safe(alert.title, 300);
  return {
    text: fallback(`${t.from(alert.sourceName)}: ${alert.title}`),
    blocks: [
      section(`:rotating_light: *${t.from(safe(alert.sourceName, 60))}*${level}\n*${title}*`),
      context(`${t.firingSince(slackDate(alert.startsAt))}${alertLinks(alert, texts)} · ${safe(labelSummary(alert), 500)}`),
      actions([button(t.declare, ACTION_ID.declareFromAlert, String(alert.id), 'primary')]),
    ],
  };
}

/** An alert attached to an incident, in its channel; a Resolve button once every alert has resolved. */
export function alertNotice(incident: Pick<Incident, 'id' | 'status'>, alert: RecordedAlert, suggestResolve: boolean, texts: Texts): BlockMessage {
  const t = texts.notices.alert;
  const firing = alert.status === 'firing';
  const source = safe(alert.sourceName, 60);
  const headline = firing
    ? `:rotating_light: *${t.firing(source)}* — ${safe(alert.title, 300)}`
    : `:large_green_circle: *${t.resolved(source)}* — ${safe(alert.title, 300)}`;
  const when = firing ? t.since(slackDate(alert.startsAt)) : t.at(slackDate(alert.endsAt ?? alert.startsAt));
  const blocks: BlockMessage['blocks'] = [section(headline), context(`${when}${alertLinks(alert, texts)}`)];
  const offerResolve = suggestResolve && incident.status !== 'resolved';
  if (offerResolve) {
    blocks.push(
      section(t.allResolved(incidentRef(incident.id))),
      actions([button(t.resolveIncident, ACTION_ID.openResolve, String(incident.id), 'primary')]),
    );
  }
  const ref = incidentRef(incident.id);
  return { text: fallback(firing ? t.firingPlain(ref, alert.title) : t.resolvedPlain(ref, alert.title)), blocks };
}
