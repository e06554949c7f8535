/**
 * A time a person typed is read in their zone even the first time they type one (Slack is asked,
 * users.info, before the time is read), UTC only when Slack cannot say, with a button to correct
 * it; and a refused command gives back what was typed, with **Record it now** for a note refused
 * for a future time. All through signed requests against the local workspace.
 */
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SteppedClock } from '../../src/clock.js';
import { LOCAL_PEOPLE } from '../../src/local-workspace/profile.js';
import { actionItemInput } from '../../src/slack/ids.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, channelId, command, declare } from '../helpers/flows.js';

const ERIN = 'U_ERIN'; // America/Los_Angeles, never seen by the bot before her first note
const FRANK = 'U_FRANK'; // Europe/Berlin, whose users.info Slack fails
const GRACE = 'U_GRACE'; // Asia/Kolkata, whose users.info Slack never answers
const CHANNEL = 'inc-1-checkout-failing';
// 18:30 UTC is 10:30 in Los Angeles and 19:30 in Berlin.
const NOW = '2026-11-25T18:30:00Z';
const WAIT = { timeout: 10_000 };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    clock: new SteppedClock(NOW),
    env: { RESPONDERS: 'U_BOB,U_CAROL,U_ERIN,U_FRANK,U_GRACE' },
    workspace: {
      // A call Slack never answers is dropped after this long (past the 2.5 s acknowledgement deadline).
      timeoutMs: 3500,
      users: [
        ...LOCAL_PEOPLE,
        { id: ERIN, name: 'erin', realName: 'Erin Lopez', tz: 'America/Los_Angeles' },
        { id: FRANK, name: 'frank', realName: 'Frank Weber', tz: 'Europe/Berlin' },
        { id: GRACE, name: 'grace', realName: 'Grace Rao', tz: 'Asia/Kolkata' },
      ],
    },
  });
  await declare(t.ws, ALICE, 'sev1 Checkout failing');
  await t.deliver();
}, 60_000);
afterAll(async () => t?.stop());

const notes = async () => (await t.app.repos.timeline.listForIncident(t.app.database.db, 1)).filter((e) => e.kind === 'note_added');
const lastEphemeral = (user: string) => t.ws.ephemerals(user).filter((e) => !e.deleted).at(-1)!;
const infoCalls = (user: string) => t.ws.callLog().filter((c) => c.method === 'users.info' && c.params['user'] === user);
const here = () => channelId(t.ws, CHANNEL);

/**
 * Types the command and returns the answer it ends with: on a loaded machine the ack may be
 * "working on it", and the outcome then follows by response URL.
 */
async function typed(user: string, channel: string, text: string) {
  await command(t.ws, user, channel, text);
  return vi.waitFor(() => {
    const last = lastEphemeral(user);
    if (last.text.includes('Working on it')) throw new Error('no outcome yet');
    return last;
  }, WAIT);
}

/** The text a reader can copy from the reply's code block (a preformatted rich-text element). */
function codeBlockOf(message: { blocks?: unknown[] }): string | undefined {
  const block = (message.blocks ?? []).find((b): b is { elements: { type: string; elements: { text: string }[] }[] } => (b as { type?: string }).type === 'rich_text');
  const pre = block?.elements.find((e) => e.type === 'rich_text_preformatted');
  return pre?.elements.map((e) => e.text).join('');
}

function buttonOf(message: { blocks?: unknown[] }, actionId: string): { text: { text: string }; value: string } | undefined {
  for (const block of (message.blocks ?? []) as { type: string; elements?: { action_id?: string; text: { text: string }; value: string }[] }[]) {
    const found = block.type === 'actions' ? block.elements?.find((e) => e.action_id === actionId) : undefined;
    if (found) return found;
  }
  return undefined;
}

