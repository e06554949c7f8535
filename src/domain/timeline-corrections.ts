import { DateTime } from 'luxon';
import { CORRECTION_KINDS, type Milestone, type TimelineData, type TimelineEvent } from './timeline.js';

type Edit = TimelineData['entry_edited'] & { editedAt: DateTime };

/** Events by when they happened, ties broken by id (the order they were recorded). */
export function byOccurrence(a: TimelineEvent, b: TimelineEvent): number {
  return a.occurredAt.toMillis() - b.occurredAt.toMillis() || a.id - b.id;
}

/**
 * The timeline as it reads now: each edited note shows its last edit (text, time, milestone) and
 * when it was edited, removed notes are gone, and the corrections themselves are not lines of
 * their own (they stay recorded). Ordered by when things happened.
 */
export function currentTimeline(events: readonly TimelineEvent[]): TimelineEvent[] {
  const edits = new Map<number, Edit>();
  const removed = new Set<number>();
  for (const e of [...events].sort((a, b) => a.id - b.id)) {
    if (e.kind === 'entry_edited') edits.set(e.data.entryId, { ...e.data, editedAt: e.recordedAt ?? e.occurredAt });
    else if (e.kind === 'entry_removed') removed.add(e.data.entryId);
  }
  const current: TimelineEvent[] = [];
  for (const e of events) {
    if (CORRECTION_KINDS.has(e.kind) || removed.has(e.id)) continue;
    const edit = edits.get(e.id);
    if (edit && e.kind === 'note_added') {
      const at = DateTime.fromISO(edit.at, { zone: 'utc' });
      current.push({ ...e, occurredAt: at.isValid ? at : e.occurredAt, recordedAt: e.recordedAt ?? e.occurredAt, editedAt: edit.editedAt, data: { text: edit.text, milestone: edit.milestone } });
    } else {
      current.push(e);
    }
  }
  return current.sort(byOccurrence);
}

/** The milestone a note marks, if any. */
export function milestoneOf(event: TimelineEvent): Milestone | null {
  return event.kind === 'note_added' ? (event.data.milestone ?? null) : null;
}

/** The earliest current entry marking `milestone`. */
export function firstMilestone(events: readonly TimelineEvent[], milestone: Milestone): TimelineEvent | undefined {
  return events.filter((e) => milestoneOf(e) === milestone).sort(byOccurrence)[0];
}

/** Whether the entry was written down a minute or more after it happened ("added 15:50"). */
export function recordedLate(event: TimelineEvent): boolean {
  return event.recordedAt !== undefined && event.recordedAt.toMillis() - event.occurredAt.toMillis() >= 60_000;
}
