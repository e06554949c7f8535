import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { SLASH_COMMAND } from '../../capabilities.js';
import { ephemeralError } from '../../replies.js';
import { assign } from './assign.js';
import type { Subcommand } from './context.js';
import { declare } from './declare.js';
import { followup } from './followup.js';
import { help } from './help.js';
import { list } from './list.js';
import { note } from './note.js';
import { postmortem } from './postmortem.js';
import { reopen } from './reopen.js';
import { resolve } from './resolve.js';
import { severity } from './severity.js';
import { status } from './status.js';
import { update } from './update.js';

const SUBCOMMANDS: Record<string, Subcommand> = {
  declare,
  update,
  severity,
  sev: severity,
  status,
  assign,
  note,
  resolve,
  followup,
  postmortem,
  reopen,
  list,
  help,
};

export const SUBCOMMAND_NAMES = Object.keys(SUBCOMMANDS).filter((name) => name !== 'sev');

/** `/incident <subcommand> [args]`: routes to the subcommand's module. */
export function incidentCommand(deps: SlackDeps): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ command, ack, respond, client }) => {
    const text = command.text.trim();
    const first = text.split(/\s+/)[0] || 'help';
    const name = first.toLowerCase();
    const logger = deps.logger.child({ command: `${SLASH_COMMAND} ${name}`, user: command.user_id, channel: command.channel_id });
    const subcommand = SUBCOMMANDS[name];
    if (!subcommand) {
      await ack(
        ephemeralError(
          `\`${SLASH_COMMAND} ${first}\` is not a command I know. Try one of: ${SUBCOMMAND_NAMES.map((n) => `\`${n}\``).join(', ')}, or \`${SLASH_COMMAND} help\`.`,
        ),
      );
      return;
    }
    await subcommand({ command, args: text.slice(first.length).trim(), ack, respond, client, deps, logger });
  };
}
