import { parseLeadingTime } from '../../../domain/note-time.js';
import type { UserZone } from '../../../services/user-zones.js';
import { SLASH_COMMAND } from '../../capabilities.js';
import { escapeMrkdwn, slackDate } from '../../blocks/mrkdwn.js';
import { ephemeral, ephemeralError, type EphemeralReply } from '../../replies.js';
import { type CommandContext, type Subcommand, inIncidentChannel } from './context.js';

const USAGE = 'note [time] <text>';
const TIME_FORMS = `\`${SLASH_COMMAND} note 14:23 …\`, \`${SLASH_COMMAND} note yesterday 23:50 …\` or \`${SLASH_COMMAND} note 2024-11-22 14:23 …\``;

/**
 * `/incident note [time] <text>`. A leading time (today, yesterday or a date, 24-hour) says when
 * it happened, read in the author's zone as Slack gave it; a zone not known yet is read as UTC,
 * the reply says so, and the zone is asked of Slack after the answer, for next time.
 */
export const note: Subcommand = async (ctx) => {
  let zoneToLearn = false;
  await inIncidentChannel(ctx, USAGE, async (incident) => {
    if (!ctx.args) return ephemeralError(`Write the note after the command: \`${SLASH_COMMAND} ${USAGE}\`.`);
    const zone = await ctx.deps.zones.of(ctx.command.user_id);
    const parsed = parseLeadingTime(ctx.args, ctx.deps.clock.now(), zone.zone);
    if (parsed.kind === 'none') {
      await ctx.deps.incidents.addNote(incident.id, ctx.command.user_id, parsed.text);
      return ephemeral('Noted in the timeline.');
    }
    zoneToLearn = !zone.known;
    if (parsed.kind !== 'at') return refusal(parsed, zone);
    await ctx.deps.incidents.addNote(incident.id, ctx.command.user_id, parsed.text, parsed.at);
    return ephemeral(`Noted in the timeline at ${slackDate(parsed.at)}, ${readIn(zone)}.${zone.known ? '' : unknownZone}`);
  });
  if (zoneToLearn) await learnZone(ctx);
};

const readIn = (zone: UserZone) => (zone.known ? `read in your time zone (${zone.zone})` : `read as ${zone.zone}`);
const unknownZone = ` Slack had not told me your time zone yet; I have asked for it, so your next time is read in it. If that time is wrong, fix the entry in \`${SLASH_COMMAND} timeline\`.`;

function refusal(parsed: Exclude<ReturnType<typeof parseLeadingTime>, { kind: 'none' | 'at' }>, zone: UserZone): EphemeralReply {
  const written = `\`${escapeMrkdwn(parsed.written)}\``;
  switch (parsed.kind) {
    case 'empty':
      return ephemeralError(`Write what happened after the time: \`${SLASH_COMMAND} note ${escapeMrkdwn(parsed.written)} <what happened>\`.`);
    case 'invalid':
      return ephemeralError(`${written} is not a time I can read. Start the note with a 24-hour time: ${TIME_FORMS}.`);
    case 'future': {
      const now = parsed.nowInZone.toFormat('HH:mm');
      const yesterday = /^\d{1,2}:\d{2}$/.test(parsed.written) ? ` For yesterday, type \`${SLASH_COMMAND} note yesterday ${escapeMrkdwn(parsed.written)} …\`.` : '';
      return ephemeralError(`${written} is later than now (${now}, ${readIn(zone)}): a note records what has happened.${yesterday}`);
    }
  }
}

/** After the answer: asks Slack for the author's zone (users.info), so the next time is theirs. */
async function learnZone(ctx: CommandContext): Promise<void> {
  try {
    await ctx.deps.zones.learn(ctx.command.user_id);
  } catch (err) {
    ctx.logger.warn({ err }, 'could not learn the time zone of the author');
  }
}
