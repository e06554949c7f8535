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
  /** From Slack's answer to one post in a channel to the next post there (Slack allows about one a second). */
  postIntervalMs: number;
  /** The longest a call waits its turn here; beyond it the message goes back to the outbox. */
  maxWaitMs: number;
}

export const SLACK_PACING: PacingOptions = { postIntervalMs: 1000, maxWaitMs: 20_000 };

const PACED_METHODS = new Set(['chat.postMessage']);

/** One method's calls to one channel: they go one at a time, each after the turn the last left. */
interface Lane {
  tail: Promise<unknown>;
  /** Calls waiting or under way. */
  queued: number;
  /** Not before then (real ms): the interval after the last answer, or a 429's Retry-After. */
  nextAt: number;
}

/**
 * Slack's pace, kept in this process. Posts to a channel go one at a time, each a second after
 * Slack answered the one before (timed from the answer, so a slow call cannot bring two posts
 * closer than Slack counts them). A 429 puts its message back in the outbox for the Retry-After,
 * and that method and channel wait it out here. A call waits its turn here while other channels go on, so one busy channel never delays
 * another's first message. A turn further off than `maxWaitMs` is not waited for: the call throws
 * RetryAfter and the outbox brings the message back when the channel has room, well within its lease.
 */
export class ChannelPacer {
  private readonly lanes = new Map<string, Lane>();
  private closed = false;

  constructor(
    private readonly options: PacingOptions = SLACK_PACING,
    private readonly timer: PaceTimer = realPaceTimer,
    /** The outbox's work permits: a call gives its permit up while it waits its turn and Slack answers. */
    private readonly permits?: WorkPermits,
  ) {}

  call<T>(method: string, channel: string, call: () => Promise<T>): Promise<T> {
    return this.permits ? this.permits.idle(() => this.inLane(method, channel, call)) : this.inLane(method, channel, call);
  }

  private inLane<T>(method: string, channel: string, call: () => Promise<T>): Promise<T> {
    const key = `${method}:${channel}`;
    const lane = this.lane(key);
    const paced = PACED_METHODS.has(method);
    const wait = Math.max(0, lane.nextAt - this.timer.nowMs()) + (paced ? lane.queued * this.options.postIntervalMs : 0);
    if (wait > this.options.maxWaitMs) return Promise.reject(this.busy(method, channel, wait - this.options.maxWaitMs));
    if (!paced) return this.turn(lane, method, channel, call);
    lane.queued += 1;
    const run = lane.tail.then(() => this.turn(lane, method, channel, call));
    lane.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run.finally(() => {
      lane.queued -= 1;
    });
  }

  /** Waiting calls give up (their messages stay in the outbox) and no new call is sent. */
  close(): void {
    this.closed = true;
  }

  private async turn<T>(lane: Lane, method: string, channel: string, call: () => Promise<T>): Promise<T> {
    // Timers may fire a fraction of a millisecond early: wait until the turn has truly come.
    for (let wait = lane.nextAt - this.timer.nowMs(); wait > 0; wait = lane.nextAt - this.timer.nowMs()) {
      await this.timer.sleep(Math.ceil(wait));
    }
    if (this.closed) throw new RetryAfter('shutting down: the message waits for the next replica', 0);
    try {
      return await call();
    } catch (err) {
      const seconds = rateLimitedFor(err);
      if (seconds === undefined) throw err;
      // The lane waits it out; this message goes back to the outbox until then. A hold longer than
      // any wait here is left to each message's own retry.
      const holdMs = Math.max(1, seconds) * 1000;
      if (holdMs <= this.options.maxWaitMs) lane.nextAt = Math.max(lane.nextAt, this.timer.nowMs() + holdMs);
      throw new RetryAfter(`Slack rate-limited ${method} to ${channel}`, Math.max(1, seconds));
    } finally {
      if (PACED_METHODS.has(method)) lane.nextAt = Math.max(lane.nextAt, this.timer.nowMs() + this.options.postIntervalMs);
    }
  }

  private busy(method: string, channel: string, overMs: number): RetryAfter {
    return new RetryAfter(`${method} to ${channel} is busy`, Math.ceil(overMs / 1000) + 1);
  }

  private lane(key: string): Lane {
    let lane = this.lanes.get(key);
    if (!lane) {
      if (this.lanes.size >= 1000) this.forgetIdle();
      lane = { tail: Promise.resolve(), queued: 0, nextAt: 0 };
      this.lanes.set(key, lane);
    }
    return lane;
  }

  private forgetIdle(): void {
    const now = this.timer.nowMs();
    for (const [key, lane] of this.lanes) if (lane.queued === 0 && lane.nextAt < now) this.lanes.delete(key);
  }
}

function rateLimitedFor(err: unknown): number | undefined {
  const e = err as { code?: string; retryAfter?: number } | undefined;
  return e?.code === ErrorCode.RateLimitedError ? (e.retryAfter ?? 1) : undefined;
}
