import type { BotResponse } from './types.js';

export interface EventRetryOptions {
  /** How long Slack waits for the app's answer to an event before it counts as a timeout (3 s). */
  timeoutMs?: number;
  /** When a failed delivery is sent again: nearly at once, after a minute, after five minutes (three retries). */
  retryDelaysMs?: number[];
}

/** Why Slack sent an event again, as its `X-Slack-Retry-Reason` header names it. */
export type RetryReason = 'http_timeout' | 'http_error' | 'connection_failed';

/** One HTTP delivery of an event, for tests and the page to read. */
export interface EventDelivery {
  eventId: string;
  retryNum: number;
  retryReason: RetryReason | null;
  /** The app's status; null when it did not answer in time or could not be reached. */
  status: number | null;
}

/** What one attempt came to: an answer (with whether it asked for no retry), no answer in time, or no connection. */
export type AttemptOutcome = { kind: 'answered'; response: BotResponse; noRetry: boolean } | { kind: 'timeout' } | { kind: 'unreachable'; error: unknown };

type Send = (headers: Record<string, string>) => Promise<{ response: BotResponse; noRetry: boolean }>;

/**
 * Slack's Events API retries over HTTP: a delivery answered with a status other than 2xx, not
 * answered within 3 s, or not connected is sent again with `X-Slack-Retry-Num` and
 * `X-Slack-Retry-Reason` (the same event_id), up to three times; an error answer carrying
 * `X-Slack-No-Retry: 1` is not. A timed-out delivery is retried without waiting for its answer.
 * The first attempt's outcome is what the caller gets; the retries go on in the background.
 */
export class EventRetries {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly sent: EventDelivery[] = [];
  private readonly options: Required<EventRetryOptions>;
  private closed = false;

  constructor(options: EventRetryOptions = {}) {
    this.options = { timeoutMs: 3000, retryDelaysMs: [0, 60_000, 300_000], ...options };
  }

  async deliver(eventId: string, send: Send): Promise<BotResponse> {
    const first = await this.attempt(eventId, 0, null, send);
    this.afterwards(eventId, 0, first, send);
    if (first.kind === 'answered') return first.response;
    if (first.kind === 'timeout') return { status: 408, body: '' };
    throw first.error;
  }

  log(): EventDelivery[] {
    return this.sent.map((d) => ({ ...d }));
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private afterwards(eventId: string, retryNum: number, outcome: AttemptOutcome, send: Send): void {
    const reason = retryReason(outcome);
    const delay = this.options.retryDelaysMs[retryNum];
    if (reason === null || delay === undefined || this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(eventId, retryNum + 1, reason, send).then((next) => this.afterwards(eventId, retryNum + 1, next, send));
    }, delay);
    this.timers.add(timer);
  }

  private async attempt(eventId: string, retryNum: number, reason: RetryReason | null, send: Send): Promise<AttemptOutcome> {
    const delivery: EventDelivery = { eventId, retryNum, retryReason: reason, status: null };
    this.sent.push(delivery);
    const headers: Record<string, string> = reason ? { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': reason } : {};
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<AttemptOutcome>((resolve) => (timer = setTimeout(() => resolve({ kind: 'timeout' }), this.options.timeoutMs)));
    const answer = send(headers).then(
      ({ response, noRetry }): AttemptOutcome => {
        delivery.status = response.status;
        return { kind: 'answered', response, noRetry };
      },
      (error: unknown): AttemptOutcome => ({ kind: 'unreachable', error }),
    );
    const outcome = await Promise.race([answer, late]);
    clearTimeout(timer);
    // An answer after the window is kept in the log (Slack has moved on to its retry by then).
    return outcome;
  }
}

function retryReason(outcome: AttemptOutcome): RetryReason | null {
  if (outcome.kind === 'timeout') return 'http_timeout';
  if (outcome.kind === 'unreachable') return 'connection_failed';
  if (outcome.response.status >= 200 && outcome.response.status < 300) return null;
  return outcome.noRetry ? null : 'http_error';
}
