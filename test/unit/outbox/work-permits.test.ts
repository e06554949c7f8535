import { describe, expect, it } from 'vitest';
import { WorkPermits } from '../../../src/outbox/work-permits.js';

/** A promise with its resolve, to hold work open until the test lets it finish. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('work permits', () => {
  it('lets at most `limit` work at once, the next starting as one finishes', async () => {
    const permits = new WorkPermits(2);
    const gates = [gate(), gate(), gate()];
    const started: number[] = [];
    const runs = gates.map((g, i) => permits.run(async () => { started.push(i); await g.opened; }));
    await settle();
    expect(started).toEqual([0, 1]);
    expect(permits.stats()).toEqual({ active: 2, waiting: 1 });
    gates[1]!.open();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    gates[0]!.open();
    gates[2]!.open();
    await Promise.all(runs);
    expect(permits.stats()).toEqual({ active: 0, waiting: 0 });
  });

  it('gives the permit up while idle (waiting a turn, Slack answering) and takes one back after', async () => {
    const permits = new WorkPermits(1);
    const slack = gate();
    const order: string[] = [];
    const first = permits.run(async () => {
      order.push('first reads');
      await permits.idle(() => slack.opened);
      order.push('first records');
    });
    await settle();
    const second = permits.run(() => Promise.resolve(order.push('second reads')));
    await second; // ran while the first waited on Slack
    slack.open();
    await first;
    expect(order).toEqual(['first reads', 'second reads', 'first records']);
  });

  it('releases the permit when the work throws, idle or not', async () => {
    const permits = new WorkPermits(1);
    await expect(permits.run(async () => permits.idle(() => Promise.reject(new Error('slack down'))))).rejects.toThrow('slack down');
    await expect(permits.run(() => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(permits.stats()).toEqual({ active: 0, waiting: 0 });
    expect(await permits.idle(() => Promise.resolve('outside any run'))).toBe('outside any run');
  });
});
