import { helpMessage } from '../../blocks/help.js';
import type { Subcommand } from './context.js';

export const help: Subcommand = async (ctx) => {
  await ctx.ack({ response_type: 'ephemeral', ...helpMessage() });
};
