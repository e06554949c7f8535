import { incidentRef } from '../../../domain/incident.js';
import { checklistMessages } from '../../blocks/checklist-message.js';
import { escapeMrkdwn } from '../../blocks/mrkdwn.js';
import { ephemeral, ephemeralError } from '../../replies.js';
import { type Subcommand, inIncidentChannel } from './context.js';

const MENTION_AT_END = /\s*<@([UW][A-Z0-9_]+)(?:\|[^>]*)?>$/;
export const TASK_USAGE = 'task <text> [@person]';
export const RUNBOOK_USAGE = 'runbook [<id>]';

/**
 * `/incident checklist`: the incident's checklists, only to you, with the same buttons: one
 * message each (within Slack's limits), in order through the response URL after the answer.
 */
export const checklist: Subcommand = (ctx) =>
  inIncidentChannel(ctx, 'checklist', async (incident) => {
    const runbooks = await ctx.deps.checklists.list(incident.id);
    const parts = runbooks.flatMap((runbook) => checklistMessages({ incident, runbook }));
    if (parts.length === 0) return ephemeral(`${incidentRef(incident.id)} has no checklist. \`/incident runbook\` lists the runbooks to attach.`);
    void (async () => {
      // One at a time, so they arrive in order; ctx.respond never throws (a lost one is logged, and the pinned checklists say the same).
      for (const part of parts) await ctx.respond({ response_type: 'ephemeral', ...part });
    })();
    return ephemeral(`${incidentRef(incident.id)}'s checklists, only to you:`);
  });

/** `/incident task <text> [@person]`: an item of the incident's own "Tasks" checklist, assigned when a person is named. */
export const task: Subcommand = (ctx) =>
  inIncidentChannel(ctx, TASK_USAGE, async (incident) => {
    const assignee = MENTION_AT_END.exec(ctx.args)?.[1] ?? null;
    const text = ctx.args.replace(MENTION_AT_END, '').trim();
    if (!text) return ephemeralError(`Say what is to be done: \`/incident ${TASK_USAGE}\`, for example \`/incident task Page the DBA on call @dana\`.`);
    const { item } = await ctx.deps.checklists.addTask(incident.id, ctx.command.user_id, text, assignee);
    return ephemeral(`Added to ${incidentRef(incident.id)}'s Tasks: ${escapeMrkdwn(item.text)}${assignee ? `, assigned to <@${assignee}>` : ''}.`);
  }, ctx.args);

/** `/incident runbook <id>` attaches a runbook by hand; `/incident runbook` lists the ids. */
export const runbook: Subcommand = (ctx) =>
  inIncidentChannel(ctx, RUNBOOK_USAGE, async (incident) => {
    const id = ctx.args.trim();
    if (!id) {
      const attached = new Set((await ctx.deps.checklists.list(incident.id)).map((r) => r.runbookId));
      const lines = ctx.deps.checklists.library().map((r) => `• \`${r.id}\` ${escapeMrkdwn(r.title)}${attached.has(r.id) ? ' _(attached)_' : ''}`);
      return ephemeral(lines.length === 0 ? 'No runbooks are loaded (RUNBOOKS_DIR).' : `Runbooks (\`/incident runbook <id>\` attaches one):\n${lines.join('\n')}`);
    }
    const attached = await ctx.deps.checklists.attachByHand(incident.id, ctx.command.user_id, id);
    return ephemeral(`Attached *${escapeMrkdwn(attached.title)}* to ${incidentRef(incident.id)}; its checklist follows in the channel.`);
  });
