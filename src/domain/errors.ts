/** A rule of the domain was broken by the request; the message is shown to the user as is. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The modal field the error belongs to, when it came from one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
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
