import type { AckFn, RespondFn, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { assertChangeable, type Incident } from '../../../domain/incident.js';
import type { Logger } from '../../../logger.js';
import type { SlackDeps } from '../../deps.js';
import { SLASH_COMMAND } from '../../capabilities.js';
import { errorReply, ephemeralError, type EphemeralReply } from '../../replies.js';

export interface CommandContext {
  command: SlashCommand;
  /** The text after the subcommand, trimmed. */
  args: string;
  ack: AckFn<string | EphemeralReply>;
  respond: RespondFn;
  client: WebClient;
  deps: SlackDeps;
  logger: Logger;
}

export type Subcommand = (ctx: CommandContext) => Promise<void>;

/** The incident whose channel the command was typed in; otherwise acks with where to type it. */
export async function incidentHere(ctx: CommandContext, usage: string): Promise<Incident | undefined> {
  const incident = await ctx.deps.incidents.findByChannel(ctx.command.channel_id);
  if (!incident) {
    await ctx.ack(
      ephemeralError(
        `\`${SLASH_COMMAND} ${usage}\` works in an incident's channel. Run it there, or use \`${SLASH_COMMAND} list\` to find the channel.`,
      ),
    );
  }
  return incident;
}

/** The incident here, if it can still be changed; otherwise acks with what to do instead. */
export async function openIncidentHere(ctx: CommandContext, usage: string): Promise<Incident | undefined> {
  const incident = await incidentHere(ctx, usage);
  if (!incident) return undefined;
  try {
    assertChangeable(incident);
    return incident;
  } catch (err) {
    await ctx.ack(errorReply(err, ctx.logger));
    return undefined;
  }
}

/** Runs `work` for the incident of this channel and acks with its reply or its error. */
export async function inIncidentChannel(
  ctx: CommandContext,
  usage: string,
  work: (incident: Incident) => Promise<EphemeralReply | void>,
): Promise<void> {
  try {
    const incident = await incidentHere(ctx, usage);
    if (!incident) return;
    const reply = await work(incident);
    await ctx.ack(reply ?? undefined);
  } catch (err) {
    await ctx.ack(errorReply(err, ctx.logger));
  }
}

/** Opens a modal inside Slack's 3-second window; a failure is told to the user ephemerally. */
export async function openModal(ctx: CommandContext, view: Parameters<WebClient['views']['open']>[0]['view']): Promise<void> {
  await ctx.ack();
  try {
    await ctx.client.views.open({ trigger_id: ctx.command.trigger_id, view });
  } catch (err) {
    ctx.logger.warn({ err }, 'views.open failed');
    await ctx.respond(ephemeralError('Slack did not let me open the form in time. Run the command again.'));
  }
}
