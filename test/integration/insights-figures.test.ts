import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SteppedClock } from '../../src/clock.js';
import { rowsOf } from '../../src/db/client.js';
import { createRepositories } from '../../src/db/repositories/index.js';
import { InsightsRepository } from '../../src/db/repositories/insights/insights-repository.js';
import { insightsJson } from '../../src/domain/insights/export.js';
import { type Period } from '../../src/domain/insights/period.js';
import { incidentRef } from '../../src/domain/incident.js';
import { InsightsService } from '../../src/services/insights-service.js';
import { migratedDatabase, type MigratedDatabase } from '../helpers/db.js';
import { at, seedIncident } from '../helpers/insights-seed.js';

let m: MigratedDatabase;
const repos = createRepositories();
const clock = new SteppedClock('2026-03-10T12:00:00Z');
let insights: InsightsService;
const ids: Record<string, number> = {};
const MARCH: Period = { from: DateTime.fromISO('2026-03-01T00:00:00Z', { zone: 'utc' }), to: DateTime.fromISO('2026-03-08T00:00:00Z', { zone: 'utc' }) };

const count = async (query: string): Promise<number> =>
  Number(rowsOf<{ n: string | number }>(await m.database.db.execute(sql.raw(`select count(*) as n from ${query}`)))[0]?.n);
const staleMarks = (id: number) => count(`incident_figures_stale where incident_id = ${id}`);
/** Reads what is stored and derives what is stale, but never stores: as when another replica holds the refresh. */
class NeverStoring extends InsightsRepository {
  override refresh(): Promise<number> {
    return Promise.resolve(0);
  }
}
let readOnly: InsightsService;
const readReport = (period: Period) => readOnly.report(period);

beforeAll(async () => {
  m = await migratedDatabase();
  const db = m.database.db;
  insights = new InsightsService({ db, repos, clock, timeZone: 'UTC' });
  readOnly = new InsightsService({ db, repos: { ...repos, insights: new NeverStoring() }, clock, timeZone: 'UTC' });
  const seed = async (name: string, s: Parameters<typeof seedIncident>[2]) => { ids[name] = await seedIncident(db, repos, s); };
  await seed('quick', { title: 'Checkout errors', start: '2026-03-02T01:00:00Z', detect: 2, firstAction: 3, monitoring: 20, resolve: [30] });
  await seed('slow', { title: 'Checkout latency', start: '2026-03-02T03:00:00Z', detect: 5, firstAction: 12, monitoring: 60, resolve: [90] });
  await seed('night', { title: 'Search outage', severity: 'sev1', start: '2026-03-03T15:00:00Z', commander: 'U_SEOUL', firstAction: 4, notes: [{ at: 200, milestone: null, by: 'U_SEOUL' }], resolve: [240] });
  await seed('reopened', { title: 'Queue backlog', severity: 'sev3', start: '2026-03-04T02:00:00Z', firstAction: 1, resolve: [30, 100], reopen: [50] });
  await seed('drill', { start: '2026-03-04T00:00:00Z', firstAction: 1, resolve: [15], drill: true });
  await seed('private', { title: 'Payment gateway down', severity: 'sev3', start: '2026-03-06T04:00:00Z', firstAction: 1, resolve: [20], private: true });
  await seed('open', { severity: 'sev1', start: '2026-03-05T10:00:00Z', firstAction: 1 });
  await seed('previous', { start: '2026-02-25T00:00:00Z', firstAction: 4, resolve: [45] });
});
afterAll(async () => m?.close());

