import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, BOB, channelId, command, declare, openedView, resolveValues } from '../helpers/flows.js';

const TOKEN = 'test-api-token-1234';
const CHANNEL = 'inc-1-checkout-failing';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { API_TOKEN: TOKEN, EXPORT_TIME_ZONE: 'Asia/Seoul', POSTMORTEM_LOCALE: 'en' } });
});
afterAll(async () => t?.stop());

const channelFiles = () => t.ws.files().filter((f) => f.channels.includes(channelId(t.ws, CHANNEL)));
const latestDoc = () => channelFiles().at(-1)?.content?.toString('utf8') ?? '';
const lookups = () => t.ws.callLog().filter((c) => c.method === 'users.info');

async function exported(): Promise<string> {
  const res = await fetch(`${t.app.url}/api/incidents/INC-1/postmortem.md`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  return res.text();
}

describe('names in the postmortem draft', () => {
  it('still uploads the draft, with user ids, when Slack does not answer users.info', async () => {
    // Slack fails users.info from the start, so no name is learnt with a language or a zone either.
    t.ws.faults.set('users.info', { rate: 1, kinds: ['500'] });
    await declare(t.ws, ALICE, 'sev2 Checkout failing');
    await t.deliver();
    await command(t.ws, ALICE, CHANNEL, 'resolve');
    const view = await openedView(t.ws, ALICE, 'incident_resolve');
    const ack = await t.ws.submitView({ userId: ALICE, viewId: view.id, values: resolveValues() });
    expect(ack.body).toBeFalsy();
    const askedForZone = lookups().length; // the submitter's zone, for the form's due dates
    await t.deliver();

    expect(channelFiles()).toHaveLength(1);
    expect(latestDoc()).toContain('| Commander | U\\_ALICE |');
    expect(latestDoc()).not.toContain('Alice Kim');
    // One failed lookup is enough: the rest wait for the next draft instead of delaying this one.
    expect(lookups()).toHaveLength(askedForZone + 1);
    expect(await exported()).toBe(latestDoc());
  });

  it('names people once Slack answers, in the upload and the export alike', async () => {
    t.ws.faults.clear('users.info');
    await command(t.ws, BOB, CHANNEL, 'postmortem');
    await t.deliver();

    expect(channelFiles()).toHaveLength(2);
    expect(latestDoc()).toContain('| Commander | Alice Kim |');
    expect(latestDoc()).toContain('Bob Smith');
    expect(await exported()).toBe(latestDoc());
  });

  it('asks Slack again only for names cached more than a day ago', async () => {
    const before = lookups().length;
    t.clock.advance({ hours: 2 });
    await command(t.ws, ALICE, CHANNEL, 'postmortem');
    await t.deliver();
    expect(channelFiles()).toHaveLength(3);
    expect(lookups()).toHaveLength(before);

    t.clock.advance({ hours: 23 });
    await command(t.ws, ALICE, CHANNEL, 'postmortem');
    await t.deliver();
    expect(channelFiles()).toHaveLength(4);
    expect(lookups().slice(before).map((c) => c.params['user'])).toEqual(expect.arrayContaining([ALICE, BOB]));
    expect(latestDoc()).toContain('| Commander | Alice Kim |');
  });
});
