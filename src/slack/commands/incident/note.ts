import { ephemeral, ephemeralError } from '../../replies.js';
import { type Subcommand, inIncidentChannel } from './context.js';

const USAGE = 'note <text>';

export const note: Subcommand = (ctx) =>
  inIncidentChannel(ctx, USAGE, async (incident) => {
    if (!ctx.args) return ephemeralError(`Write the note after the command: \`/incident ${USAGE}\`.`);
    await ctx.deps.incidents.addNote(incident.id, ctx.command.user_id, ctx.args);
    return ephemeral('Noted in the timeline.');
  });
