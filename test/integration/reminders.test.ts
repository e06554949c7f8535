import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MessageSnapshot } from 'local-slack-workspace';
import { ACTION_ID } from '../../src/slack/ids.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, BOB, CAROL, channelId, declare, lastEphemeral, openedView, textOf, updateValues } from '../helpers/flows.js';

let t: TestApp;
beforeAll(async () => {
  // These tests read each stage where REMINDERS_IN=incident puts it: the incident channel, then #incidents.
  t = await startTestApp({ env: { REMINDERS_IN: 'incident' } });
});
afterAll(async () => t?.stop());

const reminders = (channel: string, incident: number): MessageSnapshot[] =>
  t.ws.messages(channel).filter((m) => m.text.startsWith(`INC-${incident}: status update #`) || m.text.includes(`INC-${incident} · `) && m.text.endsWith('reminder answered'));

/** Declares an incident at the current clock time; returns its number and channel name. */
async function declareIncident(severity: 'sev1' | 'sev2' | 'sev3', title: string): Promise<{ id: number; channel: string }> {
  await declare(t.ws, ALICE, `${severity} ${title}`, { title, severity, commander: ALICE });
  await t.deliver();
  const open = await t.app.incidents.listOpen();
  const incident = open[open.length - 1]!;
  return { id: incident.id, channel: incident.channelName! };
}

async function tickAt(minutesFromNow: number): Promise<number> {
  t.clock.advance({ minutes: minutesFromNow });
  const sent = await t.app.reminders.tick();
  await t.deliver();
  return sent;
}

async function click(channel: string, message: MessageSnapshot, actionId: string, userId = BOB) {
  const ack = await t.ws.clickAction({ userId, channelId: channelId(t.ws, channel), messageTs: message.ts, actionId });
  expect(ack.status).toBe(200);
}

