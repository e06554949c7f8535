import type { KnownBlock } from '@slack/types';
import type { Incident } from '../../domain/incident.js';
import { incidentRef } from '../../domain/incident.js';
import type { Severity } from '../../domain/severity.js';
import { SEVERITIES, SEVERITY_INFO } from '../../domain/severity.js';
import type { Texts } from '../../domain/texts/index.js';
import type { StatusUpdate } from '../../domain/timeline.js';
import { context, fields, section } from './elements.js';
import { drillPrefix, fallback, mrkdwnTitle, nextUpdateText, severityText, statusText, TITLE_MAX } from './incident-format.js';
import type { BlockMessage } from './message.js';
import { LIMITS, quote, slackDate, userMention } from './mrkdwn.js';

export interface StatusUpdateMessageInput {
  incident: Incident;
  update: StatusUpdate;
  /** The channel's language (BOT_LOCALE). */
  texts: Texts;
}

/** The key under which the summary / next steps are stored in `StatusUpdate.fields`. */
export const SUMMARY_FIELD = 'summary';

/** Report fields not in the update's severity (e.g. after a change) keep their known label. */
function labelFor(fieldId: string, severity: Severity, texts: Texts): string {
  for (const sev of [severity, ...SEVERITIES]) {
    const found = Object.entries(texts.terms.reportField[sev]).find(([id]) => id === fieldId);
    if (found) return found[1].label;
  }
  return fieldId;
}

/** A posted status update, in the incident channel and as a reply under the announcement. */
export function statusUpdateMessage({ incident, update, texts }: StatusUpdateMessageInput): BlockMessage {
  const t = texts.channel.statusUpdate;
  const declared = SEVERITY_INFO[update.severity].reportFields.map((f) => f.id);
  const extra = Object.keys(update.fields).filter((k) => k !== SUMMARY_FIELD && !declared.includes(k));
  const ids = [...declared, ...extra];

  const blocks: KnownBlock[] = [
    section(`:memo: *${t.heading}* · ${mrkdwnTitle(incident, TITLE_MAX, texts)}\n${t.from(userMention(update.authorId), slackDate(update.postedAt))}`),
  ];
  if (incident.isDrill) blocks.push(context(texts.channel.drillMarker));
  blocks.push(fields([`*${texts.channel.card.status}*\n${statusText(update.status, texts)}`, `*${texts.declare.severityLabel}*\n${severityText(update.severity, texts)}`]));

  // One section per field; 50 blocks leave room for far more fields than any severity declares.
  const room = LIMITS.messageBlocks - blocks.length - 2;
  for (const id of ids.slice(0, room)) {
    const value = update.fields[id]?.trim();
    blocks.push(section(`*${labelFor(id, update.severity, texts)}*\n${value ? quote(value, 2800) : `_${t.notGiven}_`}`));
  }
  const summary = update.fields[SUMMARY_FIELD]?.trim();
  if (summary) blocks.push(section(`*${t.summary}*\n${quote(summary, 2800)}`));
  blocks.push(context(t.nextUpdateDue(nextUpdateText(incident))));

  const line = t.fallback(incidentRef(incident.id), texts.terms.status[update.status], SEVERITY_INFO[update.severity].label);
  const text = fallback(`${drillPrefix(incident, texts)}${line}${summary ? ` — ${summary}` : ''}`);
  return { text, blocks: blocks.slice(0, LIMITS.messageBlocks) };
}
