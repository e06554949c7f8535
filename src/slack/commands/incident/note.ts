import { hasLeadingTime, parseLeadingTime, type LeadingTime } from '../../../domain/note-time.js';
import { FALLBACK_ZONE, type UserZone } from '../../../services/user-zones.js';
import { SLASH_COMMAND } from '../../capabilities.js';
import { escapeMrkdwn, slackDate } from '../../blocks/mrkdwn.js';
import { correctTimeButton, recordNowButton } from '../../blocks/note-replies.js';
import { ephemeral, refusalWithText, type EphemeralReply } from '../../replies.js';
import { type CommandContext, type Subcommand, inIncidentChannel } from './context.js';

const USAGE = 'note [time] <text>';
const TIME_FORMS = `\`${SLASH_COMMAND} note 14:23 …\`, \`${SLASH_COMMAND} note yesterday 23:50 …\` or \`${SLASH_COMMAND} note 2024-11-22 14:23 …\``;

/**
 * `/incident note [time] <text>`. A leading time (today, yesterday or a date, 24-hour) says when
 * it happened, read in the author's zone: cached, else asked of Slack before reading (all within
 * the acknowledgement deadline, or "working on it" and the outcome after). Only when Slack cannot
 * say is it read as UTC, and the reply offers to correct the entry. A refusal gives the text back.
 */
export const note: Subcommand = async (ctx) => {
  const typed = ctx.args;
  await inIncidentChannel(ctx, USAGE, async (incident) => {
    if (!typed) return refusalWithText(`Write the note after the command: \`${SLASH_COMMAND} ${USAGE}\`.`, typed, ctx.texts);
    // The zone is only needed, and only looked up, when the note starts with a time.
    const zone = hasLeadingTime(typed) ? await ctx.deps.zones.of(ctx.command.user_id) : undefined;
    const parsed = parseLeadingTime(typed, ctx.deps.clock.now(), zone?.zone ?? FALLBACK_ZONE);
    if (parsed.kind === 'none' || !zone) {
      await ctx.deps.incidents.addNote(incident.id, ctx.command.user_id, typed);
      return ephemeral('Noted in the timeline.');
    }
    if (parsed.kind !== 'at') return refusal(ctx, incident.id, parsed, zone);
    const entryId = await ctx.deps.incidents.addNote(incident.id, ctx.command.user_id, parsed.text, parsed.at);
    const noted = `Noted in the timeline at ${slackDate(parsed.at)}, ${readIn(zone)}.`;
    if (zone.known) return ephemeral(noted);
    return { ...ephemeral(`${noted}${UNKNOWN_ZONE}`), blocks: correctTimeButton(`${noted}${UNKNOWN_ZONE}`, incident.id, entryId) };
  }, typed);
};

const readIn = (zone: UserZone) => (zone.known ? `read in your time zone (${zone.zone})` : `read as ${zone.zone}`);
const UNKNOWN_ZONE = ' Slack could not tell me your time zone just now. If you meant another zone, correct the time.';

type Refused = Exclude<LeadingTime, { kind: 'none' | 'at' }>;

function refusal(ctx: CommandContext, incidentId: number, parsed: Refused, zone: UserZone): EphemeralReply {
  const typed = ctx.args;
  const written = `\`${escapeMrkdwn(parsed.written)}\``;
  switch (parsed.kind) {
    case 'empty':
      return refusalWithText(`Write what happened after the time: \`${SLASH_COMMAND} note ${escapeMrkdwn(parsed.written)} <what happened>\`.`, typed, ctx.texts);
    case 'invalid':
      return refusalWithText(`${written} is not a time I can read. Start the note with a 24-hour time: ${TIME_FORMS}.`, typed, ctx.texts);
    case 'future': {
      const now = parsed.nowInZone.toFormat('HH:mm');
      const yesterday = /^\d{1,2}:\d{2}$/.test(parsed.written) ? ` For yesterday, type \`${SLASH_COMMAND} note yesterday ${escapeMrkdwn(parsed.written)} …\`.` : '';
      const button = recordNowButton({ incidentId, refusal: ctx.command.trigger_id, text: parsed.text });
      const offer = button.length > 0 ? ' Or record it at the current time with *Record it now*.' : '';
      return refusalWithText(`${written} is later than now (${now}, ${readIn(zone)}): a note records what has happened.${yesterday}${offer}`, typed, ctx.texts, button);
    }
  }
}
