import type { KnownBlock } from '@slack/types';
import type { Incident } from '../../domain/incident.js';
import { incidentRef, STATUS_LABEL } from '../../domain/incident.js';
import type { Severity } from '../../domain/severity.js';
import { SEVERITIES, SEVERITY_INFO } from '../../domain/severity.js';
import type { StatusUpdate } from '../../domain/timeline.js';
import { context, fields, section } from './elements.js';
import { DRILL_MARKER, DRILL_TAG, fallback, mrkdwnTitle, nextUpdateText, severityText, statusText } from './incident-format.js';
import type { BlockMessage } from './message.js';
import { LIMITS, quote, slackDate, userMention } from './mrkdwn.js';

export interface StatusUpdateMessageInput {
  incident: Incident;
  update: StatusUpdate;
}

/** The key under which the summary / next steps are stored in `StatusUpdate.fields`. */
export const SUMMARY_FIELD = 'summary';

/** Report fields not in the update's severity (e.g. after a change) keep their known label. */
function labelFor(fieldId: string, severity: Severity): string {
  for (const sev of [severity, ...SEVERITIES]) {
    const found = SEVERITY_INFO[sev].reportFields.find((f) => f.id === fieldId);
    if (found) return found.label;
  }
  return fieldId;
}

/** A posted status update, in the incident channel and as a reply under the announcement. */
export function statusUpdateMessage({ incident, update }: StatusUpdateMessageInput): BlockMessage {
  const declared = SEVERITY_INFO[update.severity].reportFields.map((f) => f.id);
  const extra = Object.keys(update.fields).filter((k) => k !== SUMMARY_FIELD && !declared.includes(k));
  const ids = [...declared, ...extra];

  const blocks: KnownBlock[] = [
    section(`:memo: *Status update* · ${mrkdwnTitle(incident)}\nfrom ${userMention(update.authorId)} · ${slackDate(update.postedAt)}`),
  ];
  if (incident.isDrill) blocks.push(context(DRILL_MARKER));
  blocks.push(fields([`*Status*\n${statusText(update.status)}`, `*Severity*\n${severityText(update.severity)}`]));

  // One section per field; 50 blocks leave room for far more fields than any severity declares.
  const room = LIMITS.messageBlocks - blocks.length - 2;
  for (const id of ids.slice(0, room)) {
    const value = update.fields[id]?.trim();
    blocks.push(section(`*${labelFor(id, update.severity)}*\n${value ? quote(value, 2800) : '_not given_'}`));
  }
  const summary = update.fields[SUMMARY_FIELD]?.trim();
  if (summary) blocks.push(section(`*Summary / next steps*\n${quote(summary, 2800)}`));
  blocks.push(context(`Next update due ${nextUpdateText(incident)}`));

  const drill = incident.isDrill ? `${DRILL_TAG} ` : '';
  const text = fallback(
    `${drill}${incidentRef(incident.id)} update: ${STATUS_LABEL[update.status]}, ${SEVERITY_INFO[update.severity].label}${summary ? ` — ${summary}` : ''}`,
  );
  return { text, blocks: blocks.slice(0, LIMITS.messageBlocks) };
}