describe('each incident\'s figures, stored and kept in step with its timeline', () => {
  it('gives the same report from stored figures as derived from every event', async () => {
    const derived = insightsJson(await insights.report(MARCH));
    // Every incident marked stale: the report derives all of them from their timelines.
    await m.database.db.execute(sql`insert into incident_figures_stale (incident_id) select id from incidents`);
    expect(await count('incident_figures_stale')).toBeGreaterThan(0);
    expect(insightsJson(await readReport(MARCH))).toEqual(derived);
    // Stored: the resolved incidents' figures, none for the open one, no mark left.
    expect(await repos.insights.refresh(m.database.db)).toBe(Object.keys(ids).length);
    expect(await count('incident_figures_stale')).toBe(0);
    expect(await count('incident_figures')).toBe(Object.keys(ids).length - 1);
    expect(await count(`incident_figures where incident_id = ${ids.open}`)).toBe(0);
    expect(insightsJson(await readReport(MARCH))).toEqual(derived);
    expect(derived.severities.sev2?.phases.resolve?.values_minutes).toEqual([30, 90]);
    expect(derived.responders.map((r) => r.user)).toContain('U_SEOUL');
    // Read on two connections in one exported snapshot, as on a Postgres server: the same.
    const parallel = new InsightsService({ db: m.database.db, repos, clock, timeZone: 'UTC', parallelReads: true });
    expect(insightsJson(await parallel.report(MARCH))).toEqual(derived);
    // Nothing changed since: nothing to derive again.
    expect(await repos.insights.refresh(m.database.db)).toBe(0);
  });

  it('tells a backdated milestone at once, before any refresh, and stores it on the next', async () => {
    const db = m.database.db;
    await repos.insights.refresh(db);
    const detect = async () => (await readReport(MARCH)).current.severities.sev2.phases.detect.valuesMinutes;
    expect(await detect()).toEqual([2, 5]);
    await repos.timeline.append(db, { incidentId: ids.slow!, kind: 'note_added', actorId: 'U_IC', occurredAt: at('2026-03-02T03:00:00Z', 1), data: { text: 'graphs were red here', milestone: 'detected' } });
    expect(await staleMarks(ids.slow!)).toBe(1);
    expect(await detect()).toEqual([1, 2]);
    expect(await repos.insights.refresh(db)).toBe(1);
    expect(await staleMarks(ids.slow!)).toBe(0);
    expect(await detect()).toEqual([1, 2]);
  });

  it('keeps a change that lands while figures are being stored, so it is derived again', async () => {
    const db = m.database.db;
    await repos.insights.refresh(db);
    const other = new pg.Client({ connectionString: m.testDatabase.url });
    await other.connect();
    try {
      // A resolution moved an hour later, written in a transaction still open while the refresh runs.
      await other.query('begin');
      await other.query(`insert into timeline_events (incident_id, kind, actor_id, occurred_at, data)
        values ($1, 'resolved', 'U_IC', $2, '{"from": "monitoring", "summary": "again", "rootCauseConfirmed": true, "v": 1}')`, [ids.quick, at('2026-03-02T01:00:00Z', 150).toJSDate()]);
      await db.execute(sql`insert into incident_figures_stale (incident_id) values (${ids.quick!})`);
      expect(await repos.insights.refresh(db)).toBe(1);
      await other.query('commit');
    } finally {
      await other.end();
    }
    expect(await staleMarks(ids.quick!)).toBe(1);
    const resolve = async () => (await readReport(MARCH)).current.severities.sev2.phases.resolve.valuesMinutes;
    expect(await resolve()).toEqual([90, 150]);
    await repos.insights.refresh(db);
    expect(await resolve()).toEqual([90, 150]);
  });

  it('names repeats by an alert group two incidents of one scenario share, read in one grouped query', async () => {
    const db = m.database.db;
    for (const [id, fingerprint] of [[ids.quick!, 'a1'], [ids.slow!, 'a2'], [ids.slow!, 'a3']] as const) {
      await db.execute(sql`insert into alerts (source, source_name, group_key, fingerprint, status, title, labels, starts_at, incident_id, received_at)
        values ('alertmanager', 'am', 'checkout-5xx', ${fingerprint}, 'firing', 'Checkout 5xx', '{"v": 1, "labels": {}}', now(), ${id}, now())`);
    }
    const report = await insights.report(MARCH);
    const byAlert = report.repeats.find((r) => r.reasons.some((reason) => 'alertGroup' in reason));
    expect(byAlert).toEqual({ incidents: [incidentRef(ids.quick!), incidentRef(ids.slow!)].sort(), reasons: expect.arrayContaining([{ scenario: 'other', alertGroup: 'alertmanager/checkout-5xx' }]) });
    expect((await insights.incidents(MARCH)).find((i) => i.id === ids.slow)?.alertGroups).toEqual(['alertmanager/checkout-5xx']);
  });

  it('marks an incident stale when a column its figures come from changes, not when its title does', async () => {
    const db = m.database.db;
    await repos.insights.refresh(db);
    await db.execute(sql`update incidents set title = 'Search outage in Seoul' where id = ${ids.night!}`);
    expect(await staleMarks(ids.night!)).toBe(0);
    expect((await insights.incidents(MARCH)).find((i) => i.id === ids.night)?.title).toBe('Search outage in Seoul');
    await db.execute(sql`update incidents set started_at = started_at - interval '30 minutes' where id = ${ids.night!}`);
    expect(await staleMarks(ids.night!)).toBe(1);
    expect((await readReport(MARCH)).current.severities.sev1.phases.resolve.valuesMinutes).toEqual([270]);
  });

  it('drops an incident\'s figures when it is reopened; while another replica refreshes, a report derives them itself', async () => {
    const db = m.database.db;
    await repos.insights.refresh(db);
    await db.execute(sql`update incidents set status = 'investigating', resolved_at = null where id = ${ids.private!}`);
    const other = new pg.Client({ connectionString: m.testDatabase.url });
    await other.connect();
    try {
      await other.query('begin');
      await other.query(`select pg_advisory_xact_lock(hashtextextended('incident_figures', 0))`);
      expect(await repos.insights.refresh(db)).toBe(0);
      expect(await staleMarks(ids.private!)).toBe(1);
      expect((await readReport(MARCH)).current.severities.sev3.resolved).toBe(1);
      await other.query('commit');
    } finally {
      await other.end();
    }
    expect(await repos.insights.refresh(db)).toBe(1);
    expect(await count(`incident_figures where incident_id = ${ids.private}`)).toBe(0);
    expect((await readReport(MARCH)).current.severities.sev3.resolved).toBe(1);
  });
});
