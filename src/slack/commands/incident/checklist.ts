import { incidentRef } from '../../../domain/incident.js';
import { checklistMessages } from '../../blocks/checklist-message.js';
import { ephemeral } from '../../replies.js';
import { type Subcommand, inIncidentChannel } from './context.js';

/**
 * `/incident checklist`: the incident's checklists, only to you, with the same buttons: one
 * message each (within Slack's limits), in order through the response URL after the answer.
 */
export const checklist: Subcommand = (ctx) =>
  inIncidentChannel(ctx, 'checklist', async (incident) => {
    const runbooks = await ctx.deps.checklists.list(incident.id);
    const parts = runbooks.flatMap((runbook) => checklistMessages({ incident, runbook, texts: ctx.texts }));
    if (parts.length === 0) return ephemeral(ctx.texts.commandReplies.noChecklist(incidentRef(incident.id)));
    void (async () => {
      // One at a time, so they arrive in order; ctx.respond never throws (a lost one is logged, and the pinned checklists say the same).
      for (const part of parts) await ctx.respond({ response_type: 'ephemeral', ...part });
    })();
    return ephemeral(ctx.texts.commandReplies.checklistsOnlyToYou(incidentRef(incident.id)));
  });
