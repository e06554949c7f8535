import { en, type Texts } from './texts/catalog.js';

/** What a refusal says, in any language: a text of the catalog's `errors` area with its arguments. */
export type ErrorText = (texts: Texts) => string;

/**
 * A rule of the domain was broken by the request. It is shown to the person in their language
 * (`textIn`); `message` is the English text, for logs.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly text: ErrorText,
    /** The modal field the error belongs to, when it came from one. */
    readonly field?: string,
  ) {
    super(text(en));
    this.name = 'DomainError';
  }

  /** The refusal as `texts`' reader reads it. */
  textIn(texts: Texts): string {
    return this.text(texts);
  }
}

export type DomainErrorCode =
  | 'forbidden'
  | 'invalid_transition'
  | 'not_found'
  | 'not_incident_channel'
  | 'invalid_input'
  | 'already_resolved'
  | 'not_resolved'
  | 'snooze_limit';
