import type { KnownBlock } from '@slack/types';
import type { DateTime } from 'luxon';
import type { Incident } from '../../domain/incident.js';
import type { Locale, Variant } from '../../domain/postmortem/index.js';
import type { Texts } from '../../domain/texts/index.js';
import { context, section } from './elements.js';
import { fallback, mrkdwnTitle, TITLE_MAX } from './incident-format.js';
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
  /** The channel's language (BOT_LOCALE); `locale` is the draft's own. */
  texts: Texts;
}

/** Earlier versions listed by name; beyond this many only the count of the rest. */
const LISTED = 10;

/**
 * The channel's one message for a draft of one language and variant: the newest version is
 * attached to it, and each regeneration edits it in place, listing the versions it replaced.
 */
export function draftMessage({ incident, locale, variant, current, earlier, texts }: DraftMessageInput): BlockMessage {
  const t = texts.channel.draft;
  const kind = variant === 'external' ? t.external : t.internal;
  const blocks: KnownBlock[] = [
    section(
      `:page_facing_up: *${kind}* · ${t.language[locale]} · ${mrkdwnTitle(incident, TITLE_MAX, texts)}\n` +
        t.version(current.version, slackDate(current.writtenAt), `\`${escapeMrkdwn(current.fileName)}\``),
    ),
    context(variant === 'external' ? t.externalNote : t.internalNote),
  ];
  if (earlier.length > 0) {
    const shown = earlier.slice(-LISTED).reverse().map((v) => `• v${v.version} · ${slackDate(v.writtenAt)} · ${fileLink(v)}`);
    const rest = earlier.length > LISTED ? `\n${t.older(earlier.length - LISTED)}` : '';
    blocks.push(context(`*${t.earlier}*\n${shown.join('\n')}${rest}`));
  }
  const text = fallback(t.fallback(kind, incident.title, current.version));
  return { text, blocks };
}

/** `<permalink|name>` for an http(s) permalink; otherwise the name as text, never linked. */
function fileLink(v: DraftVersionLine): string {
  const name = escapeMrkdwn(v.fileName);
  return v.permalink && /^https?:\/\/[^\s|<>]+$/.test(v.permalink) ? `<${escapeMrkdwn(v.permalink)}|${name}>` : name;
}