describe('a time in a note, read in the author’s zone', () => {
  it('asks Slack for the zone of someone not seen before, and records their first note at their 10:01, not 10:01 UTC', async () => {
    expect(infoCalls(ERIN)).toHaveLength(0);
    const reply = await typed(ERIN, CHANNEL, 'note 10:01 On-call engineer investigating');
    expect(reply.text).toContain('read in your time zone (America/Los_Angeles)');
    const note = (await notes()).find((e) => e.data.text === 'On-call engineer investigating')!;
    expect(note.occurredAt.toISO()).toBe('2026-11-25T18:01:00.000Z');
    expect(infoCalls(ERIN).length).toBeGreaterThanOrEqual(1);

    // Cached: the next time is read in the same zone without asking Slack again.
    const asked = infoCalls(ERIN).length;
    await typed(ERIN, CHANNEL, 'note 10:05 Rolled back the deploy');
    expect((await notes()).find((e) => e.data.text === 'Rolled back the deploy')!.occurredAt.toISO()).toBe('2026-11-25T18:05:00.000Z');
    expect(infoCalls(ERIN)).toHaveLength(asked);
  });

  it('reads the time as UTC only when Slack fails users.info, says so, and offers to correct the entry', async () => {
    t.ws.faults.set('users.info', { rate: 1, kinds: ['500'] });
    try {
      await typed(FRANK, CHANNEL, 'note 10:01 Paged the DBA');
    } finally {
      t.ws.faults.clear('users.info');
    }
    expect(infoCalls(FRANK).some((c) => c.fault === '500')).toBe(true);
    const note = (await notes()).find((e) => e.data.text === 'Paged the DBA')!;
    expect(note.occurredAt.toISO()).toBe('2026-11-25T10:01:00.000Z');
    const reply = lastEphemeral(FRANK);
    expect(reply.text).toContain('read as UTC');
    expect(reply.text).toContain('Slack could not tell me your time zone');
    const correct = buttonOf(reply, 'incident_note_correct_time');
    expect(correct?.text.text).toBe('Correct the time');

    await t.ws.clickAction({ userId: FRANK, channelId: here(), messageTs: reply.ts, actionId: 'incident_note_correct_time' });
    const form = await vi.waitFor(() => {
      const top = t.ws.openViews(FRANK).at(-1);
      if (top?.callbackId !== 'incident_timeline_entry') throw new Error('no timeline form yet');
      return top;
    }, WAIT);
    expect(JSON.parse(form.privateMetadata)).toEqual({ incidentId: 1, entryId: note.id, locale: 'en' });
    expect(JSON.stringify(form.blocks)).toContain(`"initial_date_time":${DateTime.fromISO('2026-11-25T10:01:00Z').toSeconds()}`);
    expect(JSON.stringify(form.blocks)).toContain('Paged the DBA');
  });
  it('answers "working on it" when Slack is slow to say the zone, then the outcome (UTC, with the button) by response URL', async () => {
    t.ws.faults.set('users.info', { rate: 1, kinds: ['timeout'] });
    try {
      const ack = await command(t.ws, GRACE, CHANNEL, 'note 10:02 Opened a bridge call');
      expect(ack).toContain('Working on it');
      const outcome = await vi.waitFor(() => {
        const last = lastEphemeral(GRACE);
        if (last.text.includes('Working on it')) throw new Error('no outcome yet');
        return last;
      }, WAIT);
      expect(outcome.text).toContain('read as UTC');
      expect(buttonOf(outcome, 'incident_note_correct_time')).toBeDefined();
    } finally {
      t.ws.faults.clear('users.info');
    }
    const note = (await notes()).filter((e) => e.data.text === 'Opened a bridge call');
    expect(note.map((e) => e.occurredAt.toISO())).toEqual(['2026-11-25T10:02:00.000Z']);
  });
});

