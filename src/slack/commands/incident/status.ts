import { incidentRef, OPEN_STATUSES, parseStatus, STATUS_LABEL } from '../../../domain/incident.js';
import { ephemeral, ephemeralError } from '../../replies.js';
import { type Subcommand, inIncidentChannel } from './context.js';

const USAGE = 'status <investigating|identified|monitoring>';

export const status: Subcommand = (ctx) =>
  inIncidentChannel(ctx, USAGE, async (incident) => {
    const next = parseStatus(ctx.args);
    if (next === 'resolved') return ephemeralError('To resolve the incident, use `/incident resolve`: it asks for the resolution summary.');
    if (!next || !OPEN_STATUSES.includes(next)) {
      return ephemeralError(`Say which status: \`/incident ${USAGE}\`.`);
    }
    const changed = await ctx.deps.incidents.changeStatus(incident.id, ctx.command.user_id, next);
    return ephemeral(`${incidentRef(changed.id)} is now ${STATUS_LABEL[next].toLowerCase()}.`);
  });
