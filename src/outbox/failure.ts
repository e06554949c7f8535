/** How a failed delivery is treated: the dispatcher's whole failure policy keys on this. */
export type DeliveryFailure =
  | { type: 'rate_limited'; retryAfterSeconds: number; message: string }
  /** The call may or may not have reached its destination (timeout, dropped connection, 5xx). */
  | { type: 'transient'; message: string }
  /** The destination answered and will answer the same again (bad blocks, unknown channel…). */
  | { type: 'permanent'; error: string; message: string };

/** Thrown by delivery for a message that can never be sent (its incident or update is gone). */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}

/** Thrown by delivery when a message must wait for an earlier one (the channel is not created yet). */
export class DeliveryDeferred extends Error {
  override readonly name = 'DeliveryDeferred';
}

/** Thrown by delivery when the destination asked for a pause (a rate limit still running): retry then. */
export class RetryAfter extends Error {
  override readonly name = 'RetryAfter';
  constructor(message: string, readonly seconds: number) {
    super(message);
  }
}

/**
 * Thrown by delivery instead of sending once the claim's lease has run out (the message waited
 * too long for its turn): another replica may have claimed it and be sending it.
 */
export class LeaseExpired extends Error {
  override readonly name = 'LeaseExpired';
}

/** 1 s, 2 s, 4 s … capped at 5 minutes. */
export function backoffSeconds(attempts: number): number {
  return Math.min(300, 2 ** Math.max(0, attempts - 1));
}

/** The dispatcher's own errors first, then the destination's classification. */
export function classifyDeliveryError(err: unknown, classify: (err: unknown) => DeliveryFailure): DeliveryFailure {
  if (err instanceof PermanentDeliveryError) return { type: 'permanent', error: 'undeliverable', message: err.message };
  if (err instanceof DeliveryDeferred) return { type: 'transient', message: err.message };
  if (err instanceof RetryAfter) return { type: 'rate_limited', retryAfterSeconds: Math.max(1, err.seconds), message: err.message };
  return classify(err);
}
