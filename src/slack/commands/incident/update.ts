import { updateModal } from '../../blocks/update-modal.js';
import { errorReply } from '../../replies.js';
import { type Subcommand, openIncidentHere, openModal } from './context.js';

/** `/incident update`: the status-update modal with the severity's report fields. */
export const update: Subcommand = async (ctx) => {
  try {
    const incident = await openIncidentHere(ctx, 'update');
    if (incident) await openModal(ctx, updateModal({ incident }));
  } catch (err) {
    await ctx.ack(errorReply(err, ctx.logger));
  }
};
