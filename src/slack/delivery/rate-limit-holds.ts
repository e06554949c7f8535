import { ErrorCode } from '@slack/web-api';
import type { Clock } from '../../clock.js';
import { RetryAfter } from '../../outbox/failure.js';

/**
 * Slack's `Retry-After`, honoured for the method and channel that got it: until it passes, calls
 * of that method to that channel wait here without reaching Slack (each a retry at the time Slack
 * gave), while every other channel's messages go on. Per process: replicas learn it on their own.
 */
export class RateLimitHolds {
  private readonly until = new Map<string, number>();
  /** The call under way per method and channel: the next waits for it, so it sees a 429 it got. */
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(private readonly clock: Clock) {}

  /** Runs `call` unless `method` to `channel` is held (one at a time per pair); records a 429's hold and rethrows it. */
  call<T>(method: string, channel: string, call: () => Promise<T>): Promise<T> {
    const key = `${method}:${channel}`;
    const previous = this.tails.get(key) ?? Promise.resolve();
    const run = previous.then(() => this.attempt(key, method, channel, call), () => this.attempt(key, method, channel, call));
    const settled = run.catch(() => undefined);
    this.tails.set(key, settled);
    void settled.then(() => {
      if (this.tails.get(key) === settled) this.tails.delete(key);
    });
    return run;
  }

  private async attempt<T>(key: string, method: string, channel: string, call: () => Promise<T>): Promise<T> {
    const now = this.clock.now().toMillis();
    const held = this.until.get(key);
    if (held !== undefined && held > now) {
      throw new RetryAfter(`${method} to ${channel} is rate limited by Slack`, Math.ceil((held - now) / 1000));
    }
    if (held !== undefined) this.until.delete(key);
    try {
      return await call();
    } catch (err) {
      const e = err as { code?: string; retryAfter?: number };
      if (e?.code === ErrorCode.RateLimitedError) this.until.set(key, now + Math.max(1, e.retryAfter ?? 1) * 1000);
      throw err;
    }
  }
}
