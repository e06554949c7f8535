import type { KnownBlock } from '@slack/types';
import { incidentButtonValue } from '../button-values.js';
import { DateTime } from 'luxon';
import type { Incident } from '../../domain/incident.js';
import { incidentRef } from '../../domain/incident.js';
import { minutesLate } from '../../domain/reminders.js';
import { SEVERITY_INFO } from '../../domain/severity.js';
import type { ReminderClosure, ReminderView } from '../../domain/reminder-view.js';
import { ACTION_ID, MESSAGE_BLOCK_ID } from '../ids.js';
import { actions, button, context, section } from './elements.js';
import { fallback, mrkdwnTitle, plainTitle } from './incident-format.js';
import type { BlockMessage } from './message.js';
import { channelMention, slackDate, userMention } from './mrkdwn.js';

export interface ReminderInput {
  incident: Pick<Incident, 'id' | 'title' | 'isDrill' | 'channelId'>;
  reminder: ReminderView;
  closed?: ReminderClosure;
}

const iso = (s: string): DateTime => DateTime.fromISO(s, { zone: 'utc' });

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
}

function lateness(r: ReminderView): string {
  const late = minutesLate(iso(r.dueAt), iso(r.remindedAt));
  return late === 0 ? 'due now' : `*${late} min late*`;
}

function headline(input: ReminderInput): { mrkdwn: string; plain: string } {
  const { incident, reminder: r } = input;
  const info = SEVERITY_INFO[r.severity];
  const which = `the ${ordinal(r.updateNumber)} status update`;
  const due = `was due ${slackDate(iso(r.dueAt))} (${info.label}: every ${r.cadenceMinutes} min), ${lateness(r)}`;
  const ref = incidentRef(incident.id);
  switch (r.stage) {
    case 1:
      return {
        mrkdwn: `:alarm_clock: ${userMention(r.commanderId)}, ${which} for ${mrkdwnTitle(incident)} ${due}.`,
        plain: `${ref}: status update #${r.updateNumber} is due (reminder)`,
      };
    case 2: {
      const comms = r.commsLeadId ? userMention(r.commsLeadId) : 'no communications lead is assigned';
      return {
        mrkdwn:
          `:rotating_light: <!here> ${which} for ${mrkdwnTitle(incident)} is still missing: it ${due}.\n` +
          `Commander ${userMention(r.commanderId)}; communications lead: ${comms}. Can someone post it?`,
        plain: `${ref}: status update #${r.updateNumber} is overdue (escalated)`,
      };
    }
    case 3: {
      const where = incident.channelId ? channelMention(incident.channelId) : 'its channel';
      return {
        mrkdwn:
          `:warning: ${mrkdwnTitle(incident)}: ${which} is overdue — it ${due}. ` +
          `Commander ${userMention(r.commanderId)}. Follow along in ${where}.`,
        plain: `${ref}: status update #${r.updateNumber} overdue`,
      };
    }
  }
}

function closureText(c: ReminderClosure, r: ReminderView): string {
  switch (c.type) {
    case 'answered': {
      const late = minutesLate(iso(r.dueAt), iso(c.at));
      return `:white_check_mark: Answered: ${userMention(c.by)} posted the update ${slackDate(iso(c.at))}${late ? ` (${late} min late)` : ''}.`;
    }
    case 'severity_changed': {
      const next = c.nextDueAt ? `; next update due ${slackDate(iso(c.nextDueAt))}` : '';
      return `:arrows_counterclockwise: ${userMention(c.by)} changed the severity to ${SEVERITY_INFO[c.to].label}${next}.`;
    }
    case 'resolved':
      return `:white_check_mark: ${userMention(c.by)} resolved the incident ${slackDate(iso(c.at))}; no more updates are due.`;
  }
}

function snoozeLine(r: ReminderView): string {
  const left = Math.max(0, r.snoozeLimit - r.snoozeCount);
  const used = `Snoozes left this cycle: ${left} of ${r.snoozeLimit}.`;
  if (!r.snoozed) return used;
  return `:zzz: Snoozed by ${userMention(r.snoozed.by)} until ${slackDate(iso(r.snoozed.until))}. ${used}`;
}

/**
 * A status-update reminder (stage 1: commander; 2: escalation with the comms lead; 3: the overdue
 * notice in #incidents). Open reminders carry [Post update] and [Snooze 10 min]; closed ones say why.
 */
export function reminderMessage(input: ReminderInput): BlockMessage {
  const { incident, reminder: r, closed } = input;
  const head = headline(input);
  const blocks: KnownBlock[] = [section(closed ? stripMentions(head.mrkdwn) : head.mrkdwn)];
  if (closed) {
    blocks.push(context(closureText(closed, r)));
  } else if (r.stage < 3) {
    const left = Math.max(0, r.snoozeLimit - r.snoozeCount);
    blocks.push(
      actions(
        [
          button('Post update', ACTION_ID.reminderPostUpdate, incidentButtonValue(incident.id), 'primary'),
          button(`Snooze 10 min (${left} left)`, ACTION_ID.reminderSnooze, incidentButtonValue(incident.id)),
        ],
        MESSAGE_BLOCK_ID.reminderActions,
      ),
      context(snoozeLine(r)),
    );
  }
  if (incident.isDrill) blocks.push(context(':construction: *DRILL*'));
  const text = closed ? `${plainTitle(incident, 80)}: reminder answered` : head.plain;
  return { text: fallback(text), blocks };
}

/** A closed reminder should not ping anyone again when edited. */
function stripMentions(mrkdwn: string): string {
  return mrkdwn.replace(/<!here>\s*/g, '');
}
