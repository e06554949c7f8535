/**
 * One pace for every replica: three processes' pacers, each on its own connection pool to one
 * Postgres, post to one channel of a workspace that allows one message a second per channel (a
 * short burst allowed, as Slack does). Sharing the turns in `channel_pace` they meet no 429;
 * each keeping its own pace, as before, they do.
 */
import { WebClient } from '@slack/web-api';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from 'local-slack-workspace';
import { LOCAL_BOT_TOKEN } from '../../src/application.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { ChannelPaceRepository } from '../../src/db/repositories/channel-pace-repository.js';
import { localProfile } from '../../src/local-workspace/profile.js';
import { RetryAfter } from '../../src/outbox/failure.js';
import { ChannelPacer, LocalPaceBook, SLACK_PACING, type PaceBook } from '../../src/slack/delivery/channel-pacer.js';
import { migratedDatabase, type MigratedDatabase } from '../helpers/db.js';

const PER_REPLICA = 4;
let m: MigratedDatabase;
let pools: Database[] = [];
let ws: Workspace;
let slack: WebClient;

beforeAll(async () => {
  m = await migratedDatabase();
  pools = [m.database, ...(await Promise.all([1, 2].map(() =>
    openDatabase({ url: m.testDatabase.url, pgliteDir: '', poolSize: 4, statementTimeoutMs: 5000 }, pino({ level: 'silent' })))))];
  ws = createWorkspace({
    ...localProfile('incidents'), signingSecret: 'pace', botToken: LOCAL_BOT_TOKEN, rateLimits: { 'chat.postMessage': { perChannelPerSecond: 1 } },
  });
  const base = await ws.listen();
  slack = new WebClient(LOCAL_BOT_TOKEN, { slackApiUrl: `${base}/workspace/api/`, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
});
afterAll(async () => {
  await ws?.close();
  await Promise.all(pools.slice(1).map((p) => p.close()));
  await m?.close();
});

const sharedBook = (database: Database): PaceBook => {
  const repo = new ChannelPaceRepository();
  return {
    reserve: (method, channel, intervalMs, maxWaitMs) => repo.reserve(database.db, method, channel, intervalMs, maxWaitMs),
    heldFor: (method, channel) => repo.heldFor(database.db, method, channel),
    hold: (method, channel, ms) => repo.hold(database.db, method, channel, ms),
  };
};

/** Each replica posts its share to one new channel at once; what the workspace answered. */
async function storm(books: PaceBook[]) {
  const channel = (await slack.conversations.create({ name: `pace-${Date.now()}` })).channel!.id!;
  const from = ws.callLog().length;
  const results = await Promise.allSettled(books.flatMap((book, replica) => {
    const pacer = new ChannelPacer(SLACK_PACING, undefined, undefined, book);
    return Array.from({ length: PER_REPLICA }, (_, i) => pacer.call('chat.postMessage', channel, () => slack.chat.postMessage({ channel, text: `replica ${replica} post ${i}` })));
  }));
  const posts = ws.callLog().slice(from).filter((c) => c.method === 'chat.postMessage');
  return { results, posts, channel };
}

describe('Slack pace shared by replicas through Postgres', () => {
  it('three replicas posting to one channel together keep one a second and meet no 429', async () => {
    const { results, posts, channel } = await storm(pools.map(sharedBook));
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(posts.filter((c) => c.fault === '429')).toEqual([]);
    expect(ws.messages(channel)).toHaveLength(3 * PER_REPLICA);
    const times = posts.map((c) => c.realMs).sort((a, b) => a - b);
    // Twelve posts take at least the nine seconds past the burst Slack allows.
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual((3 * PER_REPLICA - 3) * 1000 - 50);
  }, 60_000);

  it('each replica keeping its own pace (as before) meets 429s', async () => {
    const { results, posts } = await storm(pools.map(() => new LocalPaceBook()));
    expect(posts.filter((c) => c.fault === '429').length).toBeGreaterThan(0);
    expect(results.some((r) => r.status === 'rejected' && r.reason instanceof RetryAfter)).toBe(true);
  }, 60_000);

  it('does not reserve a turn further off than the caller waits, and holds a Retry-After for every replica', async () => {
    const repo = new ChannelPaceRepository();
    const [a, b] = pools.map((p) => p.db);
    const turns = await Promise.all(Array.from({ length: 5 }, (_, i) => repo.reserve(i % 2 ? a! : b!, 'chat.postMessage', 'C_TURNS', 1000, 2500)));
    expect(turns.filter((t) => t.reserved)).toHaveLength(3);
    expect(turns.filter((t) => t.reserved).map((t) => Math.round(t.waitMs / 1000)).sort()).toEqual([0, 1, 2]);
    expect(turns.filter((t) => !t.reserved).every((t) => t.waitMs > 2500)).toBe(true);
    await repo.hold(a!, 'chat.update', 'C_HELD', 5000);
    const held = await repo.heldFor(b!, 'chat.update', 'C_HELD');
    expect(held).toBeGreaterThan(4000);
    expect(held).toBeLessThanOrEqual(5000);
    expect(await repo.heldFor(b!, 'chat.update', 'C_OTHER')).toBe(0);
  });
});
