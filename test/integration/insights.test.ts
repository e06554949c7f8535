import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SteppedClock } from '../../src/clock.js';
import { createRepositories } from '../../src/db/repositories/index.js';
import { distributionOf } from '../../src/domain/insights/distribution.js';
import { repeatBecause } from '../../src/domain/insights/repeats.js';
import { en } from '../../src/domain/texts/index.js';
import { incidentRef } from '../../src/domain/incident.js';
import { computeMetrics } from '../../src/domain/postmortem/index.js';
import { DEFAULT_CADENCE } from '../../src/domain/severity.js';
import { InsightsService } from '../../src/services/insights-service.js';
import { PostmortemService } from '../../src/services/postmortem-service.js';
import { migratedDatabase, type MigratedDatabase } from '../helpers/db.js';
import { at, seedIncident } from '../helpers/insights-seed.js';

let m: MigratedDatabase;
const repos = createRepositories();
const clock = new SteppedClock('2026-03-10T12:00:00Z');
let insights: InsightsService;
const ids: Record<string, number> = {};
const period = (from: string, to: string) => ({ from: DateTime.fromISO(from, { zone: 'utc' }), to: DateTime.fromISO(to, { zone: 'utc' }) });
const MARCH = period('2026-03-01T00:00:00Z', '2026-03-08T00:00:00Z');

beforeAll(async () => {
  m = await migratedDatabase();
  const db = m.database.db;
  insights = new InsightsService({ db, repos, clock, timeZone: 'UTC' });
  const seed = async (name: string, s: Parameters<typeof seedIncident>[2]) => { ids[name] = await seedIncident(db, repos, s); };
  // Five SEV-2s: detect 0/2/5/10/20, acknowledge 3/1/7/2/5, mitigate 20/40/60/80/—, resolve 30/60/90/120/600.
  await seed('e1', { title: 'Checkout errors in EU', start: '2026-03-02T01:00:00Z', detect: 0, firstAction: 3, monitoring: 20, resolve: [30] });
  await seed('e2', { title: 'Checkout latency', start: '2026-03-02T03:00:00Z', detect: 2, firstAction: 3, monitoring: 40, resolve: [60] });
  await seed('e3', { title: 'Login page slow', start: '2026-03-02T05:00:00Z', detect: 5, firstAction: 12, monitoring: 60, resolve: [90] });
  await seed('e4', { title: 'Search outage', start: '2026-03-02T08:00:00Z', detect: 10, firstAction: 12, monitoring: 80, resolve: [120] });
  await seed('e5', { title: 'Billing export stuck', start: '2026-03-03T00:00:00Z', detect: 20, firstAction: 25, resolve: [600] });
  await seed('drill', { severity: 'sev2', start: '2026-03-04T00:00:00Z', firstAction: 1, resolve: [15], drill: true });
  await seed('reopened', { title: 'Queue backlog', severity: 'sev3', start: '2026-03-04T02:00:00Z', firstAction: 1, resolve: [30, 100], reopen: [50] });
  await seed('peak', { title: 'Database failover', severity: 'sev3', start: '2026-03-05T00:00:00Z', firstAction: 1, resolve: [45], raise: [{ at: 5, from: 'sev3', to: 'sev1' }, { at: 20, from: 'sev1', to: 'sev3' }] });
  await seed('private1', { title: 'Payment gateway timeouts', severity: 'sev3', start: '2026-03-05T04:00:00Z', firstAction: 1, resolve: [10], private: true });
  await seed('private2', { title: 'Payment gateway down', severity: 'sev3', start: '2026-03-06T04:00:00Z', firstAction: 1, resolve: [20], private: true });
  await seed('open', { severity: 'sev1', start: '2026-03-05T10:00:00Z', firstAction: 1 });
  await seed('later', { severity: 'sev1', start: '2026-03-09T10:00:00Z', firstAction: 1 });
  await seed('previous', { start: '2026-02-25T00:00:00Z', firstAction: 4, resolve: [45] });
});
afterAll(async () => m?.close());

