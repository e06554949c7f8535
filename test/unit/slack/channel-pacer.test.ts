import { ErrorCode } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { RetryAfter } from '../../../src/outbox/failure.js';
import { ChannelPacer, type PaceTimer } from '../../../src/slack/delivery/channel-pacer.js';

/** Time that passes only when someone sleeps: each sleep jumps to its end. */
function steppedTimer(): PaceTimer & { at: number } {
  const timer = {
    at: 0,
    nowMs: () => timer.at,
    sleep: async (ms: number) => {
      await Promise.resolve();
      timer.at = Math.max(timer.at, timer.at + ms);
    },
  };
  return timer;
}

const rateLimited = (seconds: number) => Object.assign(new Error('ratelimited'), { code: ErrorCode.RateLimitedError, retryAfter: seconds });

describe('ChannelPacer', () => {
  it('posts to one channel one at a time, a second after each answer, while another channel goes at once', async () => {
    const timer = steppedTimer();
    const pacer = new ChannelPacer({ postIntervalMs: 1000, maxWaitMs: 20_000 }, timer);
    const sent: Array<[string, number]> = [];
    const post = (channel: string) => pacer.call('chat.postMessage', channel, () => {
      sent.push([channel, timer.at]);
      timer.at += 50; // Slack takes 50 ms to answer
      return Promise.resolve();
    });
    await Promise.all([post('C1'), post('C1'), post('C1'), post('C2')]);
    const c1 = sent.filter(([c]) => c === 'C1').map(([, at]) => at);
    expect(c1).toHaveLength(3);
    for (let i = 1; i < c1.length; i++) expect(c1[i]! - c1[i - 1]!).toBeGreaterThanOrEqual(1050);
    expect(c1.at(-1)).toBeLessThan(2300);
    expect(sent.find(([c]) => c === 'C2')![1]).toBeLessThan(1000);
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
