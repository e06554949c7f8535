import { followupModal } from '../../blocks/followup-modal.js';
import { errorReply } from '../../replies.js';
import { type Subcommand, incidentHere, openModal } from './context.js';

/** `/incident followup`: a modal for more action items, during the incident or after it. */
export const followup: Subcommand = async (ctx) => {
  try {
    const incident = await incidentHere(ctx, 'followup');
    if (incident) await openModal(ctx, followupModal({ incident }));
  } catch (err) {
    await ctx.ack(errorReply(err, ctx.logger));
  }
};
