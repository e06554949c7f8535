import { incidentRef } from '../../../domain/incident.js';
import { escapeMrkdwn } from '../../blocks/mrkdwn.js';
import { SLASH_COMMAND } from '../../capabilities.js';
import { ephemeral, ephemeralError } from '../../replies.js';
import { type Subcommand, inIncidentChannel } from './context.js';

const MENTION_AT_END = /\s*<@([UW][A-Z0-9_]+)(?:\|[^>]*)?>$/;
const TASK_USAGE = 'task <text> [@person]';

/** `/incident task <text> [@person]`: an item of the incident's own "Tasks" checklist, assigned when a person is named. */
export const task: Subcommand = (ctx) =>
  inIncidentChannel(ctx, TASK_USAGE, async (incident) => {
    const assignee = MENTION_AT_END.exec(ctx.args)?.[1] ?? null;
    const text = ctx.args.replace(MENTION_AT_END, '').trim();
    if (!text) return ephemeralError(ctx.texts.commandReplies.taskUsage(`${SLASH_COMMAND} ${TASK_USAGE}`));
    const { item } = await ctx.deps.checklists.addTask(incident.id, ctx.command.user_id, text, assignee);
    const ref = incidentRef(incident.id);
    const said = ctx.texts.commandReplies;
    return ephemeral(assignee ? said.taskAddedAssigned(ref, escapeMrkdwn(item.text), assignee) : said.taskAdded(ref, escapeMrkdwn(item.text)));
  }, ctx.args);
