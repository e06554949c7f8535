/**
 * Golden replay of seed 002 (the 2024-11-15 order-service database outage): every step goes
 * through the services on a stepped clock set to the seed's KST times, then the draft is checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SteppedClock } from '../../src/clock.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { createRepositories } from '../../src/db/repositories/index.js';
import { strings } from '../../src/domain/postmortem/index.js';
import { DEFAULT_CADENCE } from '../../src/domain/severity.js';
import { createLogger } from '../../src/logger.js';
import { IncidentService } from '../../src/services/incident-service.js';
import { PostmortemService } from '../../src/services/postmortem-service.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { COMMS, DBA, kst, ONCALL, seed002, SEED_002_ACTIONS, SEED_002_FACTORS, SEED_002_TIMELINE, USER_NAMES } from '../unit/postmortem/fixtures.js';

const seed = seed002();
const note = (i: number) => SEED_002_TIMELINE[i]![1];
/** How the Markdown renderer escapes the seed's texts. */
const md = (text: string) => text.replace(/[_>]/g, '\\$&');
const TIMELINE_TEXTS = SEED_002_TIMELINE.map(([, text]) => md(text));

let testDb: TestDatabase;
let database: Database;
let postmortems: PostmortemService;
let incidentId: number;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const logger = createLogger('silent');
  database = await openDatabase({ url: testDb.url, pgliteDir: 'memory://', poolSize: 4, statementTimeoutMs: 5000 }, logger);
  await migrate(database.db);
  const repos = createRepositories();
  const clock = new SteppedClock(kst('14:23'));
  const deps = { db: database.db, repos, clock, cadence: DEFAULT_CADENCE, logger };
  const incidents = new IncidentService(deps);
  postmortems = new PostmortemService({ ...deps, timeZone: 'Asia/Seoul', defaultLocale: 'en' });
  const at = (hhmm: string) => clock.set(kst(hhmm));
  // What delivery caches from users.info when it publishes the draft.
  for (const [id, realName] of Object.entries(USER_NAMES)) {
    await repos.slackUsers.upsert(database.db, { id, realName, displayName: null, tz: 'Asia/Seoul' }, clock.now());
  }
  const update = (status: 'investigating' | 'identified' | 'monitoring', i: number) =>
    incidents.postUpdate({ incidentId, authorId: COMMS, status, fields: seed.updates[i]!.fields });

  at('14:23');
  const incident = await incidents.declare({
    title: seed.incident.title, severity: 'sev1', scenario: 'database', impact: seed.incident.impact,
    commanderId: ONCALL, declaredBy: ONCALL, startedAt: kst('14:23'), detectedAt: kst('14:23'),
  });
  incidentId = incident.id;
  // What the dispatcher records when it creates the channel.
  await repos.incidents.update(database.db, incidentId, { channelId: 'C07INCIDNT', channelName: 'inc-1-order-db-outage' });
  await incidents.addNote(incidentId, ONCALL, note(0));
  await incidents.assignRole(incidentId, ONCALL, 'comms', COMMS);
  at('14:25'); await incidents.addNote(incidentId, ONCALL, note(1));
  at('14:30'); await incidents.addNote(incidentId, DBA, note(2)); await update('investigating', 0);
  at('14:35'); await incidents.addNote(incidentId, DBA, note(3)); await incidents.changeStatus(incidentId, ONCALL, 'identified');
  at('14:38'); await incidents.addNote(incidentId, DBA, note(4));
  at('14:42'); await incidents.addNote(incidentId, DBA, note(5));
  at('14:45'); await incidents.addNote(incidentId, DBA, note(6)); await update('identified', 1);
  at('14:50'); await incidents.addNote(incidentId, DBA, note(7)); await incidents.changeStatus(incidentId, ONCALL, 'monitoring');
  at('15:00'); await update('monitoring', 2);
  at('15:10'); await incidents.addNote(incidentId, DBA, note(8));
  at('15:15'); await update('monitoring', 3);
  at('15:30'); await incidents.addNote(incidentId, DBA, note(9));
  at('15:40'); await update('monitoring', 4);
  at('15:47'); await incidents.addNote(incidentId, ONCALL, note(10));
  const items = SEED_002_ACTIONS.map(([horizon, title], i) => ({
    title, horizon, ownerId: i % 2 === 0 ? DBA : ONCALL, done: horizon === 'immediate',
    dueDate: horizon === 'immediate' ? '2024-11-15' : horizon === 'short_term' ? '2024-11-22' : '2024-12-15',
  }));
  // The resolve modal's three rows, then the rest through /incident followup afterwards.
  await incidents.resolve(incidentId, ONCALL, seed.resolution!, items.slice(0, 3));
  at('15:55'); await postmortems.addActionItems(incidentId, ONCALL, items.slice(3));
}, 60_000);

afterAll(async () => {
  await database?.close();
  await testDb?.drop();
});

async function render(locale: 'en' | 'ko', variant: 'internal' | 'external'): Promise<string> {
  const draft = await postmortems.draft(incidentId, { locale, variant });
  return draft!.markdown;
}

function section(doc: string, heading: string): string {
  const start = doc.indexOf(`\n## ${heading}\n`);
  expect(start, `section ${heading}`).toBeGreaterThanOrEqual(0);
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}

