/**
 * "Interactive update reminders in #incidents": by default a reminder is a reply under the
 * incident's announcement, broadcast to #incidents, with its buttons; answering edits every copy.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ACTION_ID } from '../../src/slack/ids.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, command, declare, openedView, textOf, updateValues, visibleText } from '../helpers/flows.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

const isReminder = (text: string) => text.includes('status update #');

async function dueReminder(env: Record<string, string> = {}) {
  t = await startTestApp({ env });
  await declare(t.ws, ALICE, 'sev1 Checkout failing', { title: 'Checkout failing', severity: 'sev1' });
  await t.deliver();
  t.clock.advance({ minutes: 15 });
  expect(await t.app.reminders.tick()).toBe(1);
  await t.deliver();
  return t;
}

/**
 * Declares a SEV-1 whose first reminder falls due while Slack meets every post with `fault`
 * (`timeout`: applied, never answered). Answers the app and the announcement in #incidents.
 */
async function reminderWhilePostsFail(fault: '500' | 'timeout', options: Parameters<typeof startTestApp>[0] = {}, earlierReplies = 0) {
  t = await startTestApp(options);
  await declare(t.ws, ALICE, 'sev1 Checkout failing', { title: 'Checkout failing', severity: 'sev1' });
  await t.deliver();
  const announcement = t.ws.messages('incidents')[0]!;
  const incidents = t.ws.channel('incidents')!.id;
  for (let i = 1; i <= earlierReplies; i++) {
    await t.ws.postAsUser({ userId: ALICE, channelId: incidents, threadTs: announcement.ts, text: `watching ${i}` });
  }
  t.ws.faults.set('chat.postMessage', { rate: 1, kinds: [fault] });
  t.clock.advance({ minutes: 15 });
  expect(await t.app.reminders.tick()).toBe(1);
  await t.deliver();
  return { app: t, announcement };
}

/** Delivers over two and a half minutes, past the failed posts' backoff. */
async function deliverPastBackoff(app: TestApp) {
  for (let round = 0; round < 5; round++) {
    app.clock.advance({ seconds: 30 });
    await app.deliver();
  }
}

/** The commander posts the update the reminder asks for, through the modal. */
async function postUpdate(app: TestApp) {
  await command(app.ws, ALICE, 'inc-1-checkout-failing', 'update');
  const form = await openedView(app.ws, ALICE, 'incident_update');
  await app.ws.submitView({ userId: ALICE, viewId: form.id, values: updateValues('sev1', 'identified', 'failover done') });
}

