import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, command, visibleText } from '../helpers/flows.js';
import { seedIncident } from '../helpers/insights-seed.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(); // the clock reads 2026-11-25T03:00Z
  const { db } = t.app.database;
  await seedIncident(db, t.app.repos, { severity: 'sev1', start: '2026-11-20T10:00:00Z', detect: 5, firstAction: 7, monitoring: 30, resolve: [65] });
  await seedIncident(db, t.app.repos, { severity: 'sev1', start: '2026-11-21T10:00:00Z', detect: 15, firstAction: 16, monitoring: 40, resolve: [125] });
  await seedIncident(db, t.app.repos, { severity: 'sev1', start: '2026-10-20T10:00:00Z', resolve: [300] });
});
afterAll(async () => t?.stop());

describe('/incident insights', () => {
  it('shows the caller each phase per severity with its strip, the period before in brackets', async () => {
    const text = await command(t.ws, ALICE, 'general', 'insights');
    expect(t.ws.messages('general')).toEqual([]);
    expect(text).toContain('Insights, the last 28 days');
    expect(text).toContain('SEV-1* · 2 resolved (1) · 0 open · 0 drills');
    expect(text).toContain(`\`detect      ${stripOf([5, 15])}\` n 2 · median 10m (was 0m) · p90 14m`);
    expect(text).toContain(`\`resolve     ${stripOf([65, 125])}\` n 2 · median 1h 35m (was 5h) · p90 1h 59m`);
    expect(stripOf([65, 125])).toBe('·········••·····');
    expect(text).toContain(`\`mitigate    ${stripOf([30, 40])}\` n 2 · median 35m · p90 39m`);
    expect(text).toContain('SEV-2* · 0 resolved (0) · 0 open · 0 drills\nNo incident resolved.');
    expect(text).toContain('Follow-ups:* 0 done on time, 0 late, 0 overdue, 0 open.');
  });

  it('narrows to a period and a severity, and tells what to type otherwise', async () => {
    const text = await command(t.ws, ALICE, 'general', 'insights sev1 7d');
    expect(text).toContain('Insights, the last 7 days');
    expect(text).toContain('SEV-1* · 2 resolved (0)');
    expect(text).not.toContain('SEV-2');
    expect(await command(t.ws, ALICE, 'general', 'insights 3w')).toContain('Type `/incident insights [7d|28d|90d] [sev1|sev2|sev3]`');
  });

  it('puts the last 28 days on App Home in a few lines', async () => {
    await t.ws.openAppHome(ALICE);
    await expect.poll(async () => {
      await t.deliver();
      const home = t.ws.homeView(ALICE);
      return home ? visibleText({ text: '', blocks: home.blocks }) : '';
    }).toContain('SEV-1* 2 resolved, 0 open · time to resolve median 1h 35m, p90 1h 59m');
  });
});

/** The strip as the reply draws it: a log scale from a minute to a day in 16 cells. */
function stripOf(values: number[]): string {
  const cells = new Array<number>(16).fill(0);
  for (const v of values) cells[Math.min(15, Math.floor((Math.log(v) / Math.log(1440)) * 16))]! += 1;
  return cells.map((n) => (n === 0 ? '·' : n === 1 ? '•' : '●')).join('');
}
