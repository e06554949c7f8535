import type { RichTextElement } from '@slack/types';
import type { Incident, Status } from '../../domain/incident.js';
import { incidentRef } from '../../domain/incident.js';
import type { SeverityHistory } from '../../domain/severity-history.js';
import type { Severity } from '../../domain/severity.js';
import { SEVERITY_INFO } from '../../domain/severity.js';
import type { Texts } from '../../domain/texts/index.js';
import { clip, safe, slackDate, userMention } from './mrkdwn.js';
import { richText } from './rich-text.js';

/**
 * Shared wording for the incident messages, in the language of `texts` (English when a caller
 * gives none: the builders not yet converted).
 */

export const SEVERITY_EMOJI: Record<Severity, string> = {
  sev1: ':red_circle:',
  sev2: ':large_orange_circle:',
  sev3: ':large_yellow_circle:',
};

export const STATUS_EMOJI: Record<Status, string> = {
  investigating: ':mag:',
  identified: ':dart:',
  monitoring: ':eyes:',
  resolved: ':white_check_mark:',
};

/** `[DRILL] ` before a drill's title in compact lines and fallbacks; '' for a real incident. */
export function drillPrefix(incident: Pick<Incident, 'isDrill'>, texts: Texts): string {
  return incident.isDrill ? `${texts.channel.drillTag} ` : '';
}

/** Title lengths used in compact lines. */
export const TITLE_MAX = 150;

/** `SEV-1 — Complete outage or critical data-integrity risk` */
export function severityText(sev: Severity, texts: Texts): string {
  return `${SEVERITY_INFO[sev].label} — ${texts.terms.severityMeaning[sev]}`;
}

/**
 * `SEV-2`, or with the peak when the incident ran worse than it is: `SEV-1 peak, SEV-2 at
 * resolution` once resolved, `SEV-2 now, SEV-1 peak` while open.
 */
export function severityWithPeak({ peak, final }: SeverityHistory, resolved: boolean, texts: Texts): string {
  const label = (sev: Severity) => SEVERITY_INFO[sev].label;
  if (peak === final) return label(final);
  return resolved ? texts.channel.peakAtResolution(label(peak), label(final)) : texts.channel.peakWhileOpen(label(final), label(peak));
}

/** `:mag: Investigating` */
export function statusText(status: Status, texts: Texts): string {
  return `${STATUS_EMOJI[status]} ${texts.terms.status[status]}`;
}

/** `INC-42 · Checkout API errors`, plain text (for headers and notification fallbacks). */
export function plainTitle(incident: Pick<Incident, 'id' | 'title' | 'isDrill'>, max = TITLE_MAX, texts: Texts): string {
  return clip(`${drillPrefix(incident, texts)}${incidentRef(incident.id)} · ${incident.title}`, max);
}

/** `*INC-42* Checkout API errors`, escaped mrkdwn. */
export function mrkdwnTitle(incident: Pick<Incident, 'id' | 'title' | 'isDrill'>, max = TITLE_MAX, texts: Texts): string {
  return `${drillPrefix(incident, texts)}*${incidentRef(incident.id)}* ${safe(incident.title, max)}`;
}

/** `INC-42` bold, then the title as written (`mrkdwnTitle`'s look in rich text), after `[DRILL]` for a drill. */
export function richTitle(incident: Pick<Incident, 'id' | 'title' | 'isDrill'>, max = TITLE_MAX, texts: Texts): RichTextElement[] {
  const drill = drillPrefix(incident, texts);
  return [...(drill ? [richText(drill)] : []), richText(incidentRef(incident.id), { bold: true }), richText(` ${clip(incident.title, max)}`)];
}

/** Next update due as a Slack date, or `—` when resolved or not scheduled. */
export function nextUpdateText(incident: Pick<Incident, 'status' | 'nextUpdateDueAt'>): string {
  if (incident.status === 'resolved' || !incident.nextUpdateDueAt) return '—';
  return slackDate(incident.nextUpdateDueAt);
}

/** Escaped plain text made safe for a notification fallback (`text` is mrkdwn too). */
export function fallback(text: string): string {
  return safe(text, 3000);
}

export function mentionOrNone(id: string | null, texts: Texts): string {
  return id ? userMention(id) : `_${texts.channel.unassigned}_`;
}
