import { followupList } from '../../blocks/followup-list.js';
import { type Subcommand, inIncidentChannel } from './context.js';

/** `/incident followups`: the incident's action items with owner, due date and [Done], only to you. */
export const followups: Subcommand = (ctx) =>
  inIncidentChannel(ctx, 'followups', async (incident) => {
    const items = await ctx.deps.followups.list(incident.id);
    return { response_type: 'ephemeral', ...followupList({ incident, items }, ctx.texts) };
  });
