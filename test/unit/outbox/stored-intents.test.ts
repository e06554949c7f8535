import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { storedCodec } from '../../../src/db/stored-json.js';
import { outboxIntentCodec } from '../../../src/outbox/intents.js';

const reminder = {
  cycle: 2, stage: 1, updateNumber: 3, dueAt: '2026-11-25T03:15:00.000Z', remindedAt: '2026-11-25T03:15:00.000Z',
  severity: 'sev1', cadenceMinutes: 15, commanderId: 'U_ALICE', commsLeadId: null, snoozeCount: 0, snoozeLimit: 3,
};

describe('stored outbox intents', () => {
  it('writes the version beside the intent and reads it back unchanged', () => {
    const intent = { kind: 'reminder.post' as const, reminder: { ...reminder, stage: 1 as const, severity: 'sev1' as const } };
    const stored = outboxIntentCodec.write(intent);
    expect(stored).toMatchObject({ v: 1, kind: 'reminder.post' });
    expect(outboxIntentCodec.read(JSON.parse(JSON.stringify(stored)))).toEqual({ ok: true, value: intent });
  });

  it('reads a payload written before versioning as version 1', () => {
    expect(outboxIntentCodec.read({ kind: 'reminder.post', reminder })).toMatchObject({ ok: true, value: { kind: 'reminder.post' } });
  });

  it('says why a payload cannot be read', () => {
    expect(outboxIntentCodec.read({ kind: 'reminder.post', reminder: { ...reminder, stage: 4 } })).toMatchObject({
      ok: false, reason: expect.stringContaining('reminder.stage'),
    });
    expect(outboxIntentCodec.read({ kind: 'card.explode' })).toMatchObject({ ok: false });
    expect(outboxIntentCodec.read('card.sync')).toEqual({ ok: false, reason: 'not a JSON object' });
    expect(outboxIntentCodec.read({ kind: 'card.sync', v: 2 })).toMatchObject({ ok: false, reason: expect.stringContaining('newer release') });
  });

  it('refuses to write what it could not read back', () => {
    // @ts-expect-error a notice without its text
    expect(() => outboxIntentCodec.write({ kind: 'notice.post', target: 'incident', notice: { type: 'note_added', actorId: 'U1' } })).toThrow();
  });
});

describe('versioned stored JSON', () => {
  it('upgrades older versions step by step to the current shape', () => {
    const codec = storedCodec(z.object({ fullName: z.string(), locale: z.string() }), {
      version: 3,
      upgrades: {
        1: (old) => ({ fullName: old['name'] }),
        2: (old) => ({ ...old, locale: 'en' }),
      },
    });
    expect(codec.read({ name: 'Alice' })).toEqual({ ok: true, value: { fullName: 'Alice', locale: 'en' } });
    expect(codec.read({ v: 2, fullName: 'Bob' })).toEqual({ ok: true, value: { fullName: 'Bob', locale: 'en' } });
    expect(codec.read({ v: 3, fullName: 'Carol', locale: 'ko' })).toEqual({ ok: true, value: { fullName: 'Carol', locale: 'ko' } });
  });
});
