import { describe, expect, it } from 'vitest';
import { computeMetrics, renderPostmortem } from '../../../src/domain/postmortem/index.js';
import type { PostmortemInput } from '../../../src/domain/postmortem/index.js';
import type { TimelineEvent } from '../../../src/domain/timeline.js';
import { currentTimeline } from '../../../src/domain/timeline-corrections.js';
import { DBA, kst, ONCALL, seed002, ZONE } from './fixtures.js';
import { section } from './helpers.js';

/** Seed 002 declared in Slack at 14:31, its earlier moments written down afterwards. */
function declaredLate(): PostmortemInput {
  const input = seed002();
  input.incident.startedAt = input.incident.detectedAt = input.incident.declaredAt = kst('14:31');
  input.timeline = [
    { id: 1, incidentId: 42, kind: 'declared', actorId: ONCALL, occurredAt: kst('14:31'), data: { title: 't', severity: 'sev1', scenario: 'database', commanderId: ONCALL } },
    { id: 2, incidentId: 42, kind: 'resolved', actorId: ONCALL, occurredAt: kst('15:47'), data: { from: 'monitoring', summary: 's', rootCauseConfirmed: true } },
  ];
  return input;
}

const note = (id: number, at: string, text: string, extra: Partial<TimelineEvent> & { milestone?: 'detected' | 'acknowledged' | 'identified' | 'mitigated' | 'recovered' } = {}): TimelineEvent => {
  const { milestone, ...rest } = extra;
  return { id, incidentId: 42, kind: 'note_added', actorId: DBA, occurredAt: kst(at), recordedAt: kst('15:50'), data: { text, milestone: milestone ?? null }, ...rest } as TimelineEvent;
};

const render = (input: PostmortemInput) => renderPostmortem(input, { locale: 'en', variant: 'internal', timeZone: ZONE });

describe('milestones drive the metrics', () => {
  it('without milestones, a late declaration measures nothing before it', () => {
    const m = computeMetrics(declaredLate());
    expect(m.timeToDetectMinutes).toBe(0);
  });

  it('a "detected" and an "acknowledged" entry give time to detect and to acknowledge', () => {
    const input = declaredLate();
    input.incident.startedAt = kst('14:20');
    input.timeline.push(
      note(10, '14:23', 'Automated alert: pool exhaustion', { milestone: 'detected' }),
      note(11, '14:25', 'On-call acknowledged the alert', { milestone: 'acknowledged' }),
      note(12, '14:35', 'Root cause: analytical query', { milestone: 'identified' }),
      note(13, '14:50', 'CPU recovering', { milestone: 'mitigated' }),
    );
    const m = computeMetrics(input);
    expect(m.detectedAt.toMillis()).toBe(kst('14:23').toMillis());
    expect(m.timeToDetectMinutes).toBe(3);
    expect(m.timeToAcknowledgeMinutes).toBe(2);
    expect(m.timeToIdentifyMinutes).toBe(15);
    expect(m.timeToMitigateMinutes).toBe(30);
    const doc = render(input);
    expect(doc).toContain('| Time to detect | 3 min |');
    expect(doc).toContain('| Time to acknowledge | 2 min |');
    expect(doc).toContain('| Time to identify | 15 min |');
    const timeline = section(doc, '## Timeline').filter((l) => l.startsWith('- '));
    // Ordered by when things happened, not when they were written down; each says when it was.
    expect(timeline.map((l) => l.slice(2, 7))).toEqual(['14:20', '14:23', '14:25', '14:31', '14:35', '14:50', '15:30', '15:47']);
    expect(timeline[1]).toBe('- 14:23 · **Detection** · Note: Automated alert: pool exhaustion — Seojun Lee (added 15:50)');
    expect(timeline[2]).toContain('**Acknowledged** · Note: On-call acknowledged the alert');
  });

  it('the earliest entry of a milestone counts; an edit moves it and a removal drops it', () => {
    const input = declaredLate();
    input.incident.startedAt = kst('14:00');
    input.timeline.push(
      note(10, '14:20', 'first alert', { milestone: 'detected' }),
      note(11, '14:10', 'mistyped', { milestone: 'detected' }),
      { id: 20, incidentId: 42, kind: 'entry_edited', actorId: ONCALL, occurredAt: kst('15:55'), data: { entryId: 10, text: 'first alert (pager)', at: kst('14:15').toISO()!, milestone: 'detected' } },
      { id: 21, incidentId: 42, kind: 'entry_removed', actorId: ONCALL, occurredAt: kst('15:56'), data: { entryId: 11 } },
    );
    expect(computeMetrics(input).timeToDetectMinutes).toBe(15);
    const current = currentTimeline(input.timeline);
    expect(current.map((e) => e.id)).toEqual([10, 1, 2]);
    const doc = render(input);
    expect(doc).toContain('- 14:15 · **Detection** · Note: first alert (pager) — Seojun Lee (added 15:50) (edited 15:55)');
    expect(doc).not.toContain('mistyped');
    expect(doc).not.toContain('- 14:20');
  });

  it('a note written down within the minute is not marked as added later', () => {
    const input = declaredLate();
    input.timeline.push(note(10, '14:40', 'on time', { recordedAt: kst('14:40').plus({ seconds: 50 }) }));
    expect(render(input)).toContain('- 14:40 · Note: on time — Seojun Lee\n');
  });
});
