import type { KnownBlock } from '@slack/types';
import type { Incident } from '../../domain/incident.js';
import { incidentRef, STATUS_LABEL } from '../../domain/incident.js';
import type { SeverityHistory } from '../../domain/severity-history.js';
import { SEVERITY_INFO } from '../../domain/severity.js';
import { context, section } from './elements.js';
import {
  DRILL_TAG,
  fallback,
  mrkdwnTitle,
  nextUpdateText,
  SEVERITY_EMOJI,
  severityWithPeak,
  STATUS_EMOJI,
} from './incident-format.js';
import type { BlockMessage } from './message.js';
import { channelMention, clip, escapeMrkdwn, quote, slackDate, userMention } from './mrkdwn.js';

export interface AnnouncementInput {
  incident: Incident;
  /** The uploaded postmortem draft, linked once known. */
  postmortemUrl?: string;
  /** The peak beside the current severity, once it differs. */
  severity?: SeverityHistory;
}

/** The #incidents announcement, edited in place as the incident changes. */
export function announcement({ incident, postmortemUrl, severity }: AnnouncementInput): BlockMessage {
  if (incident.isPrivate) return privateAnnouncement(incident);
  const sev = SEVERITY_INFO[incident.severity];
  const where = incident.channelId
    ? channelMention(incident.channelId)
    : '_channel being created_';
  const headline =
    `${SEVERITY_EMOJI[incident.severity]} *${severityWithPeak(severity ?? { peak: incident.severity, final: incident.severity }, incident.status === 'resolved')}* · ${STATUS_EMOJI[incident.status]} ` +
    `${STATUS_LABEL[incident.status]} · ${mrkdwnTitle(incident)}`;
  const impact = incident.impact.trim() ? `\n${quote(clip(incident.impact.trim(), 500), 2000)}` : '';

  const when =
    incident.status === 'resolved' && incident.resolvedAt
      ? `Resolved ${slackDate(incident.resolvedAt)}`
      : `Next update ${nextUpdateText(incident)}`;
  const blocks: KnownBlock[] = [
    section(`${headline}\n${sev.meaning} · join ${where}${impact}`),
    context(
      `Commander ${userMention(incident.commanderId)} · Declared ${slackDate(incident.declaredAt)} · ${when}` +
        (incident.isDrill ? ' · :construction: *DRILL*, not a real incident' : ''),
    ),
  ];
  if (postmortemUrl) blocks.push(context(`:page_facing_up: ${postmortemLink(postmortemUrl)}`));

  const drill = incident.isDrill ? `${DRILL_TAG} ` : '';
  const text = fallback(
    `${drill}${sev.label} ${STATUS_LABEL[incident.status]}: ${incidentRef(incident.id)} ${incident.title}`,
  );
  return { text, blocks };
}

/**
 * A private incident in #incidents: only that one was declared, its severity and its commander
 * (whom to ask); no title, impact, channel or link.
 */
function privateAnnouncement(incident: Incident): BlockMessage {
  const sev = SEVERITY_INFO[incident.severity];
  const state = incident.status === 'resolved' ? 'It is resolved.' : 'It is being handled.';
  const line = `:lock: A private *${sev.label}* incident was declared ${slackDate(incident.declaredAt)}. ${state} Commander: ${userMention(incident.commanderId)}.`;
  return { text: fallback(`A private ${sev.label} incident was declared`), blocks: [section(line)] };
}

/** `<url|Postmortem draft>` for an http(s) URL; anything else is shown as text, never linked. */
function postmortemLink(url: string): string {
  if (!/^https?:\/\/[^\s|<>]+$/.test(url)) return 'Postmortem draft uploaded in the incident channel';
  return `<${escapeMrkdwn(url)}|Postmortem draft>`;
}