describe('nothing typed is lost', () => {
  const text = '23:55 Rollback of `checkout` started ``` <!channel> & <@U_BOB> watching';

  it('gives a note refused for a future time back in a code block, exactly, and Record it now records it once', async () => {
    const before = (await notes()).length;
    const refusal = await typed(ERIN, CHANNEL, `note ${text}`);
    expect(refusal.text).toContain('`23:55` is later than now (10:30, read in your time zone (America/Los_Angeles))');
    expect(codeBlockOf(refusal)).toBe(text);
    // The notification fallback keeps the text escaped and its backticks unable to close the fence.
    expect(refusal.text).toContain('&lt;!channel&gt; &amp; &lt;@U_BOB&gt;');
    expect(refusal.text).not.toContain('<!channel>');
    expect(refusal.text.match(/```/g)).toHaveLength(2);
    expect((await notes()).length).toBe(before);

    const recordNow = buttonOf(refusal, 'incident_note_record_now');
    expect(recordNow?.text.text).toBe('Record it now');
    t.clock.advance({ minutes: 1 });
    const click = () => t.ws.clickAction({ userId: ERIN, channelId: here(), messageTs: refusal.ts, actionId: 'incident_note_record_now', value: recordNow!.value });
    // Clicked twice before the reply changes (both clicks reach the bot, each with its own action_ts).
    await Promise.all([click(), click()]);
    await t.app.slack.settled();
    const answered = t.ws.ephemerals(ERIN).find((e) => e.ts === refusal.ts)!;
    expect(answered.text).toMatch(/Noted in the timeline at|on the timeline already/);
    expect(buttonOf(answered, 'incident_note_record_now')).toBeUndefined();

    const recorded = (await notes()).filter((e) => e.data.text === 'Rollback of `checkout` started ``` <!channel> & <@U_BOB> watching');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.occurredAt.toISO()).toBe('2026-11-25T18:31:00.000Z');
    expect(recorded[0]!.actorId).toBe(ERIN);
  });

  it('gives the text back when the command is refused for another reason: a time it cannot read, the wrong channel', async () => {
    await typed(ERIN, CHANNEL, 'note 24:10 DB failover started');
    expect(lastEphemeral(ERIN).text).toContain('is not a time I can read');
    expect(codeBlockOf(lastEphemeral(ERIN))).toBe('24:10 DB failover started');

    await typed(ERIN, 'general', 'note DB failover started');
    expect(lastEphemeral(ERIN).text).toContain("works in an incident's channel");
    expect(codeBlockOf(lastEphemeral(ERIN))).toBe('DB failover started');

    await command(t.ws, ERIN, 'general', 'followup Alert on replica lag');
    expect(lastEphemeral(ERIN).text).toContain("works in an incident's channel");
    expect(codeBlockOf(lastEphemeral(ERIN))).toBe('Alert on replica lag');
  });

  it('fills a follow-up typed after the command into the form, whose due dates are read in the person’s zone', async () => {
    await command(t.ws, ERIN, CHANNEL, 'followup Alert on replica lag');
    const form = await vi.waitFor(() => {
      const top = t.ws.openViews(ERIN).at(-1);
      if (top?.callbackId !== 'incident_followup') throw new Error('no follow-up form yet');
      return top;
    }, WAIT);
    expect(JSON.stringify(form.blocks)).toContain('"initial_value":"Alert on replica lag"');

    // 10:30 on 25 Nov in Los Angeles: the 24th has passed there, though a day behind UTC it has not.
    const due = actionItemInput(0, 'due');
    const title = actionItemInput(0, 'title');
    const withDue = (date: string) => ({ [title.block]: { [title.action]: 'Alert on replica lag' }, [due.block]: { [due.action]: date } });
    const refused = await t.ws.submitView({ userId: ERIN, viewId: form.id, values: withDue('2026-11-24') });
    expect(refused.body).toMatchObject({ response_action: 'errors', errors: { [due.block]: expect.stringContaining('passed') } });
    const accepted = await t.ws.submitView({ userId: ERIN, viewId: form.id, values: withDue('2026-11-25') });
    expect(accepted.body ?? '').toBeFalsy();
    expect((await t.app.followups.list(1)).map((i) => [i.title, i.dueDate])).toEqual([['Alert on replica lag', '2026-11-25']]);
  });

  it('answers forged button values with what to do, records nothing and opens nothing', async () => {
    const refusal = await typed(ERIN, CHANNEL, 'note 23:58 Forged later');
    const readAsUtc = t.ws.ephemerals(FRANK).find((e) => buttonOf(e, 'incident_note_correct_time'))!;
    const before = (await notes()).length;
    const forged: [string, { userId: string; ts: string }, string, string][] = [
      ['incident_note_record_now', { userId: ERIN, ts: refusal.ts }, 'not a value', 'out of date'],
      ['incident_note_record_now', { userId: ERIN, ts: refusal.ts }, '1:bad key with spaces:text', 'out of date'],
      ['incident_note_record_now', { userId: ERIN, ts: refusal.ts }, '99999:T123.456:text', 'INC-99999'],
      ['incident_note_correct_time', { userId: FRANK, ts: readAsUtc.ts }, 'remove:1:1', 'out of date'],
      ['incident_note_correct_time', { userId: FRANK, ts: readAsUtc.ts }, 'edit:1:999999', 'no longer on the timeline'],
    ];
    for (const [actionId, on, value, answer] of forged) {
      const shown = t.ws.ephemerals(on.userId).length;
      const ack = await t.ws.clickAction({ userId: on.userId, channelId: here(), messageTs: on.ts, actionId, value });
      expect(ack.status).toBe(200);
      await vi.waitFor(() => expect(t.ws.ephemerals(on.userId).length).toBeGreaterThan(shown), WAIT);
      expect(lastEphemeral(on.userId).text).toContain(answer);
    }
    expect((await notes()).length).toBe(before);
    expect(t.ws.openViews(FRANK).filter((v) => v.callbackId === 'incident_timeline_entry')).toHaveLength(1); // the one opened above
  });
});
