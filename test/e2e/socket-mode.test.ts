/**
 * The core lifecycle the same over HTTP and over Socket Mode (SLACK_MODE), and what only Socket
 * Mode has: envelopes re-delivered when their ack is lost, and Slack refreshing the connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmittedValues } from 'local-slack-workspace';
import { ACTION_ID, actionItemInput } from '../../src/slack/ids.js';
import { startTestApp, type SlackMode, type TestApp } from '../helpers/app.js';
import { captureLogs, type LogCapture } from '../helpers/log-capture.js';
import { ALICE, channelId, command, declare, openedView, resolveValues, textOf, updateValues } from '../helpers/flows.js';

const CHANNEL = 'inc-1-checkout-failing';
const isReminder = (text: string) => text.includes('status update #');

function actionItem(i: number, title: string, due: string): SubmittedValues {
  const put = (field: 'title' | 'due', value: string) => ({ [actionItemInput(i, field).block]: { [actionItemInput(i, field).action]: value } });
  return { ...put('title', title), ...put('due', due) };
}

describe.each<SlackMode>(['http', 'socket'])('the core lifecycle over %s', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ slackMode: mode });
  });
  afterAll(async () => t?.stop());

  it('declares from /incident and its modal', async () => {
    const ack = await declare(t.ws, ALICE, 'sev1 Checkout failing', { title: 'Checkout failing', severity: 'sev1' });
    expect(ack.status).toBe(200);
    expect(ack.body ?? '').toBeFalsy();
    await t.deliver();
    expect(t.ws.pins(CHANNEL)).toHaveLength(1);
    expect(textOf(t.ws.messages('incidents')[0]!)).toContain('Checkout failing');
    // the command's reply is the acknowledgement's own payload
    expect(await command(t.ws, ALICE, CHANNEL, 'note Failover started')).toBe('Noted in the timeline.');
  });

  it('answers a due reminder from its button', async () => {
    t.clock.advance({ minutes: 15 });
    expect(await t.app.reminders.tick()).toBe(1);
    await t.deliver();
    const announcement = t.ws.messages('incidents')[0]!;
    const reminder = t.ws.replies('incidents', announcement.ts).find((m) => isReminder(textOf(m)))!;
    const click = await t.ws.clickAction({ userId: ALICE, channelId: channelId(t.ws, 'incidents'), messageTs: reminder.ts, actionId: ACTION_ID.reminderPostUpdate });
    expect(click.status).toBe(200);
    const form = await openedView(t.ws, ALICE, 'incident_update');
    await t.ws.submitView({ userId: ALICE, viewId: form.id, values: updateValues('sev1', 'identified', 'failover done') });
    await t.deliver();
    expect(textOf(t.ws.replies('incidents', announcement.ts).find((m) => m.ts === reminder.ts)!)).toContain('answered');
    expect(t.ws.messages(CHANNEL).filter((m) => textOf(m).includes('failover done'))).toHaveLength(1);
  });

  it('resolves from the modal, whose field errors show in it, and uploads the postmortem draft', async () => {
    await command(t.ws, ALICE, CHANNEL, 'resolve');
    const view = await openedView(t.ws, ALICE, 'incident_resolve');
    const refused = await t.ws.submitView({ userId: ALICE, viewId: view.id, values: { ...resolveValues(), ...actionItem(0, 'Add alert', '2020-01-01') } });
    expect(refused.body).toMatchObject({ response_action: 'errors' });
    expect(t.ws.openViews(ALICE)[0]!.errors).toEqual({ [actionItemInput(0, 'due').block]: expect.stringContaining('passed') });

    const ack = await t.ws.submitView({ userId: ALICE, viewId: view.id, values: { ...resolveValues(), ...actionItem(0, 'Add alert', '2027-01-15') } });
    expect(ack.body ?? '').toBeFalsy();
    expect(t.ws.openViews(ALICE)).toEqual([]);
    await t.deliver();
    expect(textOf(t.ws.pins(CHANNEL)[0]!)).toContain('Resolved');
    const files = t.ws.files().filter((f) => f.channels.includes(channelId(t.ws, CHANNEL)));
    expect(files.map((f) => f.name)).toEqual(['INC-1-postmortem-en-internal-v1.md']);
    expect(files[0]!.content?.toString('utf8')).toContain('# INC-1: Checkout failing');
    expect(textOf(t.ws.messages('incidents')[0]!)).toContain(files[0]!.id);
  });

  it(mode === 'socket' ? 'reached the app only by envelopes, each acknowledged' : 'reached the app only by HTTP', () => {
    const deliveries = t.ws.socketMode.deliveries();
    if (mode === 'http') return expect(deliveries).toEqual([]);
    expect(new Set(deliveries.map((d) => d.type))).toEqual(new Set(['slash_commands', 'interactive']));
    expect(deliveries.every((d) => d.acknowledged && d.retryAttempt === 0)).toBe(true);
  });
});

describe('Socket Mode only', () => {
  let t: TestApp;
  let logs: LogCapture;
  beforeAll(async () => {
    logs = captureLogs();
    t = await startTestApp({ slackMode: 'socket', logger: logs.logger });
  });
  afterAll(async () => t?.stop());

  it('reconnects cleanly when Slack asks for a refresh, and carries on', async () => {
    const before = t.ws.socketMode.deliveries().length;
    t.ws.socketMode.disconnect('refresh_requested');
    expect(t.ws.socketMode.connectionCount()).toBe(0);
    await t.ws.socketMode.connected();
    expect(t.ws.socketMode.connectionCount()).toBe(1);

    await declare(t.ws, ALICE, 'sev2 Search slow', { title: 'Search slow', severity: 'sev2' });
    await t.deliver();
    expect(t.ws.channel('inc-1-search-slow')).toBeDefined();
    expect(await command(t.ws, ALICE, 'inc-1-search-slow', 'note Reindexing')).toBe('Noted in the timeline.');
    const after = t.ws.socketMode.deliveries().slice(before);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((d) => d.acknowledged)).toBe(true);
    expect(new Set(after.map((d) => d.connection)).size).toBe(1);
  });

  it('then handles an event whose ack was lost once, though Slack sends it again', async () => {
    const seen = t.ws.ephemerals(ALICE).length;
    t.ws.socketMode.loseAcks(1);
    const channel = channelId(t.ws, 'inc-1-search-slow');
    await t.ws.sendEvent({ type: 'app_mention', user: ALICE, text: '<@U_BOT> what can you do?', channel, ts: '1.000100' });
    const sent = t.ws.socketMode.deliveries().filter((d) => d.type === 'events_api');
    expect(sent.map((d) => [d.retryAttempt, d.acknowledged])).toEqual([[0, false], [1, true]]);
    // the app ran the first delivery; the second found its event id already handled
    await t.app.slack.settled();
    const answers = t.ws.ephemerals(ALICE).slice(seen);
    expect(answers).toHaveLength(1);
    expect(answers[0]!.text).toContain('/incident commands');
    expect(logs.atLeast()).toEqual([]);
  });
});
