import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { decideSnooze, minutesLate, nextReminderAfter, SNOOZE_LIMIT, stageAt, stageDueNow } from '../../src/domain/reminders.js';
import { reminderMessage } from '../../src/slack/blocks/reminder.js';
import type { ReminderView } from '../../src/domain/reminder-view.js';
import { en } from '../../src/domain/texts/index.js';

const due = DateTime.fromISO('2026-11-25T03:15:00Z', { zone: 'utc' });
const at = (minutes: number) => due.plus({ minutes });

describe('reminder stages', () => {
  it('falls due at the due time, half a cadence and a whole cadence later', () => {
    expect(stageAt(due, 15, 1).toISO()).toBe(due.toISO());
    expect(stageAt(due, 15, 2).toISO()).toBe(at(7.5).toISO());
    expect(stageAt(due, 15, 3).toISO()).toBe(at(15).toISO());
    expect(stageAt(due, 15, 2, 2).toISO()).toBe(at(27.5).toISO());
  });

  it('sends only the most urgent stage not yet sent', () => {
    const state = { dueAt: due, cadenceMinutes: 30, stage: 0, snoozeCount: 0 };
    expect(stageDueNow(state, at(-0.01))).toBeUndefined();
    expect(stageDueNow(state, at(0))).toBe(1);
    expect(stageDueNow(state, at(45))).toBe(3);
    expect(stageDueNow({ ...state, stage: 3 }, at(300))).toBeUndefined();
    expect(nextReminderAfter({ ...state, stage: 1 })?.toISO()).toBe(at(15).toISO());
    expect(nextReminderAfter({ ...state, stage: 3 })).toBeNull();
  });

  it('allows three snoozes of ten minutes per cycle, only with a reminder pending', () => {
    const state = { dueAt: due, cadenceMinutes: 15, stage: 1, snoozeCount: 0, nextReminderAt: at(7.5) };
    expect(decideSnooze(state)).toMatchObject({ ok: true, count: 1, left: 2, until: at(17.5) });
    expect(decideSnooze({ ...state, snoozeCount: SNOOZE_LIMIT })).toEqual({ ok: false, reason: 'limit_reached' });
    expect(decideSnooze({ ...state, stage: 0 })).toEqual({ ok: false, reason: 'nothing_pending' });
    expect(decideSnooze({ ...state, stage: 3, nextReminderAt: null })).toEqual({ ok: false, reason: 'nothing_pending' });
    expect(minutesLate(due, at(7.9))).toBe(7);
  });
});

describe('reminder message', () => {
  const view: ReminderView = {
    cycle: 1, stage: 2, updateNumber: 3, dueAt: due.toISO()!, remindedAt: at(8).toISO()!, severity: 'sev1', cadenceMinutes: 15,
    commanderId: 'U_ALICE', commsLeadId: null, snoozeCount: 1, snoozeLimit: 3,
  };
  const incident = { id: 7, title: '<!channel> & co', isDrill: false, channelId: 'C123ABC' };

  it('escalates with the channel mention, the commander and the missing comms lead, escaping the title', () => {
    const text = JSON.stringify(reminderMessage({ texts: en, incident, reminder: view }));
    expect(text).toContain('<!here>');
    expect(text).toContain('<@U_ALICE>');
    expect(text).toContain('no communications lead is assigned');
    expect(text).toContain('3rd status update');
    expect(text).toContain('8 min late');
    expect(text).toContain('&lt;!channel&gt; &amp; co');
    expect(text).toContain('Snooze 10 min (2 left)');
  });

  it('once answered, drops the buttons and the channel mention and says who answered', () => {
    const message = reminderMessage({ texts: en, incident, reminder: view, closed: { type: 'answered', by: 'U_BOB', at: at(9).toISO()! } });
    const text = JSON.stringify(message);
    expect(text).not.toContain('<!here>');
    expect(text).not.toContain('reminder_snooze');
    expect(text).toContain('Answered: <@U_BOB> posted the update');
    expect(text).toContain('9 min late');
  });
});
