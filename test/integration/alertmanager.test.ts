/**
 * Debian's real Alertmanager, pointed at the bot: an alert posted to its API becomes a SEV-1
 * incident detected at the alert's start; re-notifications add nothing; the resolution lands on
 * the timeline.
 */
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SteppedClock } from '../../src/clock.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { startAlertmanager, type RunningAlertmanager } from '../helpers/alertmanager.js';

const TOKEN = 'am-hooks-secret';
let t: TestApp | undefined;
let am: RunningAlertmanager | undefined;
afterEach(async () => {
  await am?.stop();
  await t?.stop();
  am = undefined;
  t = undefined;
});

describe('Alertmanager → the bot', () => {
  it('declares a SEV-1 from a critical alert, ignores re-notifications, records the resolution', async () => {
    // Alertmanager keeps real time; so does the app here.
    t = await startTestApp({ env: { HOOKS_TOKEN: TOKEN }, clock: new SteppedClock(DateTime.utc().toISO()) });
    am = await startAlertmanager(`${t.app.url}/hooks/alertmanager`, TOKEN);
    const startsAt = DateTime.utc().minus({ minutes: 4 }).startOf('second');
    const alert = {
      labels: { alertname: 'OrderDbPoolExhausted', severity: 'critical', service: 'order' },
      annotations: { summary: 'order-service database connection pool exhaustion' },
      startsAt: startsAt.toISO(),
    };
    await am.postAlerts([alert]);

    const incident = await vi.waitFor(async () => {
      const found = await t!.app.incidents.find(1);
      if (!found) throw new Error('not declared yet');
      return found;
    }, { timeout: 15_000, interval: 100 });
    expect(incident.severity).toBe('sev1');
    expect(incident.title).toBe('order-service database connection pool exhaustion');
    expect(incident.detectedAt.toMillis()).toBe(startsAt.toMillis());

    // Alertmanager repeats the group every 2 s: wait for at least two more notifications.
    await vi.waitFor(async () => expect(await am!.notificationsSent()).toBeGreaterThanOrEqual(3), { timeout: 20_000, interval: 200 });
    const kinds = async () => (await t!.app.repos.timeline.listForIncident(t!.app.database.db, 1)).map((e) => e.kind);
    expect((await kinds()).filter((k) => k === 'alert_fired')).toHaveLength(1);
    expect(await t.app.incidents.listOpenFor('U_ALICE')).toHaveLength(1);

    await am.postAlerts([{ ...alert, endsAt: DateTime.utc().toISO() }]);
    await vi.waitFor(async () => expect(await kinds()).toContain('alert_resolved'), { timeout: 15_000, interval: 100 });
    expect((await kinds()).filter((k) => k === 'alert_resolved')).toHaveLength(1);
    await t.deliver();
    const channel = t.ws.channels().find((c) => c.name.startsWith('inc-1-'))!;
    expect(t.ws.messages(channel.name).some((m) => m.text.includes('alert resolved'))).toBe(true);
  }, 60_000);
});
