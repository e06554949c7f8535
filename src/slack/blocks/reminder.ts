import type { KnownBlock } from '@slack/types';
import { incidentButtonValue } from '../button-values.js';
import { DateTime } from 'luxon';
import type { Incident } from '../../domain/incident.js';
import { incidentRef } from '../../domain/incident.js';
import { minutesLate, SNOOZE_MINUTES } from '../../domain/reminders.js';
import { SEVERITY_INFO } from '../../domain/severity.js';
import type { ReminderClosure, ReminderView } from '../../domain/reminder-view.js';
import type { Texts } from '../../domain/texts/index.js';
import { ACTION_ID, MESSAGE_BLOCK_ID } from '../ids.js';
import { actions, button, context, section } from './elements.js';
import { fallback, mrkdwnTitle, plainTitle, TITLE_MAX } from './incident-format.js';
import type { BlockMessage } from './message.js';
import { channelMention, slackDate, userMention } from './mrkdwn.js';

export interface ReminderInput {
  incident: Pick<Incident, 'id' | 'title' | 'isDrill' | 'channelId'>;
  reminder: ReminderView;
  closed?: ReminderClosure;
  /** The channel's language (BOT_LOCALE). */
  texts: Texts;
}

const iso = (s: string): DateTime => DateTime.fromISO(s, { zone: 'utc' });

function lateness(r: ReminderView, texts: Texts): string {
  const late = minutesLate(iso(r.dueAt), iso(r.remindedAt));
  return late === 0 ? texts.reminders.dueNow : texts.reminders.late(late);
}

function headline({ incident, reminder: r, texts }: ReminderInput): { mrkdwn: string; plain: string } {
  const t = texts.reminders;
  const which = t.which(r.updateNumber);
  const title = mrkdwnTitle(incident, TITLE_MAX, texts);
  const when = slackDate(iso(r.dueAt));
  const cadence = t.cadence(SEVERITY_INFO[r.severity].label, r.cadenceMinutes);
  const late = lateness(r, texts);
  const commander = userMention(r.commanderId);
  const ref = incidentRef(incident.id);
  switch (r.stage) {
    case 1:
      return { mrkdwn: `:alarm_clock: ${t.due(commander, which, title, when, cadence, late)}`, plain: t.duePlain(ref, r.updateNumber) };
    case 2: {
      const comms = r.commsLeadId ? userMention(r.commsLeadId) : t.noCommsLead;
      return {
        mrkdwn: `:rotating_light: <!here> ${t.escalated(which, title, when, cadence, late, commander, comms)}`,
        plain: t.escalatedPlain(ref, r.updateNumber),
      };
    }
    case 3: {
      const where = incident.channelId ? channelMention(incident.channelId) : t.itsChannel;
      return { mrkdwn: `:warning: ${t.overdue(title, which, when, cadence, late, commander, where)}`, plain: t.overduePlain(ref, r.updateNumber) };
    }
  }
}

function closureText(c: ReminderClosure, r: ReminderView, texts: Texts): string {
  const t = texts.reminders;
  switch (c.type) {
    case 'answered': {
      const late = minutesLate(iso(r.dueAt), iso(c.at));
      const when = slackDate(iso(c.at));
      return `:white_check_mark: ${late ? t.answeredLate(userMention(c.by), when, late) : t.answered(userMention(c.by), when)}`;
    }
    case 'severity_changed': {
      const to = SEVERITY_INFO[c.to].label;
      return `:arrows_counterclockwise: ${c.nextDueAt ? t.severityChangedNext(userMention(c.by), to, slackDate(iso(c.nextDueAt))) : t.severityChanged(userMention(c.by), to)}`;
    }
    case 'resolved':
      return `:white_check_mark: ${t.resolved(userMention(c.by), slackDate(iso(c.at)))}`;
  }
}

function snoozeLine(r: ReminderView, texts: Texts): string {
  const left = Math.max(0, r.snoozeLimit - r.snoozeCount);
  const used = texts.reminders.snoozesLeft(left, r.snoozeLimit);
  if (!r.snoozed) return used;
  return `:zzz: ${texts.reminders.snoozed(userMention(r.snoozed.by), slackDate(iso(r.snoozed.until)))} ${used}`;
}

/**
 * A status-update reminder (stage 1: commander; 2: escalation with the comms lead; 3: the overdue
 * notice in #incidents). Open reminders carry [Post update] and [Snooze 10 min]; closed ones say why.
 */
export function reminderMessage(input: ReminderInput): BlockMessage {
  const { incident, reminder: r, closed, texts } = input;
  const head = headline(input);
  const blocks: KnownBlock[] = [section(closed ? stripMentions(head.mrkdwn) : head.mrkdwn)];
  if (closed) {
    blocks.push(context(closureText(closed, r, texts)));
  } else if (r.stage < 3) {
    const left = Math.max(0, r.snoozeLimit - r.snoozeCount);
    blocks.push(
      actions(
        [
          button(texts.channel.buttons.postUpdate, ACTION_ID.reminderPostUpdate, incidentButtonValue(incident.id), 'primary'),
          button(texts.reminders.snooze(SNOOZE_MINUTES, left), ACTION_ID.reminderSnooze, incidentButtonValue(incident.id)),
        ],
        MESSAGE_BLOCK_ID.reminderActions,
      ),
      context(snoozeLine(r, texts)),
    );
  }
  if (incident.isDrill) blocks.push(context(texts.channel.drillShort));
  const text = closed ? texts.reminders.answeredPlain(plainTitle(incident, 80, texts)) : head.plain;
  return { text: fallback(text), blocks };
}

/** A closed reminder should not ping anyone again when edited. */
function stripMentions(mrkdwn: string): string {
  return mrkdwn.replace(/<!here>\s*/g, '');
}
