/**
 * Alerts in through the hooks, as a monitoring system sends them: declared, attached, posted with
 * a Declare button, recorded once, and every bad request answered with a reason.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTION_ID } from '../../src/slack/ids.js';
import { startTestApp, START, type TestApp } from '../helpers/app.js';
import { ALICE, BOB, channelId, declareValues, openedView, textOf } from '../helpers/flows.js';

const TOKEN = 'hooks-secret';
let t: TestApp | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

function post(path: string, body: unknown, token: string | null = TOKEN, headers: Record<string, string> = {}) {
  return fetch(`${t!.app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const webhook = (over: Record<string, unknown> = {}) => ({
  title: 'Checkout error rate above 5%',
  severity: 'critical',
  source: 'grafana',
  dedupe_key: 'checkout-5xx',
  started_at: '2026-11-25T02:50:00Z',
  details_url: 'https://grafana.example.com/d/checkout',
  ...over,
});

const timelineKinds = async (incidentId: number) =>
  (await t!.app.repos.timeline.listForIncident(t!.app.database.db, incidentId)).map((e) => e.kind);

describe('the alert hooks refuse what they cannot take, saying why', () => {
  it('answers 503 while HOOKS_TOKEN is unset', async () => {
    t = await startTestApp();
    const res = await post('/hooks/incident', webhook());
    expect(res.status).toBe(503);
    expect(((await res.json()) as { message: string }).message).toContain('HOOKS_TOKEN');
  });

  it('401 for a wrong or missing token, 405 for GET, 413 past the body limit, 400 for bad JSON or shape; nothing is declared', async () => {
    t = await startTestApp({ env: { HOOKS_TOKEN: TOKEN, BODY_LIMIT_BYTES: '2048' } });
    expect((await post('/hooks/alertmanager', {}, 'wrong')).status).toBe(401);
    expect((await post('/hooks/incident', webhook(), null)).status).toBe(401);
    expect((await fetch(`${t.app.url}/hooks/incident`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(405);
    expect((await post('/hooks/incident', webhook({ title: 'x'.repeat(100), labels: { blob: 'y'.repeat(4000) } }))).status).toBe(413);

    const badJson = await post('/hooks/incident', '{"title": ');
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as { error: string }).error).toBe('invalid_json');

    const noKey = await post('/hooks/incident', webhook({ dedupe_key: undefined }));
    expect(noKey.status).toBe(400);
    expect(((await noKey.json()) as { message: string }).message).toContain('dedupe_key');

    const oldFormat = await post('/hooks/alertmanager', { version: '3', groupKey: 'g', status: 'firing', alerts: [] });
    expect(oldFormat.status).toBe(400);
    expect(((await oldFormat.json()) as { message: string }).message).toContain('version');

    expect(await t.app.incidents.listOpenFor(ALICE)).toEqual([]);
  });
});

describe('alerts from the generic webhook', () => {
  it('a critical alert declares a SEV-1 detected at its start; a repeat adds nothing; its resolution lands on the timeline with a Resolve button', async () => {
    t = await startTestApp({ env: { HOOKS_TOKEN: TOKEN } });
    const first = await post('/hooks/incident', webhook());
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ outcome: 'declared', incident: 'INC-1' });
    await t.deliver();

    const incident = (await t.app.incidents.find(1))!;
    expect(incident.severity).toBe('sev1');
    expect(incident.detectedAt.toISO()).toBe('2026-11-25T02:50:00.000Z');
    expect(incident.declaredAt.toISO()).toBe(new Date(START).toISOString());
    const announcement = textOf(t.ws.messages('incidents')[0]!);
    expect(announcement).toContain('Checkout error rate above 5%');

    // The sender retries or repeats: nothing new.
    expect(await (await post('/hooks/incident', webhook())).json()).toEqual({ outcome: 'duplicate' });
    expect(await timelineKinds(1)).toEqual(['alert_fired', 'declared', 'channel_created']);

    t.clock.advance({ minutes: 20 });
    expect(await (await post('/hooks/incident', webhook({ status: 'resolved' }))).json()).toEqual({ outcome: 'attached', incident: 'INC-1' });
    await t.deliver();
    const events = await t.app.repos.timeline.listForIncident(t.app.database.db, 1);
    const resolved = events.find((e) => e.kind === 'alert_resolved')!;
    expect(resolved.actorId).toBeNull();
    expect(resolved.data).toMatchObject({ source: 'grafana', title: 'Checkout error rate above 5%' });

    const channel = t.ws.channel('inc-1-checkout-error-rate-above-5')!.name;
    const suggestion = t.ws.messages(channel).find((m) => textOf(m).includes('alert resolved'))!;
    expect(textOf(suggestion)).toContain('Resolve incident');
    await t.ws.clickAction({ userId: BOB, channelId: channelId(t.ws, channel), messageTs: suggestion.ts, actionId: ACTION_ID.openResolve });
    await openedView(t.ws, BOB, 'incident_resolve');
  });

  it('an info alert is posted to #incidents; its Declare button declares with the alert as detection, and its group follows the incident', async () => {
    t = await startTestApp({ env: { HOOKS_TOKEN: TOKEN } });
    const res = await post('/hooks/incident', webhook({ severity: 'info', title: 'Disk 80% on db-2', dedupe_key: 'disk-db-2' }));
    expect(await res.json()).toMatchObject({ outcome: 'posted' });
    await t.deliver();
    const posted = t.ws.messages('incidents').find((m) => textOf(m).includes('Disk 80% on db-2'))!;
    expect(textOf(posted)).toContain('Declare incident');
    expect(await t.app.incidents.listOpenFor(ALICE)).toEqual([]);

    t.clock.advance({ minutes: 5 });
    await t.ws.clickAction({ userId: ALICE, channelId: channelId(t.ws, 'incidents'), messageTs: posted.ts, actionId: ACTION_ID.declareFromAlert });
    const form = await openedView(t.ws, ALICE, 'incident_declare');
    await t.ws.submitView({ userId: ALICE, viewId: form.id, values: declareValues({ title: 'Disk 80% on db-2', severity: 'sev3', scenario: 'database', impact: 'none yet', commander: ALICE }) });
    await t.deliver();
    const incident = (await t.app.incidents.find(1))!;
    expect(incident.detectedAt.toISO()).toBe('2026-11-25T02:50:00.000Z');
    expect(await timelineKinds(1)).toContain('alert_fired');

    // A second click finds it taken; the alert's resolution reaches the incident.
    await t.ws.clickAction({ userId: BOB, channelId: channelId(t.ws, 'incidents'), messageTs: posted.ts, actionId: ACTION_ID.declareFromAlert });
    await expect.poll(() => t!.ws.ephemerals(BOB).map((e) => e.text).join('\n')).toContain('INC-1 already tracks this alert');
    expect(await (await post('/hooks/incident', webhook({ severity: 'info', dedupe_key: 'disk-db-2', status: 'resolved' }))).json())
      .toEqual({ outcome: 'attached', incident: 'INC-1' });
  });

  it('takes alerts while Slack is down: the answer says declared, and the announcement and posts arrive once Slack is back', async () => {
    t = await startTestApp({ env: { HOOKS_TOKEN: TOKEN } });
    for (const method of ['conversations.create', 'chat.postMessage']) t.ws.faults.set(method, { rate: 1, kinds: ['500'] });
    expect(await (await post('/hooks/incident', webhook())).json()).toEqual({ outcome: 'declared', incident: 'INC-1' });
    expect(await (await post('/hooks/incident', webhook({ severity: 'info', dedupe_key: 'disk', title: 'Disk 80%' }))).json()).toMatchObject({ outcome: 'posted' });
    await t.deliver();
    expect(t.ws.messages('incidents')).toHaveLength(0);

    t.ws.faults.clear();
    for (let i = 0; i < 12 && t.ws.messages('incidents').length < 2; i++) {
      t.clock.advance({ minutes: 5 });
      await t.deliver();
    }
    const posted = t.ws.messages('incidents').map((m) => textOf(m));
    expect(posted.filter((m) => m.includes('Checkout error rate above 5%'))).toHaveLength(1);
    expect(posted.filter((m) => m.includes('Disk 80%'))).toHaveLength(1);
  });

  it('a rules file decides: a matching rule declares with its severity and commander, others are posted', async () => {
    const rules = join(tmpdir(), `alert-rules-${process.pid}-${Date.now()}.yaml`);
    writeFileSync(rules, [
      'commander: U_CAROL',
      'rules:',
      '  - match: { team: payments }',
      '    match_re: { severity: "critical|major" }',
      '    severity: sev2',
      '    scenario: overload',
      '    commander: U_BOB',
      'otherwise: post',
    ].join('\n'));
    t = await startTestApp({ env: { HOOKS_TOKEN: TOKEN, ALERT_RULES: rules } });
    expect(await (await post('/hooks/incident', webhook({ labels: { team: 'payments' } }))).json()).toEqual({ outcome: 'declared', incident: 'INC-1' });
    const incident = (await t.app.incidents.find(1))!;
    expect([incident.severity, incident.scenario, incident.commanderId]).toEqual(['sev2', 'overload', BOB]);
    expect(await (await post('/hooks/incident', webhook({ dedupe_key: 'other', labels: { team: 'search' } }))).json()).toMatchObject({ outcome: 'posted' });
  });
});
