import { describe, expect, it } from 'vitest';
import { computeMetrics, escapeBlock, escapeInline, table } from '../../../src/domain/postmortem/index.js';
import type { TimelineEvent } from '../../../src/domain/timeline.js';
import { looseEvent } from '../../helpers/loose-event.js';
import { kst, ONCALL, seed002 } from './fixtures.js';
import { unescapedPipes } from './helpers.js';

const ev = (id: number, hhmm: string, kind: TimelineEvent['kind'], actorId: string | null, data = {}): TimelineEvent =>
  looseEvent({ id, incidentId: 42, kind, actorId, occurredAt: kst(hhmm), data });

describe('computeMetrics', () => {
  it('counts cadence across severity changes and skips resolved→reopened time', () => {
    const input = seed002();
    input.incident.severity = 'sev3';
    input.updates = [];
    input.timeline = [
      ev(1, '10:00', 'declared', ONCALL),
      ev(2, '10:30', 'severity_changed', ONCALL, { from: 'sev1', to: 'sev3' }), // 30 min at 15 → 2
      ev(3, '11:30', 'resolved', ONCALL), // 60 min at 60 → 1
      ev(4, '13:00', 'reopened', ONCALL),
      ev(5, '14:00', 'resolved', ONCALL), // 60 min at 60 → 1
    ];
    input.incident.startedAt = input.incident.detectedAt = input.incident.declaredAt = kst('10:00');
    const m = computeMetrics(input);
    expect(m.updatesExpected).toBe(4);
    expect(m.resolvedAt?.toMillis()).toBe(kst('14:00').toMillis());
    expect(m.timeToResolveMinutes).toBe(240);
    expect(m.longestGapMinutes).toBe(240);
    expect(m.timeToAcknowledgeMinutes).toBe(30);
    expect(m.timeToMitigateMinutes).toBeNull();
  });

  it('is null where nothing is recorded; bot (null-actor) events do not acknowledge', () => {
    const input = seed002();
    input.incident.status = 'monitoring';
    input.incident.resolvedAt = null;
    input.updates = [];
    input.timeline = [ev(1, '14:23', 'declared', ONCALL), ev(2, '14:40', 'reminder_sent', null), ev(3, '14:41', 'note_added', null, { text: 'x' })];
    input.incident.detectedAt = kst('14:30');
    input.incident.startedAt = kst('14:10');
    const m = computeMetrics(input);
    expect(m.timeToDetectMinutes).toBe(20);
    expect(m.timeToAcknowledgeMinutes).toBeNull();
    expect(m.timeToResolveMinutes).toBeNull();
    expect(m.updatesExpected).toBeNull();
    expect(m.longestGapMinutes).toBeNull(); // no update and no end yet
  });
});

describe('markdown escaping', () => {
  it('cannot start a block', () => {
    expect(escapeInline('# x')).toBe('\\# x');
    expect(escapeInline('- [ ] x')).toBe('\\- \\[ \\] x');
    expect(escapeInline('> q')).toBe('\\> q');
    expect(escapeInline('1. one')).toBe('1\\. one');
    expect(escapeInline('  ===')).toBe('\\===');
    expect(escapeInline('a\n# b')).toBe('a # b');
    expect(escapeInline('`a` *b* _c_ [d] <!channel> \\')).toBe('\\`a\\` \\*b\\* \\_c\\_ \\[d\\] \\<\\!channel\\> \\\\');
    expect(escapeBlock('a\n# b\n\n\n- c')).toBe('a  \n\\# b\n\n\\- c');
  });

  it('tables keep their shape', () => {
    const t = table(['A', 'B'], [[escapeInline('x | y\nz'), escapeInline('\\|')], [escapeInline('')]]);
    for (const line of t.split('\n')) expect(unescapedPipes(line)).toBe(3);
    expect(t).toContain('| x \\| y z | \\\\\\| |');
  });
});