describe('status-update reminders', () => {
  it('reminds the SEV-1 commander at 15 minutes, escalates at 22.5 and tells #incidents at 30', async () => {
    const { id, channel } = await declareIncident('sev1', 'Checkout down');
    expect(await tickAt(14)).toBe(0);
    expect(reminders(channel, id)).toHaveLength(0);

    expect(await tickAt(1)).toBe(1);
    const [first] = reminders(channel, id);
    expect(first).toBeDefined();
    const text = textOf(first!);
    expect(text).toContain('<@U_ALICE>');
    expect(text).toContain('1st status update');
    expect(text).toMatch(/<!date\^\d+\^/);
    expect(text).toContain('Post update');
    expect(text).toContain('Snooze 10 min (3 left)');

    // A second tick at the same moment (or another replica's) posts nothing new.
    expect(await tickAt(0)).toBe(0);
    expect(reminders(channel, id)).toHaveLength(1);

    expect(await tickAt(7)).toBe(0);
    t.clock.advance({ seconds: 30 });
    expect(await tickAt(0)).toBe(1);
    const escalation = reminders(channel, id)[1]!;
    expect(textOf(escalation)).toContain('<!here>');
    expect(textOf(escalation)).toContain('no communications lead is assigned');
    expect(textOf(escalation)).toContain('7 min late');
    expect(t.ws.messages('incidents').filter((m) => m.text.includes(`INC-${id}: status update`))).toHaveLength(0);

    expect(await tickAt(7.5)).toBe(1);
    const overdue = t.ws.messages('incidents').filter((m) => m.text.includes(`INC-${id}: status update #1 overdue`));
    expect(overdue).toHaveLength(1);
    expect(textOf(overdue[0]!)).toContain('15 min late');
    expect(textOf(overdue[0]!)).toContain(`<#${channelId(t.ws, channel)}>`);

    // Nothing more in this cycle.
    expect(await tickAt(60)).toBe(0);
  });

  it('names the communications lead in the escalation when there is one', async () => {
    const { id, channel } = await declareIncident('sev2', 'Search slow');
    await t.app.incidents.assignRole(id, ALICE, 'comms', CAROL);
    await t.deliver();
    expect(await tickAt(29)).toBe(0);
    expect(await tickAt(1)).toBe(1);
    expect(await tickAt(15)).toBe(1);
    const escalation = reminders(channel, id)[1]!;
    expect(textOf(escalation)).toContain('communications lead: <@U_CAROL>');
    await t.app.incidents.resolve(id, ALICE, resolution());
    await t.deliver();
  });

  it('posts the update from the reminder and edits every reminder to say who answered', async () => {
    const { id, channel } = await declareIncident('sev3', 'Exports delayed');
    expect(await tickAt(59)).toBe(0);
    expect(await tickAt(1)).toBe(1);
    expect(await tickAt(30)).toBe(1);
    const [first] = reminders(channel, id);
    await click(channel, first!, ACTION_ID.reminderPostUpdate);
    const view = await openedView(t.ws, BOB, 'incident_update');
    expect(JSON.stringify(view.blocks)).toContain('Permanent-fix schedule');
    t.clock.advance({ minutes: 2 });
    const ack = await t.ws.submitView({ userId: BOB, viewId: view.id, values: updateValues('sev3', 'identified') });
    expect(ack.status).toBe(200);
    await t.deliver();

    const sent = t.ws.messages(channel).filter((m) => m.text.includes('reminder answered'));
    expect(sent).toHaveLength(2);
    for (const m of sent) {
      expect(m.edited).toBe(true);
      expect(textOf(m)).toContain('Answered: <@U_BOB> posted the update');
      expect(textOf(m)).toContain('32 min late');
      expect(textOf(m)).not.toContain(ACTION_ID.reminderSnooze);
      expect(textOf(m)).not.toContain('<!here>');
    }
    // The cadence restarts from the update: the 2nd update is due 60 minutes later.
    expect(await tickAt(59)).toBe(0);
    expect(await tickAt(1)).toBe(1);
    expect(textOf(t.ws.messages(channel).at(-1)!)).toContain('2nd status update');
    await t.app.incidents.resolve(id, ALICE, resolution());
    await t.deliver();
  });

  it('snoozes put the escalation off by 10 minutes each, three times at most', async () => {
    const { id, channel } = await declareIncident('sev1', 'Payments failing');
    expect(await tickAt(15)).toBe(1);
    const reminder = () => t.ws.messages(channel).find((m) => m.text.startsWith(`INC-${id}: status update #1 is due`))!;

    await click(channel, reminder(), ACTION_ID.reminderSnooze);
    await vi.waitFor(() => expect(lastEphemeral(t.ws, BOB)).toContain('2 snoozes left'), { timeout: 3000, interval: 10 });
    await t.deliver();
    expect(textOf(reminder())).toContain('Snoozed by <@U_BOB>');
    expect(textOf(reminder())).toContain('Snoozes left this cycle: 2 of 3');
    const timeline = await t.app.repos.timeline.listForIncident(t.app.database.db, id);
    expect(timeline.filter((e) => e.kind === 'snoozed')).toHaveLength(1);

    expect(await tickAt(17)).toBe(0); // 32 min: the escalation was due at 22.5, now 32.5
    t.clock.advance({ seconds: 30 });
    expect(await tickAt(0)).toBe(1);
    const escalation = t.ws.messages(channel).find((m) => m.text.includes(`INC-${id}: status update #1 is overdue`))!;
    expect(textOf(escalation)).toContain('Snooze 10 min (2 left)');

    await click(channel, escalation, ACTION_ID.reminderSnooze);
    await vi.waitFor(() => expect(lastEphemeral(t.ws, BOB)).toContain('1 snooze left'), { timeout: 3000, interval: 10 });
    await click(channel, escalation, ACTION_ID.reminderSnooze, CAROL);
    await vi.waitFor(() => expect(lastEphemeral(t.ws, CAROL)).toContain('0 snoozes left'), { timeout: 3000, interval: 10 });
    await click(channel, escalation, ACTION_ID.reminderSnooze, CAROL);
    await vi.waitFor(() => expect(lastEphemeral(t.ws, CAROL)).toContain('already snoozed 3 times'), { timeout: 3000, interval: 10 });
    await t.deliver();
    expect(textOf(t.ws.messages(channel).find((m) => m.ts === escalation.ts)!)).toContain('0 of 3');
    // #incidents hears at 30 + 3 × 10 = 60 minutes.
    expect(await tickAt(27)).toBe(0);
    expect(await tickAt(0.5)).toBe(1);
    expect(t.ws.messages('incidents').filter((m) => m.text.includes(`INC-${id}: status update #1 overdue`))).toHaveLength(1);
    await t.app.incidents.resolve(id, ALICE, resolution());
    await t.deliver();
  });

  it('a severity change mid-cadence moves the reminder at once', async () => {
    const { id, channel } = await declareIncident('sev3', 'Reports slow');
    expect(await tickAt(10)).toBe(0);
    await t.app.incidents.changeSeverity(id, ALICE, 'sev1'); // due 15 min after the declaration
    expect(await tickAt(4)).toBe(0);
    expect(await tickAt(1)).toBe(1);
    expect(textOf(reminders(channel, id)[0]!)).toContain('SEV-1: every 15 min');
    await t.app.incidents.changeSeverity(id, ALICE, 'sev2'); // now due at 30
    await t.deliver();
    const closed = t.ws.messages(channel).find((m) => m.text.endsWith('reminder answered'))!;
    expect(textOf(closed)).toContain('changed the severity to SEV-2');
    expect(await tickAt(14)).toBe(0);
    expect(await tickAt(1)).toBe(1);
    await t.app.incidents.resolve(id, ALICE, resolution());
    await t.deliver();
  });

  it('resolving stops the reminders and reopening restarts the cadence', async () => {
    const { id, channel } = await declareIncident('sev1', 'Login errors');
    expect(await tickAt(15)).toBe(1);
    await t.app.incidents.resolve(id, ALICE, resolution());
    await t.deliver();
    expect(textOf(t.ws.messages(channel).find((m) => m.text.endsWith('reminder answered'))!)).toContain('resolved the incident');
    expect(await tickAt(120)).toBe(0);

    await t.app.incidents.reopen(id, ALICE);
    await t.deliver();
    const before = reminders(channel, id).length;
    expect(await tickAt(14)).toBe(0);
    expect(await tickAt(1)).toBe(1);
    expect(reminders(channel, id)).toHaveLength(before + 1);
  });
});

function resolution() {
  return {
    summary: 'Fixed', rootCause: 'A bug', rootCauseConfirmed: true, contributingFactors: [],
    recoverySignal: null, recoveredAt: null, customerImpact: null, businessImpact: null,
  };
}
