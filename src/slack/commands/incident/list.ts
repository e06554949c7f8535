import { incidentList } from '../../blocks/incident-list.js';
import { errorReply } from '../../replies.js';
import type { Subcommand } from './context.js';

/** What `/incident list` shows at most; the rest are counted, and found with `/incident list <words>`. */
export const LIST_SHOWN = 20;

export const list: Subcommand = async (ctx) => {
  try {
    const search = ctx.args.trim() || undefined;
    const { incidents, total, capped } = await ctx.deps.incidents.openPage(ctx.command.user_id, LIST_SHOWN, search);
    await ctx.ack({ response_type: 'ephemeral', ...incidentList({ incidents, total, capped, search, now: ctx.deps.clock.now() }, ctx.texts) });
  } catch (err) {
    await ctx.ack(errorReply(err, ctx.logger, '', ctx.texts));
  }
};
