import type { KnownBlock } from '@slack/types';
import type { DateTime } from 'luxon';
import type { Incident } from '../../domain/incident.js';
import type { Locale, Variant } from '../../domain/postmortem/index.js';
import { context, section } from './elements.js';
import { fallback, mrkdwnTitle } from './incident-format.js';
import type { BlockMessage } from './message.js';
import { escapeMrkdwn, slackDate } from './mrkdwn.js';

export interface DraftVersionLine {
  version: number;
  fileName: string;
  permalink: string | null;
  writtenAt: DateTime;
}

export interface DraftMessageInput {
  incident: Pick<Incident, 'id' | 'title' | 'isDrill'>;
  locale: Locale;
  variant: Variant;
  /** The version attached to the message. */
  current: DraftVersionLine;
  /** The versions it replaced, oldest first. */
  earlier: DraftVersionLine[];
}

const LANGUAGE: Record<Locale, string> = { en: 'English', ko: 'Korean' };
/** Earlier versions listed by name; beyond this many only the count of the rest. */
const LISTED = 10;

/**
 * The channel's one message for a draft of one language and variant: the newest version is
 * attached to it, and each regeneration edits it in place, listing the versions it replaced.
 */
export function draftMessage({ incident, locale, variant, current, earlier }: DraftMessageInput): BlockMessage {
  const kind = variant === 'external' ? 'Customer-facing postmortem draft' : 'Postmortem draft';
  const blocks: KnownBlock[] = [
    section(
      `:page_facing_up: *${kind}* · ${LANGUAGE[locale]} · ${mrkdwnTitle(incident)}\n` +
        `*Version ${current.version}*, written ${slackDate(current.writtenAt)} from the timeline: \`${escapeMrkdwn(current.fileName)}\`.`,
    ),
    context(
      variant === 'external'
        ? 'For customers: plain words, no internal names, channels or links. Read it through before sending it out.'
        : 'Fill in the prompts, then share it. `/incident postmortem` writes it again; the new version replaces this one here.',
    ),
  ];
  if (earlier.length > 0) {
    const shown = earlier.slice(-LISTED).reverse().map((v) => `• v${v.version} · ${slackDate(v.writtenAt)} · ${fileLink(v)}`);
    const rest = earlier.length > LISTED ? `\n…and ${earlier.length - LISTED} older` : '';
    blocks.push(context(`*Earlier versions*\n${shown.join('\n')}${rest}`));
  }
  const text = fallback(`${kind} for ${incident.title}, version ${current.version}`);
  return { text, blocks };
}

/** `<permalink|name>` for an http(s) permalink; otherwise the name as text, never linked. */
function fileLink(v: DraftVersionLine): string {
  const name = escapeMrkdwn(v.fileName);
  return v.permalink && /^https?:\/\/[^\s|<>]+$/.test(v.permalink) ? `<${escapeMrkdwn(v.permalink)}|${name}>` : name;
}
