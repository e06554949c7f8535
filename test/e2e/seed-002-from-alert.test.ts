/**
 * Seed 002 (the order-service database outage) replayed from its alert: Alertmanager's 14:23 KST
 * alert declares the incident, the on-call engineer's first action at 14:25 acknowledges it, the
 * resolve at 15:47 closes it. The draft says 2 minutes to acknowledge and 84 to resolve.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SteppedClock } from '../../src/clock.js';
import { strings } from '../../src/domain/postmortem/i18n.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { BOB, command, openedView, resolveValues } from '../helpers/flows.js';

const TOKEN = 'hooks-secret';
let t: TestApp | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

const alertmanagerNotification = (status: 'firing' | 'resolved') => ({
  version: '4',
  groupKey: '{}:{alertname="OrderDbPoolExhausted"}',
  status,
  receiver: 'incident-bot',
  groupLabels: { alertname: 'OrderDbPoolExhausted' },
  commonLabels: { alertname: 'OrderDbPoolExhausted', severity: 'critical' },
  commonAnnotations: { summary: 'order-service database connection pool exhaustion' },
  externalURL: 'http://alertmanager:9093',
  truncatedAlerts: 0,
  alerts: [{
    status,
    labels: { alertname: 'OrderDbPoolExhausted', severity: 'critical', service: 'order-service' },
    annotations: { summary: 'order-service database connection pool exhaustion' },
    startsAt: '2024-11-15T05:23:00Z',
    endsAt: status === 'resolved' ? '2024-11-15T06:45:00Z' : '0001-01-01T00:00:00Z',
    generatorURL: 'http://prometheus:9090/graph',
    fingerprint: '5f1c0ab2d3e4',
  }],
});

describe('seed 002 replayed from its alert', () => {
  it('measures 2 minutes to acknowledge from the alert and 84 minutes to resolve', async () => {
    t = await startTestApp({ env: { HOOKS_TOKEN: TOKEN, EXPORT_TIME_ZONE: 'Asia/Seoul' }, clock: new SteppedClock('2024-11-15T05:23:20Z') });
    const hook = (body: unknown) => fetch(`${t!.app.url}/hooks/alertmanager`, {
      method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    expect(await (await hook(alertmanagerNotification('firing'))).json()).toEqual({ outcome: 'declared', incident: 'INC-1' });
    await t.deliver();
    const channel = t.ws.channels().find((c) => c.name.startsWith('inc-1-'))!.name;

    t.clock.advance({ minutes: 1, seconds: 40 }); // 14:25 KST
    await command(t.ws, BOB, channel, 'note On-call engineer acknowledged alert, began investigation');
    t.clock.advance({ minutes: 5 }); // 14:30
    await command(t.ws, BOB, channel, 'note Identified: PostgreSQL primary node CPU at 100%, replication lag >60s');
    t.clock.advance({ minutes: 75 }); // 15:45
    expect(await (await hook(alertmanagerNotification('resolved'))).json()).toEqual({ outcome: 'attached', incident: 'INC-1' });
    t.clock.advance({ minutes: 2 }); // 15:47
    await command(t.ws, BOB, channel, 'resolve');
    const form = await openedView(t.ws, BOB, 'incident_resolve');
    await t.ws.submitView({ userId: BOB, viewId: form.id, values: resolveValues({ summary: 'All metrics nominal', rootCause: 'Long-running analytical query from batch job' }) });

    for (const locale of ['en', 'ko'] as const) {
      const draft = (await t.app.postmortems.draft(1, { locale }))!;
      const s = strings(locale);
      expect(draft.markdown).toContain(`| ${s.metrics.timeToAcknowledge} | ${s.minutes(2)} |`);
      expect(draft.markdown).toContain(`| ${s.metrics.timeToResolve} | ${s.minutes(84)} |`);
      expect(draft.markdown).toContain(s.events.alert_fired('order-service database connection pool exhaustion', 'Alertmanager'));
      expect(draft.markdown).toContain('14:23');
    }
  });
});