describe('reminders in #incidents', () => {
  it('by default: a broadcast reply under the announcement, naming the commander, with its buttons', async () => {
    const t = await dueReminder();
    const announcement = t.ws.messages('incidents')[0]!;
    const reminder = t.ws.replies('incidents', announcement.ts).find((m) => isReminder(textOf(m)))!;
    expect(reminder).toBeDefined();
    const text = textOf(reminder);
    expect(text).toContain('<@U_ALICE>');
    expect(text).toContain('Post update');
    expect(text).toContain('Snooze');
    // Broadcast: the people watching #incidents see it in the channel itself.
    expect(t.ws.messages('incidents').some((m) => m.ts === reminder.ts)).toBe(true);
    expect(t.ws.messages('inc-1-checkout-failing').some((m) => isReminder(textOf(m)))).toBe(false);

    // Answered from its own button in #incidents: the copy says who answered.
    const ack = await t.ws.clickAction({ userId: ALICE, channelId: t.ws.channel('incidents')!.id, messageTs: reminder.ts, actionId: ACTION_ID.reminderPostUpdate });
    expect(ack.status).toBe(200);
    const form = await openedView(t.ws, ALICE, 'incident_update');
    await t.ws.submitView({ userId: ALICE, viewId: form.id, values: updateValues('sev1', 'identified', 'failover done') });
    await t.deliver();
    const edited = t.ws.replies('incidents', announcement.ts).find((m) => m.ts === reminder.ts)!;
    expect(textOf(edited)).toContain('answered');
  });

  it('REMINDERS_IN=both posts a copy in each place and edits both when answered', async () => {
    const t = await dueReminder({ REMINDERS_IN: 'both' });
    const announcement = t.ws.messages('incidents')[0]!;
    const inThread = t.ws.replies('incidents', announcement.ts).filter((m) => isReminder(textOf(m)));
    const inChannel = t.ws.messages('inc-1-checkout-failing').filter((m) => isReminder(textOf(m)));
    expect([inThread.length, inChannel.length]).toEqual([1, 1]);
    await postUpdate(t);
    await t.deliver();
    const copies = [
      t.ws.replies('incidents', announcement.ts).find((m) => m.ts === inThread[0]!.ts)!,
      t.ws.messages('inc-1-checkout-failing').find((m) => m.ts === inChannel[0]!.ts)!,
    ];
    expect(copies.map((m) => textOf(m).includes('answered'))).toEqual([true, true]);
  });

  it('after Slack was down across the reminder and the escalation: the escalation once, never the stale reminder', async () => {
    const { app: t, announcement } = await reminderWhilePostsFail('500');
    t.clock.advance({ minutes: 7.5 }); // and the escalation, still down
    expect(await t.app.reminders.tick()).toBe(1);
    await t.deliver();
    expect(t.ws.replies('incidents', announcement.ts).filter((m) => isReminder(textOf(m)))).toHaveLength(0);

    t.ws.faults.clear();
    await deliverPastBackoff(t);
    const shown = t.ws.replies('incidents', announcement.ts).filter((m) => isReminder(textOf(m)));
    expect(shown).toHaveLength(1);
    expect(textOf(shown[0]!)).toContain('is still missing');
    expect(textOf(shown[0]!)).toContain('<!here>');
    expect(t.ws.messages('incidents').filter((m) => isReminder(textOf(m)))).toHaveLength(1); // the broadcast copy, once
    const attempts = t.ws.callLog().filter((c) => c.method === 'chat.postMessage' && JSON.stringify(c.params).includes('status update #'));
    expect(attempts.filter((c) => c.fault === undefined)).toHaveLength(1); // nothing posted twice

    // The timeline says the first reminder never reached anyone.
    await command(t.ws, ALICE, 'inc-1-checkout-failing', 'timeline');
    const timeline = visibleText(t.ws.ephemerals(ALICE).at(-1)!);
    expect(timeline).toContain('Update reminder withdrawn before it reached Slack');
    expect(timeline.match(/Update reminder withdrawn/g)).toHaveLength(1);

    // Answering closes the escalation; there is no stale reminder left to close.
    await postUpdate(t);
    await t.deliver();
    const after = t.ws.replies('incidents', announcement.ts).filter((m) => isReminder(textOf(m)) || textOf(m).includes('answered'));
    expect(after.map((m) => m.ts)).toEqual([shown[0]!.ts]);
    expect(textOf(after[0]!)).toContain('answered');
  });

  it('an update posted while the reminder waits for Slack withdraws it: the commander is never asked for what they just did', async () => {
    const { app: t, announcement } = await reminderWhilePostsFail('500');

    await postUpdate(t);
    t.ws.faults.clear();
    await deliverPastBackoff(t);
    expect(t.ws.messages('inc-1-checkout-failing').some((m) => textOf(m).includes('failover done'))).toBe(true);
    const all = [...t.ws.messages('incidents'), ...t.ws.replies('incidents', announcement.ts)];
    expect(all.filter((m) => isReminder(textOf(m)) || textOf(m).includes('reminder answered'))).toHaveLength(0);
    expect(t.ws.callLog().filter((c) => c.method === 'chat.postMessage' && c.fault === undefined && JSON.stringify(c.params).includes('status update #'))).toHaveLength(0);
    // Tried once, it might have been in Slack: it was looked for before being withdrawn.
    expect(t.ws.callLog().some((c) => c.method === 'conversations.replies')).toBe(true);
    await command(t.ws, ALICE, 'inc-1-checkout-failing', 'timeline');
    expect(visibleText(t.ws.ephemerals(ALICE).at(-1)!)).toContain('Update reminder withdrawn before it reached Slack');
  });

  it('a reminder whose answer was lost, replaced by an update: found in Slack, kept once and closed as answered', async () => {
    const { app: t, announcement } = await reminderWhilePostsFail('timeout', { workspace: { timeoutMs: 200 }, deliveryTimeoutMs: 1000 }); // Slack posts it and drops the connection unanswered
    t.ws.faults.clear();
    expect(t.ws.replies('incidents', announcement.ts).filter((m) => isReminder(textOf(m)))).toHaveLength(1);

    await postUpdate(t);
    await deliverPastBackoff(t);
    const reminders = t.ws.replies('incidents', announcement.ts).filter((m) => isReminder(textOf(m)) || textOf(m).includes('answered'));
    expect(reminders).toHaveLength(1); // not posted again, and not left asking
    expect(textOf(reminders[0]!)).toContain('answered');
    await command(t.ws, ALICE, 'inc-1-checkout-failing', 'timeline');
    expect(visibleText(t.ws.ephemerals(ALICE).at(-1)!)).not.toContain('withdrawn');
  });

  it('under a thread of 250 replies: the lost-answer reminder is found past the first page, kept once and closed as answered', async () => {
    const { app: t, announcement } = await reminderWhilePostsFail('timeout', { workspace: { timeoutMs: 200 }, deliveryTimeoutMs: 1000 }, 250);
    t.ws.faults.clear();
    const reminder = t.ws.replies('incidents', announcement.ts).filter((m) => isReminder(textOf(m)));
    expect(reminder).toHaveLength(1);

    await postUpdate(t);
    await deliverPastBackoff(t);
    const replies = t.ws.replies('incidents', announcement.ts);
    expect(replies.findIndex((m) => m.ts === reminder[0]!.ts)).toBe(250); // the 251st reply
    const reminders = replies.filter((m) => isReminder(textOf(m)) || textOf(m).includes('answered'));
    expect(reminders).toHaveLength(1);
    expect(textOf(reminders[0]!)).toContain('answered');
    const lookups = t.ws.callLog().filter((c) => c.method === 'conversations.replies');
    expect(lookups.some((c) => typeof c.params['cursor'] === 'string' && c.params['cursor'] !== '')).toBe(true);
    await command(t.ws, ALICE, 'inc-1-checkout-failing', 'timeline');
    expect(visibleText(t.ws.ephemerals(ALICE).at(-1)!)).not.toContain('withdrawn');
  });

  it('under a thread of 250 replies: a reminder that never reached Slack is looked for through every page, then withdrawn', async () => {
    const { app: t, announcement } = await reminderWhilePostsFail('500', {}, 250);
    await postUpdate(t);
    t.ws.faults.clear();
    await deliverPastBackoff(t);
    const replies = t.ws.replies('incidents', announcement.ts);
    expect(replies.filter((m) => isReminder(textOf(m)))).toHaveLength(0);
    const lookups = t.ws.callLog().filter((c) => c.method === 'conversations.replies' && c.fault === undefined);
    expect(lookups.length).toBeGreaterThanOrEqual(2); // 251 messages do not fit one page of 200
    await command(t.ws, ALICE, 'inc-1-checkout-failing', 'timeline');
    expect(visibleText(t.ws.ephemerals(ALICE).at(-1)!)).toContain('Update reminder withdrawn before it reached Slack');
  });
});
