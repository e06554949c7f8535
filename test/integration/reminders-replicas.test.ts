import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from 'local-slack-workspace';
import type { TestApp } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import {
  declareMany, drainAll, expectExactlyOnce, expectOnceOrReplaced, postedReminders, simulate, startReplicas, type Model,
} from '../helpers/reminder-replicas.js';

describe('reminders across replicas', () => {
  let database: TestDatabase;
  let replicas: TestApp[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const r of replicas) await r.stop();
    await database?.drop();
  });

  it('posts every due reminder exactly once, and none it replaced, with three replicas ticking together for hours', async () => {
    const started = await startReplicas(database);
    replicas = started.replicas;
    const random = seededRandom(7);
    const model = new Map<number, Model>();
    await declareMany(replicas[0]!, 200, random, model);
    await drainAll(replicas, started.clock);
    const expected = await simulate(replicas, started.clock, model, 3, random);
    expectExactlyOnce(await postedReminders(replicas[0]!), expected);
  }, 240_000);

  it('a replica killed mid-tick loses nothing and its restart doubles nothing', async () => {
    const t = replicas[0]!;
    const clock = t.clock;
    clock.advance({ hours: 3 }); // every open incident is far overdue: some stage is due for each
    const before = (await postedReminders(t)).queued;
    const env = { ...process.env, DATABASE_URL: database.url, NOW: clock.now().toISO()! };
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/reminder-tick-child.ts'], { env: { ...env, HANG_BEFORE_COMMIT: '1' } });
    const claimed = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const match = /CLAIMED (\d+)/.exec(chunk.toString());
        if (match) resolve(Number(match[1]));
      });
      child.on('exit', (code) => reject(new Error(`child exited with ${code}`)));
    });
    expect(claimed).toBeGreaterThan(0);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect((await postedReminders(t)).queued).toBe(before); // its transaction rolled back

    const again = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/reminder-tick-child.ts'], { env });
    let out = '';
    again.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const [sentHere] = await Promise.all([Promise.all(replicas.map((r) => r.app.reminders.tick())), new Promise((r) => again.once('exit', r))]);
    const sentByChild = Number(/SENT (\d+)/.exec(out)?.[1] ?? NaN);
    const total = sentHere.reduce((a, b) => a + b, 0) + sentByChild;
    expect(total).toBe(claimed);
    expect(await Promise.all(replicas.map((r) => r.app.reminders.tick()))).toEqual([0, 0, 0]);
    await drainAll(replicas, clock);
    const posted = await postedReminders(t);
    expect(posted.queued).toBe(before + claimed);
    expect([...posted.perOutboxId.values()].every((n) => n === 1)).toBe(true);
    expect(posted.perOutboxId.size).toBe(posted.queued - posted.superseded);
  }, 60_000);
});

describe('reminders while Slack fails 30 % of posts', () => {
  let database: TestDatabase;
  let replicas: TestApp[] = [];
  afterAll(async () => {
    for (const r of replicas) await r.stop();
    await database?.drop();
  });

  it('every reminder arrives once, except those replaced before delivery', async () => {
    database = await createTestDatabase();
    const started = await startReplicas(database, { workspace: { timeoutMs: 200 }, deliveryTimeoutMs: 100 });
    replicas = started.replicas;
    const random = seededRandom(11);
    const model = new Map<number, Model>();
    await declareMany(replicas[0]!, 40, random, model);
    await drainAll(replicas, started.clock);
    started.ws.faults.set('chat.postMessage', { rate: 0.3, kinds: ['500', 'timeout', '429'], seed: 1 });
    const expected = await simulate(replicas, started.clock, model, 3, random);
    expectOnceOrReplaced(await postedReminders(replicas[0]!), expected);
    const failures = started.ws.callLog().filter((c) => c.method === 'chat.postMessage' && c.fault !== undefined);
    expect(failures.length).toBeGreaterThan(0);
  }, 420_000); // about 100 s alone: each channel's posts go one at a time, and 30 % of them fail
});
