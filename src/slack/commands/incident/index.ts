import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { SLASH_COMMAND } from '../../capabilities.js';
import { ephemeralError } from '../../replies.js';
import { requestDeps } from '../../request-deps.js';
import { findSubcommand, SUBCOMMANDS } from './registry.js';

/** `/incident <subcommand> [args]`: routes to the subcommand's module. */
export function incidentCommand(deps: SlackDeps): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ command, ack, respond, client }) => {
    const text = command.text.trim();
    const first = text.split(/\s+/)[0] || 'help';
    const name = first.toLowerCase();
    const logger = deps.logger.child({ command: `${SLASH_COMMAND} ${name}`, user: command.user_id, channel: command.channel_id });
    const subcommand = findSubcommand(name);
    if (!subcommand) {
      await ack(
        ephemeralError(
          `\`${SLASH_COMMAND} ${first}\` is not a command I know. Try one of: ${SUBCOMMANDS.map((s) => `\`${s.name}\``).join(', ')}, or \`${SLASH_COMMAND} help\`.`,
        ),
      );
      return;
    }
    // Applied once per trigger: a replayed command changes nothing twice.
    const scoped = requestDeps(deps, `command:${command.trigger_id}`);
    await subcommand.run({ command, args: text.slice(first.length).trim(), ack, respond, client, deps: scoped, logger });
  };
}
