import { section } from './elements.js';
import type { BlockMessage } from './message.js';
import { safeKeepingMentions } from './mrkdwn.js';

/**
 * An ephemeral error reply. The text is escaped (it may quote user input) but backticks survive,
 * so "Use `/incident reopen`" still renders as code, and so do mentions of people.
 */
export function errorMessage(text: string): BlockMessage {
  const body = safeKeepingMentions(text, 2900);
  return { text: body, blocks: [section(`:warning: ${body}`)] };
}
