import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SteppedClock } from './stepped-clock.js';
import { createWorkspace, seededRandom, type Workspace } from '../src/index.js';
import { DEMO } from './profile.js';

const TOKEN = 'xoxb-test';
let workspace: Workspace;
let base: string;
let channelId: string;
let realClock: SteppedClock;

const clientWith = (options: Record<string, unknown> = {}) =>
  new WebClient(TOKEN, { slackApiUrl: `${base}/workspace/api/`, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, ...options });

beforeEach(async () => {
  realClock = new SteppedClock('2024-11-25T22:00:00Z');
  workspace = createWorkspace({
    ...DEMO,
    signingSecret: 's', botToken: TOKEN, realClock, timeoutMs: 300, rateLimits: { 'chat.postMessage': { perChannelPerSecond: 1 } },
  });
  base = await workspace.listen();
  const created = await clientWith().conversations.create({ name: 'faults' });
  channelId = created.channel!.id!;
});
afterEach(() => workspace.close());

describe('fault injection', () => {
  it('a 500 fails the call without applying it', async () => {
    workspace.faults.set('chat.postMessage', { rate: 1, kinds: ['500'] });
    await expect(clientWith().chat.postMessage({ channel: channelId, text: 'lost' })).rejects.toMatchObject({ code: 'slack_webapi_http_error' });
    expect(workspace.messages(channelId)).toEqual([]);
    expect(workspace.callLog().at(-1)).toMatchObject({ method: 'chat.postMessage', outcome: 'error', fault: '500' });
  });

  it('a 429 carries Retry-After and applies nothing', async () => {
    workspace.faults.set('chat.postMessage', { rate: 1, kinds: ['429'], retryAfterSeconds: 7 });
    await expect(clientWith().chat.postMessage({ channel: channelId, text: 'later' })).rejects.toMatchObject({
      code: 'slack_webapi_rate_limited_error', retryAfter: 7,
    });
    const raw = await fetch(`${base}/workspace/api/chat.postMessage`, {
      method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ channel: channelId, text: 'x' }),
    });
    expect(raw.status).toBe(429);
    expect(raw.headers.get('retry-after')).toBe('7');
    expect(await raw.json()).toEqual({ ok: false, error: 'ratelimited' });
    expect(workspace.messages(channelId)).toEqual([]);
    workspace.faults.clear();
    await clientWith().chat.postMessage({ channel: channelId, text: 'now' });
    expect(workspace.messages(channelId).map((m) => m.text)).toEqual(['now']);
  });

  it('a timeout applies the call but never answers', async () => {
    workspace.faults.set('chat.postMessage', { rate: 1, kinds: ['timeout'] });
    await expect(clientWith().chat.postMessage({ channel: channelId, text: 'did it post?' })).rejects.toThrow(); // dropped after timeoutMs
    expect(workspace.messages(channelId).map((m) => m.text)).toEqual(['did it post?']);
    expect(workspace.callLog().at(-1)).toMatchObject({ outcome: 'ok', fault: 'timeout' });
  });

  it('a timed-out socket is dropped after timeoutMs', async () => {
    workspace.faults.set('auth.test', { rate: 1, kinds: ['timeout'] });
    const started = Date.now();
    await expect(clientWith().auth.test()).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('is repeatable for a seed and fails about the given share of calls', async () => {
    const pattern = async () => {
      workspace.faults.set('users.info', { rate: 0.3, kinds: ['500', '429'], seed: 7 });
      const outcomes: string[] = [];
      for (let i = 0; i < 40; i += 1) {
        outcomes.push(await clientWith().users.info({ user: 'U_BOB' }).then(() => 'ok', (e: { code: string }) => e.code));
      }
      return outcomes;
    };
    const first = await pattern();
    expect(await pattern()).toEqual(first);
    const failures = first.filter((o) => o !== 'ok').length;
    expect(failures).toBeGreaterThan(4);
    expect(failures).toBeLessThan(24);
    expect(new Set(first)).toEqual(new Set(['ok', 'slack_webapi_http_error', 'slack_webapi_rate_limited_error']));
  });

  it('limits chat.postMessage to one a second per channel, a short burst allowed, as Slack does', async () => {
    const client = clientWith();
    for (const text of ['one', 'two', 'three']) await client.chat.postMessage({ channel: channelId, text });
    await expect(client.chat.postMessage({ channel: channelId, text: 'four' })).rejects.toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 1 });
    const other = (await client.conversations.create({ name: 'faults-other' })).channel!.id!;
    await client.chat.postMessage({ channel: other, text: 'elsewhere' });
    realClock.advance({ milliseconds: 500 });
    await expect(client.chat.postMessage({ channel: channelId, text: 'half a second on' })).rejects.toMatchObject({ retryAfter: 1 });
    realClock.advance({ milliseconds: 500 });
    await client.chat.postMessage({ channel: channelId, text: 'a second on' });
    await expect(client.chat.postMessage({ channel: channelId, text: 'again' })).rejects.toMatchObject({ retryAfter: 1 });
    // Sustained: one a second, however long the burst waited.
    realClock.advance({ seconds: 1 });
    await client.chat.postMessage({ channel: channelId, text: 'two seconds on' });
    expect(workspace.messages(channelId).map((m) => m.text)).toEqual(['one', 'two', 'three', 'a second on', 'two seconds on']);
  });
});

describe('seededRandom', () => {
  it('gives the same sequence for the same seed', () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const c = seededRandom(2);
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seqA);
    expect([c(), c(), c()]).not.toEqual(seqA);
    expect(seqA.every((n) => n >= 0 && n < 1)).toBe(true);
  });
});
