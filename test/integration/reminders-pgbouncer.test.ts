import { afterAll, beforeAll, describe, it } from 'vitest';
import { seededRandom } from 'local-slack-workspace';
import type { TestApp } from '../helpers/app.js';
import { createTestDatabase, testClusterUrl, type TestDatabase } from '../helpers/database.js';
import { startPgBouncer, type PgBouncer } from '../helpers/pgbouncer.js';
import {
  declareMany, drainAll, expectExactlyOnce, postedReminders, simulate, startReplicas, type Model,
} from '../helpers/reminder-replicas.js';

describe('reminders through PgBouncer in transaction mode', () => {
  let bouncer: PgBouncer;
  let database: TestDatabase;
  let replicas: TestApp[] = [];
  beforeAll(async () => {
    bouncer = await startPgBouncer(testClusterUrl());
    database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const r of replicas) await r.stop();
    await database?.drop();
    await bouncer?.stop();
  });

  it('three replicas behind the pooler post every due reminder exactly once', async () => {
    const pooled: TestDatabase = { url: bouncer.via(database.url), drop: async () => {} };
    const started = await startReplicas(pooled);
    replicas = started.replicas;
    const random = seededRandom(23);
    const model = new Map<number, Model>();
    await declareMany(replicas[0]!, 100, random, model);
    await drainAll(replicas, started.clock);
    const expected = await simulate(replicas, started.clock, model, 2, random);
    expectExactlyOnce(await postedReminders(replicas[0]!), expected);
  }, 240_000);
});
