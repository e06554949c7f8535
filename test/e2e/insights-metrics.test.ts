import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, command, declare, openedView, resolveValues } from '../helpers/flows.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.stop());

async function scrape(): Promise<string> {
  return (await fetch(`${t.app.url}/metrics`)).text();
}

/** The value of one series, e.g. `…_sum{phase="resolve",severity="sev2"}`; undefined when absent. */
function series(text: string, name: string, labels: Record<string, string>): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line === undefined ? undefined : Number(line.split(' ').pop());
}

describe('incident_bot_incident_phase_seconds', () => {
  it('observes each phase of an incident when it is resolved, by peak severity', async () => {
    const name = 'incident_bot_incident_phase_seconds';
    expect(series(await scrape(), `${name}_count`, { phase: 'resolve' })).toBeUndefined();
    await declare(t.ws, ALICE, 'sev2', { severity: 'sev2' });
    await t.deliver();
    const channel = t.ws.channels().find((c) => c.name.startsWith('inc-1-'))!.name;
    t.clock.advance({ minutes: 5 });
    await command(t.ws, ALICE, channel, 'status monitoring');
    t.clock.advance({ minutes: 35 });
    await command(t.ws, ALICE, channel, 'resolve');
    const view = await openedView(t.ws, ALICE, 'incident_resolve');
    await t.ws.submitView({ userId: ALICE, viewId: view.id, values: resolveValues() });
    await expect.poll(async () => series(await scrape(), `${name}_count`, { phase: 'resolve', severity: 'sev2' })).toBe(1);
    const text = await scrape();
    expect(series(text, `${name}_sum`, { phase: 'resolve', severity: 'sev2' })).toBe(2400);
    expect(series(text, `${name}_bucket`, { le: '1800', phase: 'resolve', severity: 'sev2' })).toBe(0);
    expect(series(text, `${name}_bucket`, { le: '3600', phase: 'resolve', severity: 'sev2' })).toBe(1);
    expect(series(text, `${name}_sum`, { phase: 'mitigate', severity: 'sev2' })).toBe(300);
    expect(series(text, `${name}_sum`, { phase: 'acknowledge', severity: 'sev2' })).toBe(300);
    expect(series(text, `${name}_bucket`, { le: '60', phase: 'detect', severity: 'sev2' })).toBe(1);
  });
});
