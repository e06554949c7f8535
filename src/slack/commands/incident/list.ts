import { incidentList } from '../../blocks/incident-list.js';
import { errorReply } from '../../replies.js';
import type { Subcommand } from './context.js';

export const list: Subcommand = async (ctx) => {
  try {
    const incidents = await ctx.deps.incidents.listOpenFor(ctx.command.user_id);
    await ctx.ack({ response_type: 'ephemeral', ...incidentList({ incidents, now: ctx.deps.clock.now() }) });
  } catch (err) {
    await ctx.ack(errorReply(err, ctx.logger));
  }
};
