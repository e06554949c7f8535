import { hasLeadingTime, parseLeadingTime, type LeadingTime } from '../../../domain/note-time.js';
import type { Texts } from '../../../domain/texts/index.js';
import { FALLBACK_ZONE, type UserZone } from '../../../services/user-zones.js';
import { SLASH_COMMAND } from '../../capabilities.js';
import { escapeMrkdwn, slackDate } from '../../blocks/mrkdwn.js';
import { correctTimeButton, recordNowButton } from '../../blocks/note-replies.js';
import { ephemeral, refusalWithText, type EphemeralReply } from '../../replies.js';
import { type CommandContext, type Subcommand, inIncidentChannel } from './context.js';

const USAGE = 'note [time] <text>';

/**
 * `/incident note [time] <text>`. A leading time (today, yesterday or a date, 24-hour) says when
 * it happened, read in the author's zone: cached, else asked of Slack before reading (all within
 * the acknowledgement deadline, or "working on it" and the outcome after). Only when Slack cannot
 * say is it read as UTC, and the reply offers to correct the entry. A refusal gives the text back.
 */
export const note: Subcommand = async (ctx) => {
  const typed = ctx.args;
  const said = ctx.texts.commandReplies;
  await inIncidentChannel(ctx, USAGE, async (incident) => {
    if (!typed) return refusalWithText(said.noteUsage(`${SLASH_COMMAND} ${USAGE}`), typed, ctx.texts);
    // The zone is only needed, and only looked up, when the note starts with a time.
    const zone = hasLeadingTime(typed) ? await ctx.deps.zones.of(ctx.command.user_id) : undefined;
    const parsed = parseLeadingTime(typed, ctx.deps.clock.now(), zone?.zone ?? FALLBACK_ZONE);
    if (parsed.kind === 'none' || !zone) {
      await ctx.deps.incidents.addNote(incident.id, ctx.command.user_id, typed);
      return ephemeral(said.noted);
    }
    if (parsed.kind !== 'at') return refusal(ctx, incident.id, parsed, zone);
    const entryId = await ctx.deps.incidents.addNote(incident.id, ctx.command.user_id, parsed.text, parsed.at);
    const noted = said.notedAt(slackDate(parsed.at), readIn(zone, ctx.texts));
    if (zone.known) return ephemeral(noted);
    const withHint = `${noted} ${said.zoneUnknown}`;
    return { ...ephemeral(withHint), blocks: correctTimeButton(withHint, incident.id, entryId, ctx.texts) };
  }, typed);
};

const readIn = (zone: UserZone, texts: Texts) =>
  (zone.known ? texts.commandReplies.readInYourZone(zone.zone) : texts.commandReplies.readAs(zone.zone));

type Refused = Exclude<LeadingTime, { kind: 'none' | 'at' }>;

function refusal(ctx: CommandContext, incidentId: number, parsed: Refused, zone: UserZone): EphemeralReply {
  const { texts } = ctx;
  const said = texts.commandReplies;
  const typed = ctx.args;
  const written = `\`${escapeMrkdwn(parsed.written)}\``;
  switch (parsed.kind) {
    case 'empty':
      return refusalWithText(said.noteTextMissing(escapeMrkdwn(parsed.written)), typed, texts);
    case 'invalid': {
      const forms = said.noteTimeForms(`${SLASH_COMMAND} note 14:23 …`, `${SLASH_COMMAND} note yesterday 23:50 …`, `${SLASH_COMMAND} note 2024-11-22 14:23 …`);
      return refusalWithText(said.noteTimeUnreadable(written, forms), typed, texts);
    }
    case 'future': {
      const now = parsed.nowInZone.toFormat('HH:mm');
      const parts = [said.noteInFuture(written, now, readIn(zone, texts))];
      if (/^\d{1,2}:\d{2}$/.test(parsed.written)) parts.push(said.noteForYesterday(`${SLASH_COMMAND} note yesterday ${escapeMrkdwn(parsed.written)} …`));
      const button = recordNowButton({ incidentId, refusal: ctx.command.trigger_id, text: parsed.text }, texts);
      if (button.length > 0) parts.push(said.noteRecordNowOffer);
      return refusalWithText(parts.join(' '), typed, texts, button);
    }
  }
}
