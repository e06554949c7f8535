import { incidentRef } from '../../../domain/incident.js';
import { checklistMessages } from '../../blocks/checklist-message.js';
import type { BlockMessage } from '../../blocks/message.js';
import { ephemeral } from '../../replies.js';
import { type Subcommand, inIncidentChannel } from './context.js';

/**
 * `/incident checklist`: the incident's checklists, only to you, with the same buttons: the
 * answer says whose they are, then one message each (within Slack's limits) through the response URL.
 */
export const checklist: Subcommand = async (ctx) => {
  let parts: BlockMessage[] = [];
  await inIncidentChannel(ctx, 'checklist', async (incident) => {
    const runbooks = await ctx.deps.checklists.list(incident.id);
    parts = runbooks.flatMap((runbook) => checklistMessages({ incident, runbook, texts: ctx.texts }));
    if (parts.length === 0) return ephemeral(ctx.texts.commandReplies.noChecklist(incidentRef(incident.id)));
    return ephemeral(ctx.texts.commandReplies.checklistsOnlyToYou(incidentRef(incident.id)));
  });
  // Only once the answer is sent (acked, or posted when it came late), and one at a time, so the
  // header comes first and the checklists follow in order. ctx.respond never throws (a lost one is
  // logged, and the pinned checklists say the same).
  for (const part of parts) await ctx.respond({ response_type: 'ephemeral', ...part });
};