describe('insights across incidents, aggregated in Postgres', () => {
  it('gives each peak severity its counts, medians and 90th percentiles, drills, open and reopened apart', async () => {
    const report = await insights.report(MARCH);
    const sev2 = report.current.severities.sev2;
    expect([sev2.resolved, sev2.open, sev2.drills]).toEqual([5, 0, 1]);
    expect(sev2.phases.detect).toEqual({ n: 5, medianMinutes: 5, p90Minutes: 16, valuesMinutes: [0, 2, 5, 10, 20] });
    expect(sev2.phases.acknowledge).toEqual({ n: 5, medianMinutes: 3, p90Minutes: 6.2, valuesMinutes: [1, 2, 3, 5, 7] });
    // The fifth never entered monitoring: out of mitigate's n, in every other phase.
    expect(sev2.phases.mitigate).toEqual({ n: 4, medianMinutes: 50, p90Minutes: 74, valuesMinutes: [20, 40, 60, 80] });
    expect(sev2.phases.resolve).toEqual({ n: 5, medianMinutes: 90, p90Minutes: 408, valuesMinutes: [30, 60, 90, 120, 600] });
    // Declared SEV-3, raised to SEV-1, lowered again: counted at its peak.
    const sev1 = report.current.severities.sev1;
    expect([sev1.resolved, sev1.open, sev1.drills]).toEqual([1, 1, 0]);
    expect(sev1.phases.resolve.valuesMinutes).toEqual([45]);
    // Reopened and resolved again: once, with its last resolution.
    const sev3 = report.current.severities.sev3;
    expect(sev3.resolved).toBe(3);
    expect(sev3.phases.resolve).toEqual({ n: 3, medianMinutes: 20, p90Minutes: 84, valuesMinutes: [10, 20, 100] });
    expect(report.previous.severities.sev2.phases.resolve).toEqual({ n: 1, medianMinutes: 45, p90Minutes: 45, valuesMinutes: [45] });
    expect(report.previous.from.toISO()).toBe('2026-02-22T00:00:00.000Z');
    expect(report.current.severities.sev3.phases.mitigate).toEqual({ n: 0, medianMinutes: null, p90Minutes: null, valuesMinutes: [] });
    // Postgres's percentile_cont and the domain's linear interpolation agree.
    for (const figures of Object.values(report.current.severities)) {
      for (const phase of Object.values(figures.phases)) expect(distributionOf(phase.valuesMinutes)).toEqual(phase);
    }
  });

  it('derives each incident\'s phases exactly as its postmortem does', async () => {
    const postmortems = new PostmortemService({ db: m.database.db, repos, clock, cadence: DEFAULT_CADENCE, timeZone: 'UTC', defaultLocale: 'en' });
    const rows = await insights.incidents(MARCH);
    expect(rows.map((r) => r.id).sort()).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'drill', 'reopened', 'peak', 'private1', 'private2'].map((k) => ids[k]).sort());
    for (const row of rows) {
      const metrics = computeMetrics((await postmortems.load(row.id))!);
      expect(row.minutes, incidentRef(row.id)).toEqual({
        detect: metrics.timeToDetectMinutes, acknowledge: metrics.timeToAcknowledgeMinutes,
        mitigate: metrics.timeToMitigateMinutes, resolve: metrics.timeToResolveMinutes,
      });
    }
  });

  it('names repeats by a shared title word, without naming a private incident\'s words', async () => {
    const report = await insights.report(MARCH);
    expect(report.repeats).toEqual([
      { incidents: [incidentRef(ids.e1!), incidentRef(ids.e2!)], reasons: [{ scenario: 'other', word: 'checkout' }] },
      { incidents: [incidentRef(ids.private1!), incidentRef(ids.private2!)], reasons: [{ scenario: 'other', word: null }] },
    ]);
    expect(report.repeats.map((r) => repeatBecause(r.reasons, en))).toEqual([
      'same scenario (other) and the word "checkout" in their titles',
      'same scenario (other) and a word in their titles',
    ]);
  });

  it('moves a figure when a milestone is edited, and leaves the incident out when it is removed', async () => {
    const db = m.database.db;
    const id = await seedIncident(db, repos, { start: '2026-04-02T00:00:00Z', firstAction: 1, notes: [{ at: 30, milestone: 'mitigated' }], resolve: [60] });
    const april = period('2026-04-01T00:00:00Z', '2026-04-08T00:00:00Z');
    const mitigate = async () => (await insights.report(april)).current.severities.sev2.phases.mitigate;
    expect(await mitigate()).toMatchObject({ n: 1, medianMinutes: 30 });
    const note = (await repos.timeline.listForIncident(db, id)).find((e) => e.kind === 'note_added' && e.data.milestone === 'mitigated')!;
    const backdated = at('2026-04-02T00:00:00Z', 12).toISO()!;
    await repos.timeline.append(db, { incidentId: id, kind: 'entry_edited', actorId: 'U_IC', occurredAt: at('2026-04-02T00:00:00Z', 70), data: { entryId: note.id, text: 'rolled back', at: backdated, milestone: 'mitigated' } });
    expect(await mitigate()).toMatchObject({ n: 1, medianMinutes: 12, valuesMinutes: [12] });
    await repos.timeline.append(db, { incidentId: id, kind: 'entry_removed', actorId: 'U_IC', occurredAt: at('2026-04-02T00:00:00Z', 80), data: { entryId: note.id } });
    expect(await mitigate()).toEqual({ n: 0, medianMinutes: null, p90Minutes: null, valuesMinutes: [] });
  });

  it('takes the first responder action from the timeline as it reads now, and counts pins and separate incidents as people\'s time', async () => {
    const db = m.database.db;
    const june = period('2026-06-01T00:00:00Z', '2026-06-08T00:00:00Z');
    const start = '2026-06-02T00:00:00Z';
    const id = await seedIncident(db, repos, { start, firstAction: 3, notes: [{ at: 8, milestone: null, by: 'U_PIN' }], resolve: [60] });
    await repos.timeline.append(db, { incidentId: id, kind: 'message_pinned', actorId: 'U_PIN', occurredAt: at(start, 38), data: { channelId: 'C1', messageTs: '1.1', via: 'reaction', authorId: 'U_PIN', content: null } });
    await seedIncident(db, repos, { start: '2026-06-04T00:00:00Z', resolve: [30] });
    const acknowledge = async () => (await insights.report(june)).current.severities.sev2.phases.acknowledge.valuesMinutes;
    // The other incident's first action is its resolution.
    expect(await acknowledge()).toEqual([3, 30]);
    const notes = (await repos.timeline.listForIncident(db, id)).filter((e) => e.kind === 'note_added');
    await repos.timeline.append(db, { incidentId: id, kind: 'entry_removed', actorId: 'U_IC', occurredAt: at(start, 61), data: { entryId: notes[0]!.id } });
    expect(await acknowledge()).toEqual([8, 30]);
    await repos.timeline.append(db, { incidentId: id, kind: 'entry_edited', actorId: 'U_IC', occurredAt: at(start, 62), data: { entryId: notes[1]!.id, text: 'earlier', at: at(start, 5).toISO()!, milestone: null } });
    expect(await acknowledge()).toEqual([5, 30]);
    // The commander of both, an hour and half an hour apart; the pin and the note half an hour apart.
    const responders = (await insights.report(june)).responders.map((r) => [r.userId, r.hours]);
    expect(responders).toEqual([['U_IC', 1.5], ['U_PIN', 0.5]]);
  });

  it('counts follow-ups done on time, late, overdue and open, per owner', async () => {
    const db = m.database.db;
    const item = async (dueDate: string | null, ownerId: string, doneAt?: string) => {
      const added = await repos.actionItems.insert(db, ids.e1!, { title: 'fix', ownerId, horizon: 'short_term', dueDate, done: doneAt !== undefined }, at('2026-03-02T02:00:00Z', 0));
      if (doneAt) await repos.timeline.append(db, { incidentId: ids.e1!, kind: 'action_item_done', actorId: ownerId, occurredAt: DateTime.fromISO(doneAt, { zone: 'utc' }), data: { actionItemId: added.id, title: 'fix' } });
    };
    await item('2026-03-05', 'U_X', '2026-03-04T10:00:00Z');
    await item('2026-03-05', 'U_X', '2026-03-06T10:00:00Z');
    await item('2026-03-09', 'U_X');
    await item('2026-03-20', 'U_X');
    await item(null, 'U_Y');
    const report = await insights.report(MARCH);
    expect(report.followups).toEqual({
      doneOnTime: 1, doneLate: 1, overdue: 1, open: 2,
      byOwner: [{ userId: 'U_X', overdue: 1, open: 1 }, { userId: 'U_Y', overdue: 0, open: 1 }],
    });
  });

  it('splits responders\' hours across a night in Seoul, and counts who was woken', async () => {
    const db = m.database.db;
    for (const id of ['U_KIM', 'U_LEE']) await repos.slackUsers.upsert(db, { id, displayName: id, realName: null, tz: 'Asia/Seoul' }, clock.now());
    // Monday 22:00 KST to Tuesday 08:30 KST; the comms lead paged at 03:00 KST.
    const start = '2026-05-04T13:00:00Z';
    const id = await seedIncident(db, repos, { start, commander: 'U_KIM', resolve: [630] });
    await repos.timeline.append(db, { incidentId: id, kind: 'role_assigned', actorId: 'U_KIM', occurredAt: at(start, 300), data: { role: 'comms', userId: 'U_LEE', previous: null } });
    const report = await insights.report(period('2026-05-01T00:00:00Z', '2026-05-08T00:00:00Z'));
    expect(report.responders).toEqual([
      { userId: 'U_KIM', hours: 10.5, workingHours: 0, eveningHours: 2.5, sleepHours: 8, woken: false },
      { userId: 'U_LEE', hours: 5.5, workingHours: 0, eveningHours: 1.5, sleepHours: 4, woken: true },
    ]);
  });
});
