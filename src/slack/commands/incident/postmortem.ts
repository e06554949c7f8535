import { incidentRef } from '../../../domain/incident.js';
import { isLocale } from '../../../services/postmortem-service.js';
import { ephemeral, ephemeralError } from '../../replies.js';
import { type Subcommand, inIncidentChannel } from './context.js';

const USAGE = 'postmortem [en|ko]';

/** `/incident postmortem [en|ko]`: writes the draft again from what is recorded now and uploads it here. */
export const postmortem: Subcommand = (ctx) =>
  inIncidentChannel(ctx, USAGE, async (incident) => {
    const requested = ctx.args.toLowerCase();
    if (requested && !isLocale(requested)) {
      return ephemeralError(`I write postmortems in \`en\` or \`ko\`: \`/incident ${USAGE}\`.`);
    }
    await ctx.deps.postmortems.requestPublish(incident.id, ctx.command.user_id, requested && isLocale(requested) ? requested : undefined);
    return ephemeral(`Writing the ${incidentRef(incident.id)} postmortem draft again; it will be posted here as a file in a moment.`);
  });
