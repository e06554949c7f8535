/** Shared by the reminder replica tests: replicas on one database, a reference model, exactly-once checks. */
import { DateTime } from 'luxon';
import { expect } from 'vitest';
import { SteppedClock } from '../../src/clock.js';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/db/client.js';
import { SEVERITIES, type Severity } from '../../src/domain/severity.js';
import { START, startTestApp, type TestApp } from './app.js';
import type { TestDatabase } from './database.js';
import { ALICE } from './flows.js';

export interface Model {
  severity: Severity;
  from: DateTime;
  stage: number;
  /** The reminder queued since the outbox was last delivered, not yet in Slack. */
  waiting?: string;
}

/**
 * What the model expects in Slack: reminders delivered, by (incident, stage), and how many were
 * withdrawn unsent (a later stage or an update came while they still waited in the outbox).
 */
export interface Expected {
  delivered: Map<string, number>;
  withdrawn: number;
  /** Which they were: with retries a replica comes back for on its own timer, one may have gone first. */
  withdrawnKeys: Map<string, number>;
}

/** Three replicas of the app on one database and one Slack workspace, ticking at the same moments. */
export async function startReplicas(
  database: TestDatabase,
  options: { workspace?: { timeoutMs?: number }; deliveryTimeoutMs?: number; env?: Record<string, string> } = {},
) {
  const clock = new SteppedClock(START);
  // Hours of 200 incidents pass here in seconds: at Slack's real pace (one post a second per
  // channel, tested in test/e2e/storm-pacing.test.ts) #incidents alone would take many minutes.
  const env = { SLACK_POST_INTERVAL_MS: '0', ...options.env };
  const first = await startTestApp({ database, clock, env, workspace: options.workspace, deliveryTimeoutMs: options.deliveryTimeoutMs });
  const rest = await Promise.all([1, 2].map(() => startTestApp({ database, clock, env, ws: first.ws, deliveryTimeoutMs: options.deliveryTimeoutMs })));
  return { clock, ws: first.ws, replicas: [first, ...rest] };
}

export async function declareMany(t: TestApp, n: number, random: () => number, model: Map<number, Model>) {
  for (let i = 0; i < n; i++) {
    const severity = SEVERITIES[Math.floor(random() * 3)]!;
    const incident = await t.app.incidents.declare({
      title: `Load ${i}`, severity, scenario: 'other', impact: '', commanderId: ALICE, declaredBy: ALICE,
    });
    model.set(incident.id, { severity, from: t.clock.now(), stage: 0 });
  }
}

/**
 * Minutes into a cadence cycle (from the last update, or the declaration) at which each stage is
 * due: the reminder at the cadence (SEV-1 15, SEV-2 30, SEV-3 60), the escalation half a cadence
 * later, the #incidents overdue notice a whole cadence later. Written out from the runbook rather
 * than computed with the domain functions under test.
 */
const STAGE_DUE_MINUTES: Record<Severity, readonly [number, number, number]> = {
  sev1: [15, 22.5, 30],
  sev2: [30, 45, 60],
  sev3: [60, 90, 120],
};

/**
 * The reminders the model expects at this tick: the most urgent stage due and not yet sent. It
 * replaces the incident's reminder still waiting in the outbox, if any: that one is never posted.
 */
export function modelTick(model: Map<number, Model>, now: DateTime, expected: Expected) {
  for (const [id, m] of model) {
    const elapsed = now.diff(m.from, 'minutes').minutes;
    const due = [1, 2, 3].filter((stage) => stage > m.stage && STAGE_DUE_MINUTES[m.severity][stage - 1]! <= elapsed);
    const stage = due[due.length - 1];
    if (!stage) continue;
    m.stage = stage;
    withdraw(m, expected);
    m.waiting = `${id}:${stage}`;
  }
}

/** An update or a severity change restarts the cycle: a reminder still waiting asks for what was done. */
function modelRestart(m: Model, expected: Expected) {
  withdraw(m, expected);
  m.waiting = undefined;
}
function withdraw(m: Model, expected: Expected) {
  if (!m.waiting) return;
  expected.withdrawn += 1;
  expected.withdrawnKeys.set(m.waiting, (expected.withdrawnKeys.get(m.waiting) ?? 0) + 1);
}

/** The outbox was delivered: every reminder waiting reached Slack. */
function modelDelivered(model: Map<number, Model>, expected: Expected) {
  for (const m of model.values()) {
    if (m.waiting) expected.delivered.set(m.waiting, (expected.delivered.get(m.waiting) ?? 0) + 1);
    m.waiting = undefined;
  }
}

