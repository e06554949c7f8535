import { randomUUID } from 'node:crypto';
import type { BotResponse } from './types.js';

export type EnvelopeType = 'events_api' | 'interactive' | 'slash_commands';

/** One envelope sent (or waiting for a connection), for tests and the page to read. */
export interface SocketDelivery {
  envelopeId: string;
  type: EnvelopeType;
  retryAttempt: number;
  retryReason: string;
  /** The connection it went to; null while no connection took it. */
  connection: number | null;
  acknowledged: boolean;
}

interface Pending {
  delivery: SocketDelivery;
  resolve: (response: BotResponse) => void;
}

/** No acknowledgement within the window: Slack shows the person an error, as for an HTTP timeout. */
const UNACKNOWLEDGED: BotResponse = { status: 408, body: '' };

/** Interactions whose acknowledgement Slack reads (as it reads their HTTP response body). */
const ANSWERED_INTERACTIONS = new Set(['view_submission', 'block_suggestion']);

/**
 * Envelopes and their acknowledgements. An envelope not acknowledged within `ackTimeoutMs` is
 * given up; an Events API one is sent again as a new envelope, to whichever connection is live
 * then, with `retry_attempt` counting up and `retry_reason: "timeout"` (the event keeps its
 * event_id). Interactions and slash commands are not retried: the person sees the failure.
 */
export class SocketDeliveries {
  private readonly pending = new Map<string, Pending>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly sent: SocketDelivery[] = [];
  private closed = false;

  constructor(
    private readonly deps: {
      ackTimeoutMs: number;
      retryDelaysMs: number[];
      /** Sends on one live connection; its id, or undefined when none takes envelopes. */
      send: (message: string) => number | undefined;
      connected: () => Promise<void>;
    },
  ) {}

  deliver(type: EnvelopeType, payload: Record<string, unknown>): Promise<BotResponse> {
    if (this.closed) return Promise.resolve(UNACKNOWLEDGED);
    return new Promise((resolve) => this.attempt(type, payload, 0, resolve));
  }

  acknowledge(envelopeId: string, payload: unknown): void {
    const pending = this.pending.get(envelopeId);
    if (!pending) return;
    this.pending.delete(envelopeId);
    pending.delivery.acknowledged = true;
    pending.resolve({ status: 200, body: responseBody(payload) });
  }

  log(): SocketDelivery[] {
    return this.sent.map((d) => ({ ...d }));
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const pending of this.pending.values()) pending.resolve(UNACKNOWLEDGED);
    this.pending.clear();
  }

  private attempt(type: EnvelopeType, payload: Record<string, unknown>, retryAttempt: number, resolve: (r: BotResponse) => void): void {
    const delivery: SocketDelivery = {
      envelopeId: randomUUID(), type, retryAttempt, retryReason: retryAttempt > 0 ? 'timeout' : '', connection: null, acknowledged: false,
    };
    this.sent.push(delivery);
    this.pending.set(delivery.envelopeId, { delivery, resolve });
    const message = JSON.stringify({
      envelope_id: delivery.envelopeId,
      type,
      payload,
      accepts_response_payload: acceptsResponsePayload(type, payload),
      ...(type === 'events_api' ? { retry_attempt: retryAttempt, retry_reason: delivery.retryReason } : {}),
    });
    const trySend = () => {
      if (this.pending.has(delivery.envelopeId) && delivery.connection === null) delivery.connection = this.deps.send(message) ?? null;
    };
    trySend();
    // Between an app's connections (a refresh) the envelope waits for the next one, within its window.
    if (delivery.connection === null) void this.deps.connected().then(trySend);
    this.later(this.deps.ackTimeoutMs, () => {
      if (!this.pending.delete(delivery.envelopeId)) return;
      const delay = this.deps.retryDelaysMs[retryAttempt];
      if (type !== 'events_api' || delay === undefined) return resolve(UNACKNOWLEDGED);
      this.later(delay, () => this.attempt(type, payload, retryAttempt + 1, resolve));
    });
  }

  private later(ms: number, run: () => void): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }
}

function acceptsResponsePayload(type: EnvelopeType, payload: Record<string, unknown>): boolean {
  if (type === 'slash_commands') return true;
  return type === 'interactive' && ANSWERED_INTERACTIONS.has(String(payload['type']));
}

/**
 * The acknowledgement's payload, read as the body of an HTTP response would be: none (or an
 * empty object, which is what Bolt sends for a bare `ack()`) is an empty body.
 */
function responseBody(payload: unknown): unknown {
  if (payload === undefined || payload === null) return '';
  if (typeof payload === 'object' && !Array.isArray(payload) && Object.keys(payload).length === 0) return '';
  return payload;
}
