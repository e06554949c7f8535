import type { KnownBlock } from '@slack/types';
import type { Incident } from '../../domain/incident.js';
import { incidentRef } from '../../domain/incident.js';
import type { SeverityHistory } from '../../domain/severity-history.js';
import { SEVERITY_INFO } from '../../domain/severity.js';
import type { Texts } from '../../domain/texts/index.js';
import { context, section } from './elements.js';
import {
  drillPrefix,
  fallback,
  mrkdwnTitle,
  nextUpdateText,
  SEVERITY_EMOJI,
  severityWithPeak,
  STATUS_EMOJI,
  TITLE_MAX,
} from './incident-format.js';
import type { BlockMessage } from './message.js';
import { channelMention, clip, escapeMrkdwn, quote, slackDate, userMention } from './mrkdwn.js';

export interface AnnouncementInput {
  incident: Incident;
  /** The uploaded postmortem draft, linked once known. */
  postmortemUrl?: string;
  /** The peak beside the current severity, once it differs. */
  severity?: SeverityHistory;
  /** The channel's language (BOT_LOCALE). */
  texts: Texts;
}

/** The #incidents announcement, edited in place as the incident changes. */
export function announcement({ incident, postmortemUrl, severity, texts }: AnnouncementInput): BlockMessage {
  if (incident.isPrivate) return privateAnnouncement(incident, texts);
  const t = texts.channel.announcement;
  const sev = SEVERITY_INFO[incident.severity];
  const status = texts.terms.status[incident.status];
  const where = incident.channelId ? channelMention(incident.channelId) : `_${t.channelBeingCreated}_`;
  const headline =
    `${SEVERITY_EMOJI[incident.severity]} *${severityWithPeak(severity ?? { peak: incident.severity, final: incident.severity }, incident.status === 'resolved', texts)}* · ${STATUS_EMOJI[incident.status]} ` +
    `${status} · ${mrkdwnTitle(incident, TITLE_MAX, texts)}`;
  const impact = incident.impact.trim() ? `\n${quote(clip(incident.impact.trim(), 500), 2000)}` : '';

  const when =
    incident.status === 'resolved' && incident.resolvedAt
      ? t.resolvedAt(slackDate(incident.resolvedAt))
      : t.nextUpdate(nextUpdateText(incident));
  const blocks: KnownBlock[] = [
    section(`${headline}\n${texts.terms.severityMeaning[incident.severity]} · ${t.join(where)}${impact}`),
    context(
      `${t.commander(userMention(incident.commanderId))} · ${t.declaredAt(slackDate(incident.declaredAt))} · ${when}` +
        (incident.isDrill ? ` · :construction: ${t.drill}` : ''),
    ),
  ];
  if (postmortemUrl) blocks.push(context(`:page_facing_up: ${postmortemLink(postmortemUrl, texts)}`));

  const text = fallback(`${drillPrefix(incident, texts)}${sev.label} ${status}: ${incidentRef(incident.id)} ${incident.title}`);
  return { text, blocks };
}

/**
 * A private incident in #incidents: only that one was declared, its severity and its commander
 * (whom to ask); no title, impact, channel or link.
 */
function privateAnnouncement(incident: Incident, texts: Texts): BlockMessage {
  const t = texts.channel.announcement;
  const sev = SEVERITY_INFO[incident.severity];
  const state = incident.status === 'resolved' ? t.privateResolved : t.privateOpen;
  const line = `:lock: ${t.privateDeclared(sev.label, slackDate(incident.declaredAt))} ${state} ${t.privateCommander(userMention(incident.commanderId))}`;
  return { text: fallback(t.privateFallback(sev.label)), blocks: [section(line)] };
}

/** `<url|Postmortem draft>` for an http(s) URL; anything else is shown as text, never linked. */
function postmortemLink(url: string, texts: Texts): string {
  const t = texts.channel.announcement;
  if (!/^https?:\/\/[^\s|<>]+$/.test(url)) return t.postmortemInChannel;
  return `<${escapeMrkdwn(url)}|${t.postmortemDraft}>`;
}
