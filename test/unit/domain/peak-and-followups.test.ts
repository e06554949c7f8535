import { DateTime } from 'luxon';
import { en } from '../../../src/domain/texts/index.js';
import { describe, expect, it } from 'vitest';
import { lastDueDate } from '../../../src/domain/followups.js';
import { actionItemRefusal, mayCompleteActionItem } from '../../../src/domain/policy.js';
import { severityHistory } from '../../../src/domain/severity-history.js';
import type { TimelineEvent } from '../../../src/domain/timeline.js';
import { parseDraftWords } from '../../../src/slack/commands/incident/postmortem.js';
import { looseEvent } from '../../helpers/loose-event.js';

const at = DateTime.fromISO('2026-11-25T03:00:00Z');
const event = (id: number, kind: TimelineEvent['kind'], data: Record<string, unknown>) =>
  looseEvent({ id, incidentId: 1, kind, actorId: 'U_ALICE', occurredAt: at.plus({ minutes: id }), data });

describe('severityHistory', () => {
  it('keeps the worst level reached, whatever the order', () => {
    const events = [
      event(1, 'declared', { severity: 'sev2' }),
      event(2, 'severity_changed', { from: 'sev2', to: 'sev1' }),
      event(3, 'severity_changed', { from: 'sev1', to: 'sev3' }),
    ];
    expect(severityHistory(events, 'sev3')).toEqual({ peak: 'sev1', final: 'sev3' });
    expect(severityHistory([...events].reverse(), 'sev3')).toEqual({ peak: 'sev1', final: 'sev3' });
  });

  it('is the current level when it never changed, and passes over what is no severity', () => {
    expect(severityHistory([event(1, 'declared', { severity: 'sev2' })], 'sev2')).toEqual({ peak: 'sev2', final: 'sev2' });
    expect(severityHistory([event(1, 'severity_changed', { from: 'sev0', to: 42 })], 'sev3')).toEqual({ peak: 'sev3', final: 'sev3' });
  });
});

describe('when an action item falls due', () => {
  it('is 09:00 of its due date in the team zone', () => {
    const seoul = 'Asia/Seoul';
    expect(lastDueDate(DateTime.fromISO('2026-12-01T08:59', { zone: seoul }), seoul)).toBe('2026-11-30');
    expect(lastDueDate(DateTime.fromISO('2026-12-01T09:00', { zone: seoul }), seoul)).toBe('2026-12-01');
    // 2026-12-01 00:30 UTC is already 09:30 in Seoul.
    expect(lastDueDate(DateTime.fromISO('2026-12-01T00:30Z'), seoul)).toBe('2026-12-01');
    expect(lastDueDate(DateTime.fromISO('2026-12-01T00:30Z'), 'UTC')).toBe('2026-11-30');
  });
});

describe('who may mark an action item done', () => {
  const incident = { commanderId: 'U_ALICE' };
  it('is its owner or the commander', () => {
    expect(mayCompleteActionItem('U_BOB', { ownerId: 'U_BOB' }, incident)).toBe(true);
    expect(mayCompleteActionItem('U_ALICE', { ownerId: 'U_BOB' }, incident)).toBe(true);
    expect(mayCompleteActionItem('U_CAROL', { ownerId: 'U_BOB' }, incident)).toBe(false);
    expect(mayCompleteActionItem('U_CAROL', { ownerId: null }, incident)).toBe(false);
    expect(actionItemRefusal({ ownerId: 'U_BOB' }, incident)(en)).toBe('Only its owner (<@U_BOB>) or the commander (<@U_ALICE>) can mark this action item done.');
  });
});

describe('/incident postmortem words', () => {
  it.each([
    ['', {}],
    ['ko', { locale: 'ko' }],
    ['external', { variant: 'external' }],
    ['EXTERNAL ko', { locale: 'ko', variant: 'external' }],
    ['en  internal', { locale: 'en', variant: 'internal' }],
  ])('%j → %j', (args, expected) => {
    expect(parseDraftWords(args)).toEqual(expected);
  });

  it.each(['fr', 'ko en', 'external internal', 'ko external please', 'customer'])('refuses %j', (args) => {
    expect(parseDraftWords(args)).toBeUndefined();
  });
});
