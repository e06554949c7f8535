import type { AckFn, RespondArguments, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { assertChangeable, type Incident } from '../../../domain/incident.js';
import type { Texts } from '../../../domain/texts/index.js';
import type { Logger } from '../../../logger.js';
import type { SlackDeps } from '../../deps.js';
import { SLASH_COMMAND } from '../../capabilities.js';
import { AlreadyApplied } from '../../../services/incident-transaction.js';
import { withinDeadline } from '../../deadline.js';
import { ephemeral, errorReply, refusalWithText, type EphemeralReply } from '../../replies.js';

export interface CommandContext {
  command: SlashCommand;
  /** The text after the subcommand, trimmed. */
  args: string;
  ack: AckFn<string | EphemeralReply>;
  /** Answers on the response URL; never throws (see incidentCommand). */
  respond: (message: string | RespondArguments) => Promise<unknown>;
  client: WebClient;
  deps: SlackDeps;
  logger: Logger;
  /** What the person who typed it reads: their Slack language (see ReaderLanguages). */
  texts: Texts;
}

export type Subcommand = (ctx: CommandContext) => Promise<void>;

/** `typed`: the text the command carried, given back to copy (see refusalWithText). */
const notInIncidentChannel = (usage: string, texts: Texts, typed = '') =>
  refusalWithText(texts.replies.notInIncidentChannel(`${SLASH_COMMAND} ${usage}`, `${SLASH_COMMAND} list`), typed, texts);

/** The incident whose channel the command was typed in; otherwise acks with where to type it (and `typed` back). */
export async function incidentHere(ctx: CommandContext, usage: string, typed = ''): Promise<Incident | undefined> {
  const incident = await ctx.deps.incidents.findByChannel(ctx.command.channel_id);
  if (!incident) await ctx.ack(notInIncidentChannel(usage, ctx.texts, typed));
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
    await ctx.ack(errorReply(err, ctx.logger, '', ctx.texts));
    return undefined;
  }
}

/**
 * Runs `work` for the incident of this channel against the acknowledgement deadline: acks with
 * its reply or its error when it finishes in time, else acks "working on it" and sends the real
 * outcome through the response URL when it ends. `typed`: text the command carried, given back
 * with any refusal (not in an incident channel, a DomainError, a failure) so nothing is lost.
 */
export async function inIncidentChannel(
  ctx: CommandContext,
  usage: string,
  work: (incident: Incident) => Promise<EphemeralReply | void>,
  typed = '',
): Promise<void> {
  const answer = async (): Promise<EphemeralReply | undefined> => {
    const incident = await ctx.deps.incidents.findByChannel(ctx.command.channel_id);
    if (!incident) return notInIncidentChannel(usage, ctx.texts, typed);
    return (await work(incident)) ?? undefined;
  };
  const raced = await withinDeadline(answer(), ctx.deps.ackDeadlineMs);
  if (raced.state === 'done') return ctx.ack(raced.value);
  if (raced.state === 'failed') return ctx.ack(outcomeOfFailure(raced.error, ctx, typed));
  await ctx.ack(ephemeral(ctx.texts.replies.stillWorking));
  const outcome = await raced.later;
  const reply = outcome.ok ? (outcome.value ?? ephemeral(ctx.texts.replies.done)) : outcomeOfFailure(outcome.error, ctx, typed);
  await ctx.respond(reply);
}

/** A replay of a command already applied is told so; other failures as usual. */
function outcomeOfFailure(error: unknown, ctx: CommandContext, typed: string): EphemeralReply {
  return error instanceof AlreadyApplied ? ephemeral(ctx.texts.replies.doneAlready) : errorReply(error, ctx.logger, typed, ctx.texts);
}

/** Opens a modal inside Slack's 3-second window; a failure is told to the user ephemerally, with `typed` back. */
export async function openModal(ctx: CommandContext, view: Parameters<WebClient['views']['open']>[0]['view'], typed = ''): Promise<void> {
  await ctx.ack();
  try {
    await ctx.client.views.open({ trigger_id: ctx.command.trigger_id, view });
  } catch (err) {
    ctx.logger.warn({ err }, 'views.open failed');
    await ctx.respond(refusalWithText(ctx.texts.replies.formNotOpened, typed, ctx.texts));
  }
}
