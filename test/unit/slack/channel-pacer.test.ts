import { ErrorCode } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { RetryAfter } from '../../../src/outbox/failure.js';
import { ChannelPacer, LocalPaceBook, type PaceTimer } from '../../../src/slack/delivery/channel-pacer.js';

/**
 * Time that passes only when everyone waits: once no work is left to run, the earliest sleeper
 * wakes and the clock jumps to its time.
 */
function steppedTimer(): PaceTimer & { at: number } {
  const sleepers: Array<{ at: number; wake: () => void }> = [];
  let pumping = false;
  const pump = () => {
    if (pumping) return;
    pumping = true;
    setImmediate(() => {
      pumping = false;
      sleepers.sort((a, b) => a.at - b.at);
      const next = sleepers.shift();
      if (!next) return;
      timer.at = Math.max(timer.at, next.at);
      next.wake();
      if (sleepers.length) pump();
    });
  };
  const timer = {
    at: 0,
    nowMs: () => timer.at,
    sleep: (ms: number) => new Promise<void>((wake) => {
      sleepers.push({ at: timer.at + ms, wake });
      pump();
    }),
  };
  return timer;
}

const rateLimited = (seconds: number) => Object.assign(new Error('ratelimited'), { code: ErrorCode.RateLimitedError, retryAfter: seconds });

describe('ChannelPacer', () => {
  it('posts to one channel a second apart, while another channel goes at once', async () => {
    const timer = steppedTimer();
    const pacer = new ChannelPacer({ postIntervalMs: 1000, maxWaitMs: 20_000 }, timer);
    const sent: Array<[string, number]> = [];
    const post = (channel: string) => pacer.call('chat.postMessage', channel, () => {
      sent.push([channel, timer.at]);
      return Promise.resolve();
    });
    await Promise.all([post('C1'), post('C1'), post('C1'), post('C2')]);
    const c1 = sent.filter(([c]) => c === 'C1').map(([, at]) => at);
    expect(c1).toHaveLength(3);
    for (let i = 1; i < c1.length; i++) expect(c1[i]! - c1[i - 1]!).toBeGreaterThanOrEqual(1000);
    expect(sent.find(([c]) => c === 'C2')![1]).toBeLessThan(1000);
  });

  it('keeps one pace for every pacer sharing a book, as replicas share Postgres', async () => {
    const timer = steppedTimer();
    const book = new LocalPaceBook(timer);
    const replicas = [1, 2, 3].map(() => new ChannelPacer({ postIntervalMs: 1000, maxWaitMs: 20_000 }, timer, undefined, book));
    const sent: number[] = [];
    await Promise.all(replicas.flatMap((pacer) => [1, 2].map(() => pacer.call('chat.postMessage', 'C1', () => Promise.resolve(void sent.push(timer.at))))));
    expect(sent).toHaveLength(6);
    const sorted = [...sent].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(1000);
    // A 429 seen by one replica holds the channel for the others.
    await expect(replicas[0]!.call('chat.postMessage', 'C2', () => Promise.reject(rateLimited(4)))).rejects.toBeInstanceOf(RetryAfter);
    const before = timer.at;
    let at = -1;
    await replicas[1]!.call('chat.postMessage', 'C2', () => Promise.resolve(void (at = timer.at)));
    expect(at - before).toBeGreaterThanOrEqual(3900);
  });

  it('hands a 429 back as RetryAfter and holds that channel for it', async () => {
    const timer = steppedTimer();
    const pacer = new ChannelPacer({ postIntervalMs: 1000, maxWaitMs: 20_000 }, timer);
    await expect(pacer.call('chat.postMessage', 'C1', () => Promise.reject(rateLimited(5)))).rejects.toEqual(expect.any(RetryAfter));
    let at = -1;
    await pacer.call('chat.postMessage', 'C1', () => Promise.resolve(void (at = timer.at)));
    expect(at).toBeGreaterThanOrEqual(5000);
    // Edits are not paced, but a 429 holds them too.
    await expect(pacer.call('chat.update', 'C1', () => Promise.reject(rateLimited(2)))).rejects.toBeInstanceOf(RetryAfter);
    const before = timer.at;
    await pacer.call('chat.update', 'C1', () => Promise.resolve(void (at = timer.at)));
    expect(at - before).toBeGreaterThanOrEqual(1900);
  });

  it('does not wait a turn further off than maxWait: the message goes back to the outbox unsent', async () => {
    const timer = steppedTimer();
    const pacer = new ChannelPacer({ postIntervalMs: 1000, maxWaitMs: 2500 }, timer);
    let calls = 0;
    const post = () => pacer.call('chat.postMessage', 'C1', () => Promise.resolve(void (calls += 1)));
    const results = await Promise.allSettled([post(), post(), post(), post(), post()]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'rejected']);
    const refused = results[3] as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(RetryAfter);
    expect((refused.reason as RetryAfter).seconds).toBeGreaterThanOrEqual(1);
    expect(calls).toBe(3);
  });

  it('after close, calls still waiting their turn give up unsent', async () => {
    const timer: PaceTimer = { nowMs: () => 0, sleep: () => new Promise((r) => setTimeout(r, 5)) };
    let now = 0;
    const pacer = new ChannelPacer({ postIntervalMs: 1000, maxWaitMs: 20_000 }, { ...timer, nowMs: () => now, sleep: async (ms) => { await timer.sleep(ms); now += ms; } });
    let calls = 0;
    const first = pacer.call('chat.postMessage', 'C1', () => Promise.resolve(void (calls += 1)));
    const second = pacer.call('chat.postMessage', 'C1', () => Promise.resolve(void (calls += 1)));
    await first;
    pacer.close();
    await expect(second).rejects.toBeInstanceOf(RetryAfter);
    expect(calls).toBe(1);
  });
});
