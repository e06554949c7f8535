import { incidentRef } from '../../../domain/incident.js';
import { escapeMrkdwn } from '../../blocks/mrkdwn.js';
import { ephemeral, ephemeralError } from '../../replies.js';
import { type Subcommand, inIncidentChannel } from './context.js';

const MENTION_AT_END = /\s*<@([UW][A-Z0-9_]+)(?:\|[^>]*)?>$/;
const TASK_USAGE = 'task <text> [@person]';

/** `/incident task <text> [@person]`: an item of the incident's own "Tasks" checklist, assigned when a person is named. */
export const task: Subcommand = (ctx) =>
  inIncidentChannel(ctx, TASK_USAGE, async (incident) => {
    const assignee = MENTION_AT_END.exec(ctx.args)?.[1] ?? null;
    const text = ctx.args.replace(MENTION_AT_END, '').trim();
    if (!text) return ephemeralError(`Say what is to be done: \`/incident ${TASK_USAGE}\`, for example \`/incident task Page the DBA on call @dana\`.`);
    const { item } = await ctx.deps.checklists.addTask(incident.id, ctx.command.user_id, text, assignee);
    return ephemeral(`Added to ${incidentRef(incident.id)}'s Tasks: ${escapeMrkdwn(item.text)}${assignee ? `, assigned to <@${assignee}>` : ''}.`);
  }, ctx.args);
