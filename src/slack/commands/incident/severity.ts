import { incidentRef } from '../../../domain/incident.js';
import { parseSeverity, SEVERITY_INFO } from '../../../domain/severity.js';
import { ephemeral, ephemeralError } from '../../replies.js';
import { type Subcommand, inIncidentChannel } from './context.js';

const USAGE = 'severity <sev1|sev2|sev3>';

export const severity: Subcommand = (ctx) =>
  inIncidentChannel(ctx, USAGE, async (incident) => {
    const level = parseSeverity(ctx.args);
    if (!level) return ephemeralError(`Say which severity: \`/incident ${USAGE}\`, for example \`/incident severity sev1\`.`);
    const changed = await ctx.deps.incidents.changeSeverity(incident.id, ctx.command.user_id, level);
    const info = SEVERITY_INFO[level];
    return ephemeral(
      `${incidentRef(changed.id)} is now ${info.label}. Status updates are due every ${ctx.deps.cadence[level]} minutes.`,
    );
  });
