import type { KnownBlock, RichTextBlock } from '@slack/types';
import type { DateTime } from 'luxon';
import type { Incident, Role, Scenario, Status } from '../../domain/incident.js';
import { incidentRef } from '../../domain/incident.js';
import type { SeverityHistory } from '../../domain/severity-history.js';
import type { Severity } from '../../domain/severity.js';
import { SEVERITY_INFO } from '../../domain/severity.js';
import type { Texts } from '../../domain/texts/index.js';
import { context, section } from './elements.js';
import { drillPrefix, fallback, SEVERITY_EMOJI, severityWithPeak, STATUS_EMOJI } from './incident-format.js';
import type { BlockMessage } from './message.js';
import { clip, quote, slackDate, userMention } from './mrkdwn.js';
import { richDate, richEmoji, richLink, richSentence, richText, richUser } from './rich-text.js';

/** A timeline change worth telling the incident channel about. */
export type EventNotice =
  | {
      kind: 'severity_changed';
      actorId: string;
      from: Severity;
      to: Severity;
      cadenceMinutes: number;
      nextUpdateDueAt: DateTime | null;
    }
  | { kind: 'status_changed'; actorId: string; from: Status; to: Status }
  | { kind: 'role_assigned'; actorId: string; role: Role; userId: string }
  | { kind: 'note_added'; authorId: string; text: string }
  | {
      kind: 'resolved';
      actorId: string;
      summary: string;
      rootCause: string;
      rootCauseConfirmed: boolean;
      /** The severity it ended at, with the peak when it ran worse. */
      severity?: SeverityHistory;
    }
  | { kind: 'reopened'; actorId: string }
  | { kind: 'scenario_changed'; actorId: string; from: Scenario; to: Scenario }
  | { kind: 'checklist_item_due'; recipientId: string; runbookTitle: string; itemText: string; dueAt: DateTime; link?: string };

export interface EventNoticeInput {
  incident: Pick<Incident, 'id' | 'isDrill'>;
  event: EventNotice;
  /** The channel's language (BOT_LOCALE). */
  texts: Texts;
}

/** A notice's text as mrkdwn, or as its own block where user text must show as written. */
type Rendered = ({ mrkdwn: string } | { block: RichTextBlock }) & { plain: string };

function render(event: EventNotice, texts: Texts): Rendered {
  const t = texts.notices;
  const status = texts.terms.status;
  switch (event.kind) {
    case 'severity_changed': {
      const from = SEVERITY_INFO[event.from].label;
      const to = SEVERITY_INFO[event.to].label;
      const due = event.nextUpdateDueAt ? slackDate(event.nextUpdateDueAt) : '—';
      return {
        mrkdwn:
          `${SEVERITY_EMOJI[event.to]} ${t.severityChanged(userMention(event.actorId), from, to, texts.terms.severityMeaning[event.to])}\n` +
          t.cadenceChanged(event.cadenceMinutes, due),
        plain: t.severityChangedPlain(from, to),
      };
    }
    case 'status_changed':
      return {
        mrkdwn: `${STATUS_EMOJI[event.to]} ${t.statusChanged(userMention(event.actorId), status[event.from], status[event.to])}`,
        plain: t.statusChangedPlain(status[event.from], status[event.to]),
      };
    case 'role_assigned':
      return {
        mrkdwn: `:bust_in_silhouette: ${t.roleAssigned(userMention(event.userId), texts.terms.role[event.role], userMention(event.actorId))}`,
        plain: t.roleAssignedPlain(texts.terms.role[event.role]),
      };
    case 'note_added':
      return {
        mrkdwn: `:pushpin: ${t.noteFrom(userMention(event.authorId))}\n${quote(event.text, 2800)}`,
        plain: t.notePlain(event.text),
      };
    case 'resolved': {
      const severity = event.severity ? ` *${severityWithPeak(event.severity, true, texts)}*.` : '';
      return {
        mrkdwn:
          `${STATUS_EMOJI.resolved} ${t.resolvedBy(userMention(event.actorId))}${severity}\n` +
          `*${t.summary}*\n${quote(event.summary, 1300)}\n` +
          `*${event.rootCauseConfirmed ? t.rootCauseConfirmed : t.rootCauseSuspected}*\n${quote(event.rootCause, 1300)}`,
        plain: t.resolvedPlain(event.summary),
      };
    }
    case 'reopened':
      return {
        mrkdwn: `:leftwards_arrow_with_hook: ${t.reopened(userMention(event.actorId), status.investigating)}`,
        plain: t.reopenedPlain,
      };
    case 'scenario_changed':
      return {
        mrkdwn: `:card_index_dividers: ${t.scenarioChanged(userMention(event.actorId), texts.terms.scenario[event.from], texts.terms.scenario[event.to])}`,
        plain: t.scenarioChangedPlain(texts.terms.scenario[event.to]),
      };
    case 'checklist_item_due':
      return { block: stepDueBlock(event, texts), plain: t.stepDuePlain(event.itemText) };
  }
}

type StepDue = Extract<EventNotice, { kind: 'checklist_item_due' }>;

/**
 * A step that fell due, as rich text: the runbook's title (bold) and the step's text (quoted) are
 * shown and copied as written, whatever `*`, `_`, `~` or backtick they hold; then the step's link.
 */
function stepDueBlock(event: StepDue, texts: Texts): RichTextBlock {
  const t = texts.notices;
  const runbook = richText(clip(event.runbookTitle, 150), { bold: true });
  const link = richLink(event.link, t.stepHowTo);
  return {
    type: 'rich_text',
    elements: [
      { type: 'rich_text_section', elements: [richEmoji('alarm_clock'), richText(' '), ...richSentence(t.stepDue, richUser(event.recipientId), runbook, richDate(event.dueAt))] },
      { type: 'rich_text_quote', elements: [richText(clip(event.itemText.trim(), 1000))] },
      ...(link ? [{ type: 'rich_text_section' as const, elements: [link] }] : []),
    ],
  };
}

/** A short notice in the incident channel for one timeline change. */
export function eventNotice({ incident, event, texts }: EventNoticeInput): BlockMessage {
  const rendered = render(event, texts);
  const blocks: KnownBlock[] = ['block' in rendered ? rendered.block : section(rendered.mrkdwn)];
  if (incident.isDrill) blocks.push(context(texts.channel.drillShort));
  return { text: fallback(`${drillPrefix(incident, texts)}${incidentRef(incident.id)}: ${rendered.plain}`), blocks };
}

