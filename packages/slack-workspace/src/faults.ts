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

/** Optional per-channel limits, e.g. chat.postMessage at about one message a second per channel. */
export class RateLimiter {
  private readonly recent = new Map<string, number[]>();

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
    const window = (this.recent.get(key) ?? []).filter((t) => now - t < 1000);
    if (window.length >= limit.perChannelPerSecond) {
      this.recent.set(key, window);
      return 1;
    }
    window.push(now);
    this.recent.set(key, window);
    return null;
  }
}
