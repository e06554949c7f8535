import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SteppedClock } from '../../src/clock.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { START, startTestApp, type TestApp } from '../helpers/app.js';
import { textOf } from '../helpers/flows.js';
import { seedIncident } from '../helpers/insights-seed.js';

let database: TestDatabase;
let replicas: TestApp[] = [];
const clock = new SteppedClock(START); // Wednesday 2026-11-25
const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const MONDAY = utc('2026-11-23T09:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  const first = await startTestApp({ database, clock });
  replicas = [first, await startTestApp({ database, clock, ws: first.ws }), await startTestApp({ database, clock, ws: first.ws })];
  const { db } = first.app.database;
  await seedIncident(db, first.app.repos, { severity: 'sev1', start: '2026-11-18T10:00:00Z', detect: 5, firstAction: 7, resolve: [65] });
  await seedIncident(db, first.app.repos, { severity: 'sev2', start: '2026-11-19T10:00:00Z', detect: 5, firstAction: 7, resolve: [300] });
  await seedIncident(db, first.app.repos, { severity: 'sev2', start: '2026-11-10T10:00:00Z', resolve: [30] }); // the week before
});
afterAll(async () => {
  for (const t of replicas) await t.stop();
  await database?.drop();
});

const ws = () => replicas[0]!.ws;
const digestsIn = () => ws().messages('incidents').filter((m) => textOf(m).includes('Weekly insights'));
const deliverAll = async () => {
  for (const t of replicas) await t.deliver();
};

describe('the weekly insights digest in #incidents', () => {
  it('is posted once per scheduled time over three replicas, with its chart, and not again after a restart', async () => {
    const claims = await Promise.all(replicas.map((t) => t.app.digests.queue(MONDAY)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    await deliverAll();
    expect(digestsIn()).toHaveLength(1);
    const text = textOf(digestsIn()[0]!);
    expect(text).toContain('Weekly insights* to 2026-11-23');
    expect(text).toContain('SEV-1* · 1 resolved (0)');
    expect(text).toContain('SEV-2* · 1 resolved (1)');

    const chart = ws().files().find((f) => f.name === 'insights-2026-11-23.png')!;
    expect(chart.channels).toContain(ws().channels().find((c) => c.name === 'incidents')!.id);
    const png = chart.content!;
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(width).toBeGreaterThan(800);
    expect(width).toBeLessThan(2400);
    expect(height).toBeGreaterThan(200);
    expect(height).toBeLessThan(1200);
    expect(png.length).toBeGreaterThan(10_000);
    expect(png.length).toBeLessThan(1_000_000);

    // A replica restarts and its schedule fires again for the same minute: nothing more.
    await replicas[2]!.stop();
    replicas[2] = await startTestApp({ database, clock, ws: ws() });
    expect(await replicas[2].app.digests.queue(MONDAY.plus({ seconds: 20 }))).toBe(false);
    await deliverAll();
    expect(digestsIn()).toHaveLength(1);
    expect(ws().files().filter((f) => f.name === 'insights-2026-11-23.png')).toHaveLength(1);
  });

  it('says so when the week had no incident, without a chart', async () => {
    expect(await replicas[1]!.app.digests.queue(utc('2026-11-09T09:00:00Z'))).toBe(true);
    await deliverAll();
    const empty = digestsIn().find((m) => textOf(m).includes('to 2026-11-09'))!;
    expect(textOf(empty)).toContain('No incidents in the last 7 days.');
    expect(ws().files().some((f) => f.name === 'insights-2026-11-09.png')).toBe(false);
  });
});
