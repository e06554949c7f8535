/**
 * A storm of deliveries and the database pool: without a bound, 200 incidents' messages put
 * about 140 queries in the pool's queue at once, past its connection timeout on a loaded machine,
 * and ahead of anyone's slash command. Deliveries hold at most all but four connections.
 */
import { afterAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE } from '../helpers/flows.js';

let t: TestApp | undefined;
afterAll(async () => t?.stop());

it('delivering 200 incidents at once never queues on the pool, and leaves connections free', async () => {
  t = await startTestApp({ env: { SLACK_POST_INTERVAL_MS: '0', DATABASE_POOL_SIZE: '10' } });
  for (let i = 0; i < 200; i++) {
    await t.app.incidents.declare({ title: `Load ${i}`, severity: 'sev2', scenario: 'other', impact: '', commanderId: ALICE, declaredBy: ALICE });
  }
  let waiting = 0;
  let inUse = 0;
  const sample = setInterval(() => {
    const stats = t!.app.database.poolStats();
    waiting = Math.max(waiting, stats.waiting);
    inUse = Math.max(inUse, stats.inUse);
  }, 1);
  try {
    expect(await t.deliver()).toBeGreaterThan(600); // channel, card, announcement… for each
  } finally {
    clearInterval(sample);
  }
  expect(await t.app.repos.outbox.pendingCount(t.app.database.db)).toBe(0);
  expect(waiting).toBe(0);
  expect(inUse).toBeLessThanOrEqual(8); // six deliveries, the claim and the settle: two stay free
}, 120_000);
