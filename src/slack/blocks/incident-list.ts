import type { KnownBlock } from '@slack/types';
import type { DateTime } from 'luxon';
import type { Incident } from '../../domain/incident.js';
import { SEVERITY_INFO } from '../../domain/severity.js';
import { context, section } from './elements.js';
import { mrkdwnTitle, nextUpdateText, SEVERITY_EMOJI, statusText } from './incident-format.js';
import type { BlockMessage } from './message.js';
import { channelMention, LIMITS } from './mrkdwn.js';

export interface IncidentListInput {
  /** The open incidents; resolved ones are left out. */
  incidents: readonly Incident[];
  /** When given, overdue updates are flagged. */
  now?: DateTime;
}

/** Ephemeral reply to `/incident list`: open incidents, most severe and oldest first. */
export function incidentList({ incidents, now }: IncidentListInput): BlockMessage {
  const open = incidents
    .filter((i) => i.status !== 'resolved')
    .sort((a, b) => a.severity.localeCompare(b.severity) || a.declaredAt.toMillis() - b.declaredAt.toMillis());

  if (open.length === 0) {
    const text = ':white_check_mark: No open incidents. `/incident declare` to start one.';
    return { text: 'No open incidents.', blocks: [section(text)] };
  }

  const room = LIMITS.messageBlocks - 1; // after the heading
  const shown = open.length > room ? open.slice(0, room - 1) : open;
  const blocks: KnownBlock[] = [
    section(`*${open.length} open incident${open.length === 1 ? '' : 's'}*`),
    ...shown.map((i) => {
      const sev = SEVERITY_INFO[i.severity].label;
      const where = i.channelId ? ` · ${channelMention(i.channelId)}` : '';
      const overdue =
        now && i.nextUpdateDueAt && i.nextUpdateDueAt < now ? ' :rotating_light: *overdue*' : '';
      return section(
        `${SEVERITY_EMOJI[i.severity]} ${mrkdwnTitle(i)}\n` +
          `${sev} · ${statusText(i.status)}${where} · next update ${nextUpdateText(i)}${overdue}`,
      );
    }),
  ];
  if (shown.length < open.length) {
    blocks.push(context(`…and ${open.length - shown.length} more.`));
  }
  return { text: `${open.length} open incident${open.length === 1 ? '' : 's'}`, blocks };
}
