import { incidentRef, parseScenario, SCENARIO_LABEL, SCENARIOS } from '../../../domain/incident.js';
import { ephemeral, ephemeralError } from '../../replies.js';
import { type Subcommand, inIncidentChannel } from './context.js';

export const SCENARIO_USAGE = `scenario <${SCENARIOS.join('|')}>`;

/** `/incident scenario <kind>`: what kind of incident it turned out to be; the draft follows its template. */
export const scenario: Subcommand = (ctx) =>
  inIncidentChannel(ctx, SCENARIO_USAGE, async (incident) => {
    const kind = parseScenario(ctx.args);
    if (!kind) {
      return ephemeralError(`Say which scenario: \`/incident ${SCENARIO_USAGE}\`, for example \`/incident scenario deploy\` for an incident fixed by a rollback.`);
    }
    const changed = await ctx.deps.incidents.changeScenario(incident.id, ctx.command.user_id, kind);
    return ephemeral(`${incidentRef(changed.id)} is now a ${SCENARIO_LABEL[kind].toLowerCase()}; the postmortem draft follows its template.`);
  });
