import type { RespondArguments } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { DomainError } from '../domain/errors.js';
import type { Texts } from '../domain/texts/index.js';
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

/**
 * A refusal of something the person typed: the reason, then their text in a code block to copy,
 * then `more` (buttons). Nothing typed is lost to a refusal.
 */
export function refusalWithText(reason: string, typed: string, texts: Texts, more: KnownBlock[] = []): EphemeralReply {
  if (!typed.trim()) return ephemeralError(reason);
  return { response_type: 'ephemeral', ...withTypedText(errorMessage(reason), typed, texts, more) };
}

/**
 * A DomainError's own text, in the reader's language (`texts`); anything else is logged and
 * answered without internals. `typed`: the text the refused command carried, given back to copy.
 */
export function errorReply(err: unknown, logger: Logger, typed: string, texts: Texts): EphemeralReply {
  if (err instanceof DomainError) return refusalWithText(err.textIn(texts), typed, texts);
  logger.error({ err }, 'command failed');
  return refusalWithText(texts.replies.somethingWentWrong, typed, texts);
}

/**
 * Block id → message for a modal, from a DomainError that names its field, else on
 * `fallbackBlock`; in the language the form was shown in (`texts`).
 */
export function modalErrors(err: unknown, fallbackBlock: string, logger: Logger, texts: Texts): Record<string, string> {
  if (err instanceof DomainError) return { [err.field ?? fallbackBlock]: err.textIn(texts) };
  logger.error({ err }, 'modal submission failed');
  return { [fallbackBlock]: texts.replies.savingFailed };
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
