import { incidentRef, OPEN_STATUSES, parseStatus } from '../../../domain/incident.js';
import { SLASH_COMMAND } from '../../capabilities.js';
import { ephemeral, ephemeralError } from '../../replies.js';
import { type Subcommand, inIncidentChannel } from './context.js';

const USAGE = 'status <investigating|identified|monitoring>';

export const status: Subcommand = (ctx) =>
  inIncidentChannel(ctx, USAGE, async (incident) => {
    const next = parseStatus(ctx.args);
    if (next === 'resolved') return ephemeralError(ctx.texts.commandReplies.statusResolveHint);
    if (!next || !OPEN_STATUSES.includes(next)) {
      return ephemeralError(ctx.texts.commandReplies.statusUsage(`${SLASH_COMMAND} ${USAGE}`));
    }
    const changed = await ctx.deps.incidents.changeStatus(incident.id, ctx.command.user_id, next);
    return ephemeral(ctx.texts.commandReplies.statusChanged(incidentRef(changed.id), ctx.texts.terms.status[next]));
  });
