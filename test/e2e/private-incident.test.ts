/**
 * A private incident: its channel is private, #incidents hears only that one was declared and
 * who commands it, and lists and exports show it only to its people.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DECLARE_INPUT } from '../../src/slack/ids.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, channelId, command, declareValues, openedView, textOf, updateValues } from '../helpers/flows.js';

const DAVE = 'U_DAVE';
const TITLE = 'Customer data exposed via export bug';
const IMPACT = 'Exports of tenant 4411 included rows of tenant 4412';
let t: TestApp;
let channel: string;
beforeAll(async () => {
  t = await startTestApp({ env: { API_TOKEN: 'export-token', RESPONDERS: '' } });
  await command(t.ws, ALICE, 'general', 'declare sev1');
  const form = await openedView(t.ws, ALICE, 'incident_declare');
  const values = declareValues({ title: TITLE, severity: 'sev1', impact: IMPACT });
  values[DECLARE_INPUT.drill.block] = { [DECLARE_INPUT.drill.action]: ['private'] };
  const ack = await t.ws.submitView({ userId: ALICE, viewId: form.id, values });
  expect(ack.status).toBe(200);
  await t.deliver();
  channel = t.ws.channels().find((c) => c.name.startsWith('inc-1-'))!.name;
});
afterAll(async () => t?.stop());

describe('a private incident', () => {
  it('gets a private channel', async () => {
    expect(t.ws.channel(channel)!.isPrivate).toBe(true);
    expect((await t.app.incidents.find(1))!.isPrivate).toBe(true);
  });

  it('shows #incidents only that a private incident was declared, and its commander', () => {
    const [announcement] = t.ws.messages('incidents');
    const text = textOf(announcement!);
    expect(text).toContain('A private *SEV-1* incident was declared');
    expect(text).toContain('<@U_ALICE>');
    for (const secret of [TITLE, IMPACT, 'tenant', channelId(t.ws, channel), 'INC-1']) expect(text).not.toContain(secret);
  });

  it('keeps its status updates in its own channel, out of the #incidents thread', async () => {
    await command(t.ws, ALICE, channel, 'update');
    const form = await openedView(t.ws, ALICE, 'incident_update');
    await t.ws.submitView({ userId: ALICE, viewId: form.id, values: updateValues('sev1', 'identified', 'export job disabled') });
    await t.deliver();
    const announcement = t.ws.messages('incidents')[0]!;
    expect(t.ws.replies('incidents', announcement.ts)).toHaveLength(0);
    expect(t.ws.messages(channel).map(textOf).join('\n')).toContain('export job disabled');
  });

  it('is listed to its people only', async () => {
    expect(await command(t.ws, ALICE, 'general', 'list')).toContain('INC-1');
    expect(await command(t.ws, DAVE, 'general', 'list')).not.toContain('INC-1');
  });

  it('is not exported through the HTTP API', async () => {
    const res = await fetch(`${t.app.url}/api/incidents/INC-1/postmortem.md`, { headers: { authorization: 'Bearer export-token' } });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'private_incident' });
  });
});
