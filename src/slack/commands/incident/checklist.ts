import type { RespondArguments } from '@slack/bolt';
import { incidentRef } from '../../../domain/incident.js';
import { checklistMessages } from '../../blocks/checklist-message.js';
import type { BlockMessage } from '../../blocks/message.js';
import { ephemeral } from '../../replies.js';
import { type Subcommand, inIncidentChannel } from './context.js';

/** Slack takes at most five posts on a response URL. */
export const RESPONSE_URL_POSTS = 5;

/**
 * `/incident checklist`: the incident's checklists, only to you, with the same buttons: the
 * answer says whose they are, then one message each (within Slack's limits) through the response
 * URL; when they need more posts than it takes, the last says how many are left out.
 */
export const checklist: Subcommand = async (ctx) => {
  let parts: BlockMessage[] = [];
  let ref = '';
  let posted = 0;
  const respond = (message: string | RespondArguments) => {
    posted += 1;
    return ctx.respond(message);
  };
  await inIncidentChannel({ ...ctx, respond }, 'checklist', async (incident) => {
    ref = incidentRef(incident.id);
    const runbooks = await ctx.deps.checklists.list(incident.id);
    parts = runbooks.flatMap((runbook) => checklistMessages({ incident, runbook, texts: ctx.texts }));
    if (parts.length === 0) return ephemeral(ctx.texts.commandReplies.noChecklist(ref));
    return ephemeral(ctx.texts.commandReplies.checklistsOnlyToYou(ref));
  });
  // Only once the answer is sent (acked, or posted when it came late), and one at a time, so the
  // header comes first and the checklists follow in order. respond never throws (a lost one is
  // logged, and the pinned checklists say the same).
  const room = RESPONSE_URL_POSTS - posted;
  const shown = parts.length <= room ? parts : parts.slice(0, Math.max(0, room - 1));
  for (const part of shown) await respond({ response_type: 'ephemeral', ...part });
  if (shown.length < parts.length) await respond(ephemeral(ctx.texts.commandReplies.checklistsLeftOut(ref, parts.length - shown.length)));
};
