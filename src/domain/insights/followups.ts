import type { DateTime } from 'luxon';

/** A follow-up (action item) as insights read it: its due date is a calendar date, `YYYY-MM-DD`. */
export interface FollowupRecord {
  ownerId: string | null;
  dueDate: string | null;
  done: boolean;
  /** When it was ticked off (its `action_item_done` entry), if recorded. */
  doneAt: DateTime | null;
}

export interface FollowupFigures {
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  open: number;
  byOwner: { userId: string; overdue: number; open: number }[];
}

type FollowupState = 'doneOnTime' | 'doneLate' | 'overdue' | 'open';

/** Done on or before its due date (or without one) is on time; not done past its due date is overdue. */
export function followupState(item: FollowupRecord, today: string, zone: string): FollowupState {
  if (item.done) {
    const doneDay = item.doneAt?.setZone(zone).toISODate() ?? null;
    return item.dueDate && doneDay && doneDay > item.dueDate ? 'doneLate' : 'doneOnTime';
  }
  return item.dueDate && item.dueDate < today ? 'overdue' : 'open';
}

/** Counts by state, and per owner the ones still to do; `now` read in `zone` decides "today". */
export function followupFigures(items: readonly FollowupRecord[], now: DateTime, zone: string): FollowupFigures {
  const today = now.setZone(zone).toISODate() ?? '';
  const figures: FollowupFigures = { doneOnTime: 0, doneLate: 0, overdue: 0, open: 0, byOwner: [] };
  const owners = new Map<string, { userId: string; overdue: number; open: number }>();
  for (const item of items) {
    const state = followupState(item, today, zone);
    figures[state] += 1;
    if ((state === 'overdue' || state === 'open') && item.ownerId) {
      const owner = owners.get(item.ownerId) ?? { userId: item.ownerId, overdue: 0, open: 0 };
      owner[state] += 1;
      owners.set(item.ownerId, owner);
    }
  }
  figures.byOwner = [...owners.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.userId.localeCompare(b.userId));
  return figures;
}
