import { incidentRef } from '../../../domain/incident.js';
import { parseSeverity, SEVERITY_INFO } from '../../../domain/severity.js';
import { SLASH_COMMAND } from '../../capabilities.js';
import { ephemeral, ephemeralError } from '../../replies.js';
import { type Subcommand, inIncidentChannel } from './context.js';

const USAGE = 'severity <sev1|sev2|sev3>';

export const severity: Subcommand = (ctx) =>
  inIncidentChannel(ctx, USAGE, async (incident) => {
    const level = parseSeverity(ctx.args);
    if (!level) return ephemeralError(ctx.texts.commandReplies.severityUsage(`${SLASH_COMMAND} ${USAGE}`));
    const changed = await ctx.deps.incidents.changeSeverity(incident.id, ctx.command.user_id, level);
    return ephemeral(ctx.texts.commandReplies.severityChanged(incidentRef(changed.id), SEVERITY_INFO[level].label, ctx.deps.cadence[level]));
  });
