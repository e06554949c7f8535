import type { WorkspaceClock as Clock } from './clock.js';
import type { RateLimits } from './types.js';

export type FaultKind = '500' | 'timeout' | '429';

export interface FaultSpec {
  /** Probability (0..1) that a call to this method fails. */
  rate: number;
  kinds: FaultKind[];
  retryAfterSeconds?: number;
  seed?: number;
}

/** mulberry32: small, seeded, repeatable. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Fault {
  kind: FaultKind;
  retryAfterSeconds: number;
}

/** Per-method injected failures, decided by a seeded PRNG so a test run is repeatable. */
export class FaultInjector {
  private readonly specs = new Map<string, { spec: FaultSpec; random: () => number }>();

  set(method: string, spec: FaultSpec): void {
    if (spec.kinds.length === 0) throw new Error('faults.set needs at least one kind');
    this.specs.set(method, { spec, random: seededRandom(spec.seed ?? 42) });
  }

  clear(method?: string): void {
    if (method) this.specs.delete(method);
    else this.specs.clear();
  }

  /** Whether this call fails, and how. */
  decide(method: string): Fault | null {
    const entry = this.specs.get(method);
    if (!entry) return null;
    if (entry.random() >= entry.spec.rate) return null;
    const kinds = entry.spec.kinds;
    const kind = kinds[Math.floor(entry.random() * kinds.length)] ?? kinds[0]!;
    return { kind, retryAfterSeconds: entry.spec.retryAfterSeconds ?? 1 };
  }
}

const DEFAULT_BURST = 3;

/**
 * Optional per-channel limits as Slack keeps them: chat.postMessage at about one message a second
 * per channel, short bursts allowed (a token bucket per channel). Over it: 429 with Retry-After.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limits: RateLimits,
    private readonly realClock: Clock,
  ) {}

  /** Seconds to wait when over the limit, otherwise null (and the call is counted). */
  check(method: string, channel: unknown): number | null {
    const limit = method === 'chat.postMessage' ? this.limits['chat.postMessage'] : undefined;
    if (!limit || typeof channel !== 'string') return null;
    const key = `${method}:${channel}`;
    const now = this.realClock.now().toMillis();
    const capacity = Math.max(1, limit.burst ?? DEFAULT_BURST);
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * limit.perChannelPerSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perChannelPerSecond));
    bucket.tokens -= 1;
    return null;
  }
}
