import { ErrorCode } from '@slack/web-api';
import { RetryAfter } from '../../outbox/failure.js';
import type { WorkPermits } from '../../outbox/work-permits.js';

/** Real time, for the pacing Slack does on real time (a drill's fast clock must not speed it up). */
export interface PaceTimer {
  nowMs(): number;
  sleep(ms: number): Promise<void>;
}

const realPaceTimer: PaceTimer = {
  nowMs: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface PacingOptions {
  /** From one post's turn in a channel to the next one's (Slack allows about one a second). */
  postIntervalMs: number;
  /** The longest a call waits its turn here; beyond it the message goes back to the outbox. */
  maxWaitMs: number;
}

export const SLACK_PACING: PacingOptions = { postIntervalMs: 1000, maxWaitMs: 20_000 };

const PACED_METHODS = new Set(['chat.postMessage']);

/** A turn to call Slack: how long until it comes, and whether it was taken. */
export interface PaceTurn {
  waitMs: number;
  reserved: boolean;
}

/**
 * Where turns are kept, per method and channel. In production every replica shares one book in
 * Postgres (`ChannelPaceRepository`), so replicas posting to one channel keep Slack's pace together.
 */
export interface PaceBook {
  /** Takes the next turn, `intervalMs` after the last one taken (or a held Retry-After), unless it is more than `maxWaitMs` off. */
  reserve(method: string, channel: string, intervalMs: number, maxWaitMs: number): Promise<PaceTurn>;
  /** How long calls of `method` to `channel` are still held by a Retry-After, in ms. */
  heldFor(method: string, channel: string): Promise<number>;
  /** Holds calls of `method` to `channel` for `ms` from now. */
  hold(method: string, channel: string, ms: number): Promise<void>;
}

/** A book kept in this process only: one replica, or the unit tests. */
export class LocalPaceBook implements PaceBook {
  private readonly nextAt = new Map<string, number>();
  constructor(private readonly timer: PaceTimer = realPaceTimer) {}

  reserve(method: string, channel: string, intervalMs: number, maxWaitMs: number): Promise<PaceTurn> {
    const key = `${method}:${channel}`;
    const now = this.timer.nowMs();
    const at = Math.max(now, this.nextAt.get(key) ?? 0);
    if (at - now > maxWaitMs) return Promise.resolve({ waitMs: at - now, reserved: false });
    this.remember(key, at + intervalMs, now);
    return Promise.resolve({ waitMs: at - now, reserved: true });
  }

  heldFor(method: string, channel: string): Promise<number> {
    return Promise.resolve(Math.max(0, (this.nextAt.get(`${method}:${channel}`) ?? 0) - this.timer.nowMs()));
  }

  hold(method: string, channel: string, ms: number): Promise<void> {
    const key = `${method}:${channel}`;
    const now = this.timer.nowMs();
    this.remember(key, Math.max(this.nextAt.get(key) ?? 0, now + ms), now);
    return Promise.resolve();
  }

  private remember(key: string, at: number, now: number): void {
    if (this.nextAt.size >= 1000 && !this.nextAt.has(key)) for (const [k, t] of this.nextAt) if (t < now) this.nextAt.delete(k);
    this.nextAt.set(key, at);
  }
}

/**
 * Slack's pace. A post takes its channel's next turn from the book (a second after the turn
 * before, or after a 429's Retry-After) and waits for it, giving its work permit up meanwhile,
 * while other channels go on. A 429 (up to `maxWaitMs`) is written to the book, so every caller of
 * that method and channel waits it out, and its message goes back to the outbox for the Retry-After. A turn further
 * off than `maxWaitMs` is not waited for: the call throws RetryAfter and the outbox brings the
 * message back when the channel has room, well within its lease.
 */
export class ChannelPacer {
  private closed = false;
  private readonly book: PaceBook;

  constructor(
    private readonly options: PacingOptions = SLACK_PACING,
    private readonly timer: PaceTimer = realPaceTimer,
    /** The outbox's work permits: a call gives its permit up while it waits its turn and Slack answers. */
    private readonly permits?: WorkPermits,
    book?: PaceBook,
  ) {
    this.book = book ?? new LocalPaceBook(timer);
  }

  async call<T>(method: string, channel: string, call: () => Promise<T>): Promise<T> {
    const { postIntervalMs, maxWaitMs } = this.options;
    const paced = PACED_METHODS.has(method) && postIntervalMs > 0;
    // Taken with the permit held: the book may be the database.
    const turn = paced ? await this.book.reserve(method, channel, postIntervalMs, maxWaitMs) : { waitMs: await this.book.heldFor(method, channel), reserved: true };
    if (!turn.reserved || turn.waitMs > maxWaitMs) throw this.busy(method, channel, turn.waitMs - maxWaitMs);
    const due = this.timer.nowMs() + turn.waitMs;
    const outcome = await this.idle(async (): Promise<{ value: T } | { error: unknown }> => {
      // Timers may fire a fraction of a millisecond early: wait until the turn has truly come.
      for (let wait = due - this.timer.nowMs(); wait > 0; wait = due - this.timer.nowMs()) await this.timer.sleep(Math.ceil(wait));
      if (this.closed) throw new RetryAfter('shutting down: the message waits for the next replica', 0);
      try {
        return { value: await call() };
      } catch (error) {
        return { error };
      }
    });
    if ('value' in outcome) return outcome.value;
    const seconds = rateLimitedFor(outcome.error);
    if (seconds === undefined) throw outcome.error;
    // A short hold is shared with every replica through the book. A longer one is left to the
    // outbox, which brings each message back after the Retry-After on the app's clock: the book's
    // real-time hold would otherwise outlast a drill's (or a test's) faster clock.
    const holdMs = Math.max(1, seconds) * 1000;
    if (holdMs <= maxWaitMs) await this.book.hold(method, channel, holdMs);
    throw new RetryAfter(`Slack rate-limited ${method} to ${channel}`, Math.max(1, seconds));
  }

  /** Waiting calls give up (their messages stay in the outbox) and no new call is sent. */
  close(): void {
    this.closed = true;
  }

  private idle<T>(wait: () => Promise<T>): Promise<T> {
    return this.permits ? this.permits.idle(wait) : wait();
  }

  private busy(method: string, channel: string, overMs: number): RetryAfter {
    return new RetryAfter(`${method} to ${channel} is busy`, Math.ceil(Math.max(0, overMs) / 1000) + 1);
  }
}

function rateLimitedFor(err: unknown): number | undefined {
  const e = err as { code?: string; retryAfter?: number } | undefined;
  return e?.code === ErrorCode.RateLimitedError ? (e.retryAfter ?? 1) : undefined;
}
