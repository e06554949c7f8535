import { incidentRef, parseScenario, SCENARIOS } from '../../../domain/incident.js';
import { SLASH_COMMAND } from '../../capabilities.js';
import { ephemeral, ephemeralError } from '../../replies.js';
import { type Subcommand, inIncidentChannel } from './context.js';

export const SCENARIO_USAGE = `scenario <${SCENARIOS.join('|')}>`;

/** `/incident scenario <kind>`: what kind of incident it turned out to be; the draft follows its template. */
export const scenario: Subcommand = (ctx) =>
  inIncidentChannel(ctx, SCENARIO_USAGE, async (incident) => {
    const kind = parseScenario(ctx.args);
    if (!kind) {
      return ephemeralError(ctx.texts.commandReplies.scenarioUsage(`${SLASH_COMMAND} ${SCENARIO_USAGE}`));
    }
    const changed = await ctx.deps.incidents.changeScenario(incident.id, ctx.command.user_id, kind);
    return ephemeral(ctx.texts.commandReplies.scenarioChanged(incidentRef(changed.id), ctx.texts.terms.scenario[kind]));
  });
