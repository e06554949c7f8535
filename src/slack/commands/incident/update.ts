import { updateFormFor } from '../../views/update-form.js';
import { errorReply } from '../../replies.js';
import { type Subcommand, openIncidentHere, openModal } from './context.js';

/** `/incident update`: the status-update modal with the severity's report fields. */
export const update: Subcommand = async (ctx) => {
  try {
    const incident = await openIncidentHere(ctx, 'update');
    if (incident) await openModal(ctx, await updateFormFor(incident, ctx.deps, ctx.texts));
  } catch (err) {
    await ctx.ack(errorReply(err, ctx.logger, '', ctx.texts));
  }
};
