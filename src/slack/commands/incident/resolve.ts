import { resolveModal } from '../../blocks/resolve-modal.js';
import { errorReply } from '../../replies.js';
import { type Subcommand, openIncidentHere, openModal } from './context.js';

/** `/incident resolve`: the resolve modal (summary, root cause confirmed or suspected, …). */
export const resolve: Subcommand = async (ctx) => {
  try {
    const incident = await openIncidentHere(ctx, 'resolve');
    if (incident) await openModal(ctx, resolveModal({ incident, openChecklistItems: await ctx.deps.checklists.openCount(incident.id) }, ctx.texts));
  } catch (err) {
    await ctx.ack(errorReply(err, ctx.logger, '', ctx.texts));
  }
};
