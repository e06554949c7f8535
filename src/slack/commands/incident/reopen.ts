import { incidentRef } from '../../../domain/incident.js';
import { ephemeral } from '../../replies.js';
import { type Subcommand, inIncidentChannel } from './context.js';

export const reopen: Subcommand = (ctx) =>
  inIncidentChannel(ctx, 'reopen', async (incident) => {
    const reopened = await ctx.deps.incidents.reopen(incident.id, ctx.command.user_id);
    return ephemeral(ctx.texts.commandReplies.reopened(incidentRef(reopened.id), ctx.deps.cadence[reopened.severity]));
  });
