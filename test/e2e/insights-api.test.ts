import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { seedIncident } from '../helpers/insights-seed.js';

let t: TestApp;
const auth = { authorization: 'Bearer insights-token' };
const PERIOD = 'from=2026-11-01T00:00:00Z&to=2026-11-08T00:00:00Z';
const empty = { n: 0, median_minutes: null, p90_minutes: null, values_minutes: [] };
const noIncidents = { resolved: 0, open: 0, drills: 0, phases: { detect: empty, acknowledge: empty, mitigate: empty, resolve: empty } };

beforeAll(async () => {
  t = await startTestApp({ env: { API_TOKEN: 'insights-token' } });
  const { db } = t.app.database;
  await seedIncident(db, t.app.repos, { title: 'Checkout down, "EU"', severity: 'sev1', start: '2026-11-02T10:00:00Z', detect: 4, firstAction: 6, monitoring: 30, resolve: [50] });
  await seedIncident(db, t.app.repos, { title: 'Secret tenant leak', severity: 'sev1', start: '2026-11-03T10:00:00Z', detect: 10, firstAction: 11, resolve: [70], private: true });
  await seedIncident(db, t.app.repos, { severity: 'sev2', start: '2026-11-04T00:00:00Z', firstAction: 1, resolve: [15], drill: true });
});
afterAll(async () => t?.stop());

const get = (path: string, headers: Record<string, string> = auth) => fetch(`${t.app.url}${path}`, { headers });

describe('GET /api/insights', () => {
  it('answers the figures per severity, the previous period beside them, people, follow-ups and repeats', async () => {
    const res = await get(`/api/insights?${PERIOD}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-08T00:00:00.000Z',
      severities: {
        sev1: {
          resolved: 2, open: 0, drills: 0,
          phases: {
            detect: { n: 2, median_minutes: 7, p90_minutes: 9.4, values_minutes: [4, 10] },
            acknowledge: { n: 2, median_minutes: 1.5, p90_minutes: 1.9, values_minutes: [1, 2] },
            mitigate: { n: 1, median_minutes: 30, p90_minutes: 30, values_minutes: [30] },
            resolve: { n: 2, median_minutes: 60, p90_minutes: 68, values_minutes: [50, 70] },
          },
        },
        sev2: { ...noIncidents, drills: 1 },
        sev3: noIncidents,
      },
      previous: { from: '2026-10-25T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z', severities: { sev1: noIncidents, sev2: noIncidents, sev3: noIncidents } },
      responders: [{ user: 'U_IC', hours: 1.77, working_hours: 1.77, evening_hours: 0, sleep_hours: 0 }],
      followups: { done_on_time: 0, done_late: 0, overdue: 0, open: 0, by_owner: [] },
      repeats: [],
    });
  });

  it('refuses a bad period with the reason, and a request without the token', async () => {
    const bad = await get('/api/insights?from=yesterday');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'bad_period', message: 'from must be an ISO 8601 time such as 2026-03-01T00:00:00Z, not "yesterday".' });
    const backwards = await get('/api/insights.csv?from=2026-11-08T00:00:00Z&to=2026-11-01T00:00:00Z');
    expect(backwards.status).toBe(400);
    expect(await backwards.json()).toMatchObject({ error: 'bad_period', message: 'to must be later than from.' });
    expect((await get(`/api/insights?${PERIOD}`, {})).status).toBe(401);
  });
});

describe('GET /api/insights.csv', () => {
  it('lists every incident of the period with its milestones and phases, a private one without its title', async () => {
    const res = await get(`/api/insights.csv?${PERIOD}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect((await res.text()).split('\r\n')).toEqual([
      'incident,severity,peak_severity,scenario,private,drill,started_at,detected_at,acknowledged_at,mitigated_at,resolved_at,detect_minutes,acknowledge_minutes,mitigate_minutes,resolve_minutes,title',
      'INC-1,sev1,sev1,other,false,false,2026-11-02T10:00:00.000Z,2026-11-02T10:04:00.000Z,2026-11-02T10:06:00.000Z,2026-11-02T10:30:00.000Z,2026-11-02T10:50:00.000Z,4,2,30,50,"Checkout down, ""EU"""',
      'INC-2,sev1,sev1,other,true,false,2026-11-03T10:00:00.000Z,2026-11-03T10:10:00.000Z,2026-11-03T10:11:00.000Z,,2026-11-03T11:10:00.000Z,10,1,,70,',
      'INC-3,sev2,sev2,other,false,true,2026-11-04T00:00:00.000Z,2026-11-04T00:00:00.000Z,2026-11-04T00:01:00.000Z,,2026-11-04T00:15:00.000Z,0,1,,15,Checkout errors',
      '',
    ]);
  });
});
