import { afterEach, describe, expect, it } from 'vitest';
import { SteppedClock } from '../../src/clock.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { START, startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, command, declare, openedView, textOf, updateValues } from '../helpers/flows.js';

let running: TestApp[] = [];
let database: TestDatabase | undefined;
afterEach(async () => {
  for (const t of running) await t.stop();
  running = [];
  await database?.drop();
  database = undefined;
});

async function start(options: Parameters<typeof startTestApp>[0] = {}) {
  const t = await startTestApp(options);
  running.push(t);
  return t;
}

describe('accepted work reaches Slack once, across restarts and outages', () => {
  it('posts after a restart what was committed before the process stopped', async () => {
    database = await createTestDatabase();
    const clock = new SteppedClock(START);
    const first = await start({ database, clock });
    await declare(first.ws, ALICE, 'sev1 Checkout failing', { title: 'Checkout failing' });
    // The process stops after the commit and before any Slack post.
    await first.stop();
    running = [];
    expect(first.ws.channels().filter((c) => c.name.startsWith('inc-'))).toHaveLength(0);

    const second = await start({ database, clock, ws: first.ws });
    await second.deliver();
    await second.deliver();
    const channels = second.ws.channels().filter((c) => c.name.startsWith('inc-'));
    expect(channels.map((c) => c.name)).toEqual(['inc-1-checkout-failing']);
    expect(second.ws.pins(channels[0]!.id)).toHaveLength(1);
    expect(second.ws.messages('incidents')).toHaveLength(1);
  });

  it('survives Slack answering 500, 429 and timing out, posting each message once and in order', async () => {
    const t = await start({ workspace: { timeoutMs: 200 }, deliveryTimeoutMs: 100 });
    await declare(t.ws, ALICE, 'sev1 Checkout failing', { title: 'Checkout failing' });
    await t.deliver();
    const channel = t.ws.channel('inc-1-checkout-failing')!.id;

    t.ws.faults.set('chat.postMessage', { rate: 0.5, kinds: ['500', 'timeout', '429'], retryAfterSeconds: 1, seed: 7 });
    for (let i = 1; i <= 9; i += 1) {
      await command(t.ws, ALICE, channel, `note step ${i}`);
    }
    await command(t.ws, ALICE, channel, 'update');
    const view = await openedView(t.ws, ALICE, 'incident_update');
    await t.ws.submitView({ userId: ALICE, viewId: view.id, values: updateValues('sev1', 'identified', 'db failover') });

    for (let round = 0; round < 60; round += 1) {
      await t.deliver();
      t.clock.advance({ seconds: 30 });
    }
    const notes = t.ws.messages(channel).map(textOf).filter((text) => text.includes('step '));
    expect(notes.map((text) => /step (\d)/.exec(text)![1])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(t.ws.messages(channel).filter((m) => textOf(m).includes('db failover'))).toHaveLength(1);
    const failures = t.ws.callLog().filter((c) => c.method === 'chat.postMessage' && c.fault !== undefined);
    expect(new Set(failures.map((c) => c.fault))).toEqual(new Set(['500', 'timeout', '429']));
    expect(failures.length).toBeGreaterThan(3);
  }, 90_000); // about 17 s in a full CI run: each post keeps Slack's pace, and half of them fail

  it('waits as long as the Retry-After of a 429 says before trying again', async () => {
    const t = await start();
    await declare(t.ws, ALICE, 'sev1 Checkout failing', { title: 'Checkout failing' });
    await t.deliver();
    const channel = t.ws.channel('inc-1-checkout-failing')!.id;
    const attempts = () => t.ws.callLog().filter((c) => c.method === 'chat.postMessage' && JSON.stringify(c.params).includes('rate limited note')).length;

    t.ws.faults.set('chat.postMessage', { rate: 1, kinds: ['429'], retryAfterSeconds: 120 });
    await command(t.ws, ALICE, channel, 'note rate limited note');
    await t.deliver();
    expect(attempts()).toBe(1);
    t.ws.faults.clear();

    t.clock.advance({ seconds: 119 });
    await t.deliver();
    expect(attempts()).toBe(1);
    t.clock.advance({ seconds: 2 });
    await t.deliver();
    expect(attempts()).toBe(2);
    expect(t.ws.messages(channel).filter((m) => textOf(m).includes('rate limited note'))).toHaveLength(1);
  });
});
