import { ACTION_ITEM_TITLE_MAX } from '../../blocks/action-item-inputs.js';
import { fitsFollowupTitle, followupModal } from '../../blocks/followup-modal.js';
import { SLASH_COMMAND } from '../../capabilities.js';
import { errorReply, refusalWithText } from '../../replies.js';
import { type Subcommand, incidentHere, openModal } from './context.js';

/**
 * `/incident followup [title]`: a modal for more action items, during the incident or after it,
 * its first row holding the title typed after the command. A refusal gives that text back.
 */
export const followup: Subcommand = async (ctx) => {
  const typed = ctx.args;
  try {
    if (!fitsFollowupTitle(typed)) {
      return await ctx.ack(refusalWithText(ctx.texts.commandReplies.followupTitleTooLong(ACTION_ITEM_TITLE_MAX, `${SLASH_COMMAND} followup <title>`), typed, ctx.texts));
    }
    const incident = await incidentHere(ctx, 'followup [title]', typed);
    if (incident) await openModal(ctx, followupModal({ incident, title: typed || undefined }, ctx.texts), typed);
  } catch (err) {
    await ctx.ack(errorReply(err, ctx.logger, typed, ctx.texts));
  }
};
