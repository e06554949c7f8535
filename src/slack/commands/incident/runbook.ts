import { incidentRef } from '../../../domain/incident.js';
import { escapeMrkdwn } from '../../blocks/mrkdwn.js';
import { runbookAttachedReply } from '../../blocks/runbook-attached.js';
import { SLASH_COMMAND } from '../../capabilities.js';
import { ephemeral } from '../../replies.js';
import { type Subcommand, inIncidentChannel } from './context.js';

const RUNBOOK_USAGE = 'runbook [<id>]';

/** `/incident runbook <id>` attaches a runbook by hand; `/incident runbook` lists the ids. */
export const runbook: Subcommand = (ctx) =>
  inIncidentChannel(ctx, RUNBOOK_USAGE, async (incident) => {
    const id = ctx.args.trim();
    if (!id) {
      const attached = new Set((await ctx.deps.checklists.list(incident.id)).map((r) => r.runbookId));
      const said = ctx.texts.commandReplies;
      const lines = ctx.deps.checklists.library().map((r) => `• \`${r.id}\` ${escapeMrkdwn(r.title)}${attached.has(r.id) ? ` ${said.runbookIsAttached}` : ''}`);
      return ephemeral(lines.length === 0 ? said.noRunbooks : said.runbookList(`${SLASH_COMMAND} runbook <id>`, lines.join('\n')));
    }
    const attached = await ctx.deps.checklists.attachByHand(incident.id, ctx.command.user_id, id);
    return { response_type: 'ephemeral', ...runbookAttachedReply(attached.title, incidentRef(incident.id), ctx.texts) };
  });