function expectInOrderOnce(doc: string, texts: string[]): void {
  let last = -1;
  for (const text of texts) {
    const first = doc.indexOf(text);
    expect(first, `"${text}" appears`).toBeGreaterThan(last);
    expect(doc.indexOf(text, first + 1), `"${text}" appears once`).toBe(-1);
    last = first;
  }
}

describe('postmortem draft of the seed 002 replay', () => {
  it('is deterministic', async () => {
    expect(await render('en', 'internal')).toBe(await render('en', 'internal'));
  });

  it('states SEV-1, the KST times and 84 minutes, with every timeline entry once and in order', async () => {
    const doc = await render('en', 'internal');
    const en = strings('en');
    expect(doc).toContain(`# INC-${incidentId}: ${seed.incident.title}`);
    expect(doc).toContain('SEV-1');
    expect(doc).toContain(`| ${en.facts.started} | 2024-11-15 14:23 KST |`);
    expect(doc).toContain(`| ${en.facts.mitigated} | 2024-11-15 14:50 KST |`);
    expect(doc).toContain(`| ${en.facts.resolved} | 2024-11-15 15:47 KST |`);
    expect(doc).toContain(`| ${en.facts.duration} | ${en.duration(84)} |`);
    expect(doc).toContain(`| ${en.facts.roles.commander} | ${USER_NAMES[ONCALL]} |`);
    expect(doc).toContain(`| ${en.facts.roles.comms} | ${USER_NAMES[COMMS]} |`);
    for (const id of [ONCALL, DBA, COMMS]) expect(doc).not.toContain(id);
    const timeline = section(doc, en.headings.timeline);
    expectInOrderOnce(timeline, TIMELINE_TEXTS);
    for (const [hhmm, text] of SEED_002_TIMELINE) expect(timeline).toContain(`- ${hhmm} · ${hhmm === '15:30' ? '**Recovery** · ' : ''}Note: ${md(text)} — `);
    expect(timeline).toMatch(/- 14:35 · \*\*Identified\*\*/);
    expect(timeline).toMatch(/- 14:50 · \*\*Mitigation\*\*/);
    expect(timeline).toMatch(/- 15:30 · \*\*Recovery\*\*/);
    expect(timeline).toMatch(/- 15:47 · \*\*Resolution\*\*/);
  });

  it('has the root cause, the numbered factors and the action items in their horizons', async () => {
    const doc = await render('en', 'internal');
    const en = strings('en');
    expect(doc).toContain(`## ${en.headings.rootCause(true)}`);
    SEED_002_FACTORS.forEach((f, i) => expect(doc).toContain(`${i + 1}. ${f}`));
    const items = section(doc, en.headings.actionItems);
    const group = (h: 'immediate' | 'short_term' | 'long_term') => {
      const start = items.indexOf(`### ${en.headings.horizons[h]}\n`);
      const end = items.indexOf('\n### ', start + 1);
      return items.slice(start, end < 0 ? undefined : end);
    };
    for (const [horizon, title] of SEED_002_ACTIONS) {
      const box = horizon === 'immediate' ? '[x]' : '[ ]';
      expect(group(horizon)).toContain(`- ${box} ${md(title)}`);
    }
    expect(group('short_term')).toContain(`due: 2024-11-22`);
    expect(group('immediate')).not.toContain('PgBouncer');
  });

  it('computes the metrics from the recorded events', async () => {
    const doc = await render('en', 'internal');
    const m = strings('en').metrics;
    const metrics = section(doc, strings('en').headings.metrics);
    expect(metrics).toContain(`| ${m.timeToDetect} | 0 min |`);
    expect(metrics).toContain(`| ${m.timeToAcknowledge} | 0 min |`);
    expect(metrics).toContain(`| ${m.timeToMitigate} | 27 min |`);
    expect(metrics).toContain(`| ${m.timeToResolve} | 84 min |`);
    expect(metrics).toContain(`| ${m.updates} | 5 / 5 |`);
    expect(metrics).toContain(`| ${m.longestGap} | 25 min |`);
  });

  it('comes out in Korean with the same facts', async () => {
    const doc = await render('ko', 'internal');
    const ko = strings('ko');
    expect(doc).toContain(`## ${ko.headings.timeline}`);
    expect(doc).toContain(`| ${ko.facts.duration} | ${ko.duration(84)} |`);
    expect(doc).toContain('SEV-1');
    expectInOrderOnce(section(doc, ko.headings.timeline), TIMELINE_TEXTS);
    for (const h of ['immediate', 'short_term', 'long_term'] as const) expect(doc).toContain(`### ${ko.headings.horizons[h]}`);
    expect(section(doc, ko.headings.metrics)).toContain(`| ${ko.metrics.timeToResolve} | ${ko.minutes(84)} |`);
  });

  it('has a customer-facing variant with no channel names or user ids, in both languages', async () => {
    for (const locale of ['en', 'ko'] as const) {
      const doc = await render(locale, 'external');
      for (const secret of [ONCALL, DBA, COMMS, ...Object.values(USER_NAMES), 'C07INCIDNT', 'inc-1-order-db-outage', `INC-${incidentId}`, '#inc']) {
        expect(doc).not.toContain(secret);
      }
      expect(doc).toContain('2024-11-15 14:23 KST');
      expect(doc).toContain('2024-11-15 15:47 KST');
      expect(doc).toContain(strings(locale).duration(84));
      expect(doc).toContain('Deploy PgBouncer as connection pooler');
    }
  });
});
