import { section } from './elements.js';
import type { BlockMessage } from './message.js';
import { safe } from './mrkdwn.js';

/**
 * An ephemeral error reply. The text is escaped (it may quote user input) but backticks survive,
 * so "Use `/incident reopen`" still renders as code.
 */
export function errorMessage(text: string): BlockMessage {
  const body = safe(text, 2900);
  return { text: body, blocks: [section(`:warning: ${body}`)] };
}
