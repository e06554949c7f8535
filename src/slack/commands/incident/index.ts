import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { SLASH_COMMAND } from '../../capabilities.js';
import { ephemeralError, refusalWithText } from '../../replies.js';
import { requestDeps } from '../../request-deps.js';
import type { CommandContext } from './context.js';
import { findSubcommand, SUBCOMMANDS } from './registry.js';

/** `/incident <subcommand> [args]`: routes to the subcommand's module. */
export function incidentCommand(deps: SlackDeps): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ command, ack, respond, client }) => {
    // Slack always sends these; a signed request without them is answered, not crashed on.
    const given: Record<string, unknown> = { ...command };
    if (!['user_id', 'channel_id', 'trigger_id'].every((field) => typeof given[field] === 'string' && given[field] !== '')) {
      await ack(ephemeralError(deps.languages.channel.replies.arrivedIncomplete));
      return;
    }
    const text = (typeof given['text'] === 'string' ? command.text : '').trim();
    const first = text.split(/\s+/)[0] || 'help';
    const name = first.toLowerCase();
    const logger = deps.logger.child({ command: `${SLASH_COMMAND} ${name}`, user: command.user_id, channel: command.channel_id });
    const subcommand = findSubcommand(name);
    const texts = await deps.languages.textsOf(command.user_id);
    if (!subcommand) {
      // A mistyped subcommand followed by text (`/incident ntoe DB failover started`) gives the text back.
      const typed = text.slice(first.length).trim() ? text : '';
      const korean = texts.locale === 'ko';
      const known = SUBCOMMANDS.map((s) => `\`${korean ? s.korean : s.name}\``).join(', ');
      await ack(
        refusalWithText(texts.replies.unknownSubcommand(`${SLASH_COMMAND} ${first}`, known, `${SLASH_COMMAND} ${korean ? '도움말' : 'help'}`), typed, texts),
      );
      return;
    }
    // Applied once per trigger: a replayed command changes nothing twice.
    const scoped = requestDeps(deps, `command:${command.trigger_id}`);
    // Later answers never throw: without a response_url (Bolt then gives no respond()), or with one
    // used up or expired, the answer is logged and the subcommand carries on.
    const answerLater: CommandContext['respond'] = typeof given['response_url'] === 'string'
      ? (message) => respond(message).catch((err: unknown) => logger.warn({ err }, 'could not answer on the response_url'))
      : (message) => Promise.resolve(void logger.warn({ message }, 'no response_url to answer on'));
    await subcommand.run({ command, args: text.slice(first.length).trim(), ack, respond: answerLater, client, deps: scoped, logger, texts });
  };
}