/** Reminder messages in the workspace, by (incident, stage), found through the outbox id each post carries. */
export async function postedReminders(
  t: TestApp,
): Promise<{ byKey: Map<string, number>; perOutboxId: Map<number, number>; queued: number; superseded: number }> {
  const rows = rowsOf<{ id: string; incident_id: number; stage: number; status: string }>(
    await t.app.database.db.execute(
      sql`select id, incident_id, (payload->'reminder'->>'stage')::int as stage, status from outbox where kind = 'reminder.post'`,
    ),
  );
  const byOutbox = new Map(rows.map((r) => [Number(r.id), `${r.incident_id}:${r.stage}`]));
  const perOutboxId = new Map<number, number>();
  const byKey = new Map<string, number>();
  for (const channel of t.ws.channels()) {
    for (const m of t.ws.messages(channel.id)) {
      const id = (m.metadata?.event_payload as { outbox_id?: number } | undefined)?.outbox_id;
      const key = id === undefined ? undefined : byOutbox.get(id);
      if (id === undefined || key === undefined) continue;
      perOutboxId.set(id, (perOutboxId.get(id) ?? 0) + 1);
      byKey.set(key, (byKey.get(key) ?? 0) + 1);
    }
  }
  return { byKey, perOutboxId, queued: rows.length, superseded: rows.filter((r) => r.status === 'superseded').length };
}

export async function drainAll(replicas: TestApp[], clock: SteppedClock) {
  for (let round = 0; round < 200; round++) {
    await Promise.all(replicas.map((r) => r.deliver()));
    if ((await replicas[0]!.app.repos.outbox.pendingCount(replicas[0]!.app.database.db)) === 0) return;
    clock.advance({ seconds: 30 }); // retries wait for their backoff or Retry-After
  }
  throw new Error('the outbox never drained');
}

/** Simulates `hours` with a tick every `stepSeconds` on all replicas, updates and severity changes mixed in. */
export async function simulate(
  replicas: TestApp[], clock: SteppedClock, model: Map<number, Model>, hours: number, random: () => number,
): Promise<Expected> {
  const expected: Expected = { delivered: new Map(), withdrawn: 0, withdrawnKeys: new Map() };
  const ids = [...model.keys()];
  for (let minute = 1; minute <= hours * 60; minute++) {
    clock.advance({ minutes: 1 });
    for (let k = 0; k < 3; k++) {
      const id = ids[Math.floor(random() * ids.length)]!;
      const m = model.get(id)!;
      const replica = replicas[k]!;
      if (random() < 0.7) {
        await replica.app.incidents.postUpdate({ incidentId: id, authorId: ALICE, status: 'investigating', fields: { summary: 'x' } });
        Object.assign(m, { from: clock.now(), stage: 0 });
        modelRestart(m, expected);
      } else {
        const severity = SEVERITIES.filter((s) => s !== m.severity)[Math.floor(random() * 2)]!;
        await replica.app.incidents.changeSeverity(id, ALICE, severity);
        Object.assign(m, { severity, stage: 0 });
        modelRestart(m, expected);
      }
    }
    modelTick(model, clock.now(), expected);
    await Promise.all(replicas.map((r) => r.app.reminders.tick()));
    if (minute % 10 === 0) {
      await drainAll(replicas, clock);
      modelDelivered(model, expected);
    }
  }
  await drainAll(replicas, clock);
  modelDelivered(model, expected);
  return expected;
}

/** Every reminder the model delivers is in Slack once; every one it withdrew never got there. */
export function expectExactlyOnce(posted: Awaited<ReturnType<typeof postedReminders>>, expected: Expected) {
  const total = [...expected.delivered.values()].reduce((a, b) => a + b, 0);
  expect(total).toBeGreaterThan(100);
  expect(expected.withdrawn).toBeGreaterThan(0);
  expect(posted.superseded).toBe(expected.withdrawn);
  expect(posted.queued).toBe(total + expected.withdrawn);
  expect(posted.perOutboxId.size).toBe(total);
  expect([...posted.perOutboxId.values()].every((n) => n === 1)).toBe(true);
  expect(Object.fromEntries(posted.byKey)).toEqual(Object.fromEntries(expected.delivered));
}

/**
 * With Slack failing, a retried reminder comes back on its replica's own timer (at its backoff or
 * Retry-After), so one the model says waited may have reached Slack before it was replaced. Then it
 * is in Slack once and not withdrawn; everything else is as exactly-once demands.
 */
export function expectOnceOrReplaced(posted: Awaited<ReturnType<typeof postedReminders>>, expected: Expected) {
  const total = [...expected.delivered.values()].reduce((a, b) => a + b, 0);
  expect(total).toBeGreaterThan(100);
  expect([...posted.perOutboxId.values()].every((n) => n === 1)).toBe(true);
  expect(posted.superseded + posted.perOutboxId.size).toBe(posted.queued);
  expect(posted.superseded).toBeGreaterThan(0);
  expect(posted.superseded).toBeLessThanOrEqual(expected.withdrawn);
  // Per (incident, stage): at least what the model delivered, at most that plus what it withdrew.
  const keys = new Set([...expected.delivered.keys(), ...posted.byKey.keys()]);
  for (const key of keys) {
    const least = expected.delivered.get(key) ?? 0;
    expect(posted.byKey.get(key) ?? 0, key).toBeGreaterThanOrEqual(least);
    expect(posted.byKey.get(key) ?? 0, key).toBeLessThanOrEqual(least + (expected.withdrawnKeys.get(key) ?? 0));
  }
  const early = [...posted.byKey.values()].reduce((a, b) => a + b, 0) - total;
  expect(early + posted.superseded).toBe(expected.withdrawn);
}
