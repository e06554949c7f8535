import type { RespondArguments } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { DomainError } from '../domain/errors.js';
import type { Logger } from '../logger.js';
import { errorMessage } from './blocks/ephemeral-error.js';
import { withTypedText } from './blocks/typed-text.js';

export type EphemeralReply = RespondArguments & { response_type: 'ephemeral' };

export function ephemeral(text: string): EphemeralReply {
  return { response_type: 'ephemeral', text };
}

export function ephemeralError(text: string): EphemeralReply {
  return { response_type: 'ephemeral', ...errorMessage(text) };
}

export const SOMETHING_WENT_WRONG =
  'Something went wrong on our side and nothing was changed. Try again in a moment; if it keeps failing, tell whoever runs the incident bot.';

/**
 * A refusal of something the person typed: the reason, then their text in a code block to copy,
 * then `more` (buttons). Nothing typed is lost to a refusal.
 */
export function refusalWithText(reason: string, typed: string, more: KnownBlock[] = []): EphemeralReply {
  if (!typed.trim()) return ephemeralError(reason);
  return { response_type: 'ephemeral', ...withTypedText(errorMessage(reason), typed, more) };
}

/**
 * A DomainError's own message; anything else is logged and answered without internals. `typed`:
 * the text the refused command carried, given back to copy.
 */
export function errorReply(err: unknown, logger: Logger, typed = ''): EphemeralReply {
  if (err instanceof DomainError) return refusalWithText(err.message, typed);
  logger.error({ err }, 'command failed');
  return refusalWithText(SOMETHING_WENT_WRONG, typed);
}

/** Block id → message for a modal, from a DomainError that names its field, else on `fallbackBlock`. */
export function modalErrors(err: unknown, fallbackBlock: string, logger: Logger): Record<string, string> {
  if (err instanceof DomainError) return { [err.field ?? fallbackBlock]: err.message };
  logger.error({ err }, 'modal submission failed');
  return { [fallbackBlock]: 'Saving failed on our side and nothing was changed. Submit again in a moment.' };
}

/**
 * `respond` that never throws: the response URL may have expired or been used up, and the person
 * then simply gets no message; it is logged, and the listener carries on.
 */
export function safeRespond(args: { respond?: (message: EphemeralReply) => Promise<unknown> }, logger: Logger) {
  return async (message: EphemeralReply): Promise<void> => {
    if (!args.respond) return void logger.warn({ text: message.text }, 'no response_url to answer on');
    await args.respond(message).catch((err: unknown) => logger.warn({ err, text: message.text }, 'could not answer on the response_url'));
  };
}
