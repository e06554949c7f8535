import type { KnownBlock } from '@slack/types';
import type { DateTime } from 'luxon';
import type { Incident } from '../../domain/incident.js';
import { SEVERITY_INFO } from '../../domain/severity.js';
import type { Texts } from '../../domain/texts/index.js';
import { context, section } from './elements.js';
import { mrkdwnTitle, nextUpdateText, SEVERITY_EMOJI, statusText, TITLE_MAX } from './incident-format.js';
import type { BlockMessage } from './message.js';
import { channelMention, LIMITS, safe } from './mrkdwn.js';

export interface IncidentListInput {
  /** The open incidents; resolved ones are left out. */
  incidents: readonly Incident[];
  /** How many open incidents there are in all (those shown may be the first of them); default: those given. */
  total?: number;
  /** `total` is where the count stopped: there may be more. */
  capped?: boolean;
  /** The words the list was narrowed to (`/incident list <words>`), if any. */
  search?: string;
  /** When given, overdue updates are flagged. */
  now?: DateTime;
}

/** Ephemeral reply to `/incident list`: open incidents, most severe and most recent first, then how many more. */
export function incidentList({ incidents, total: given, capped = false, search, now }: IncidentListInput, texts: Texts): BlockMessage {
  const t = texts.lists.incidents;
  const open = incidents
    .filter((i) => i.status !== 'resolved')
    .sort((a, b) => a.severity.localeCompare(b.severity) || b.declaredAt.toMillis() - a.declaredAt.toMillis());
  const total = Math.max(given ?? open.length, open.length);
  const narrowed = search ? ` ${t.matching(safe(search, 200))}` : '';

  if (open.length === 0) {
    const text = search ? t.noMatch(safe(search, 200)) : t.none;
    return { text: search ? t.noMatchFallback : t.noneFallback, blocks: [section(text)] };
  }

  const room = LIMITS.messageBlocks - 2; // after the heading, before the "more" line
  const shown = open.slice(0, room);
  const blocks: KnownBlock[] = [
    section(`*${t.count(total, capped)}${narrowed}*`),
    ...shown.map((i) => {
      const sev = SEVERITY_INFO[i.severity].label;
      const where = i.channelId ? ` · ${channelMention(i.channelId)}` : '';
      const overdue =
        now && i.nextUpdateDueAt && i.nextUpdateDueAt < now ? ` ${t.overdue}` : '';
      return section(
        `${SEVERITY_EMOJI[i.severity]} ${mrkdwnTitle(i, TITLE_MAX, texts)}\n` +
          `${sev} · ${statusText(i.status, texts)}${where} · ${t.nextUpdate(nextUpdateText(i))}${overdue}`,
      );
    }),
  ];
  if (shown.length < total) {
    blocks.push(context(t.more(total - shown.length, texts.lists.findOne, capped)));
  }
  return { text: search ? t.fallbackMatching(total, capped) : t.count(total, capped), blocks };
}
