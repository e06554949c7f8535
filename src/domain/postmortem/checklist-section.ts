import type { TimelineEvent } from '../timeline.js';
import type { ChecklistText } from './checklist-text.js';

type ChecklistEvent = Extract<TimelineEvent, {
  kind: 'runbook_attached' | 'checklist_item_done' | 'checklist_item_skipped' | 'checklist_item_reopened' | 'checklist_item_assigned' | 'checklist_item_added';
}>;

/**
 * A checklist event as one timeline line; `name` renders a user, `escape` clips and escapes user
 * text. Reads its data defensively, as the rest of the draft does (a row from another release).
 */
export function describeChecklistEvent(t: ChecklistText, event: ChecklistEvent, name: (userId: string) => string, escape: (text: string) => string): string {
  const data: Record<string, unknown> = event.data;
  const text = (key: string) => {
    const value = data[key];
    return typeof value === 'string' ? value : '';
  };
  switch (event.kind) {
    case 'runbook_attached': {
      const how = text('reason');
      return t.attached(escape(text('title')), how === 'manual' || how === 'tasks' ? how : 'matched');
    }
    case 'checklist_item_done':
      return t.done(escape(text('text')));
    case 'checklist_item_skipped':
      return t.skipped(escape(text('text')), escape(text('reason')));
    case 'checklist_item_reopened':
      return t.reopened(escape(text('text')));
    case 'checklist_item_assigned':
      return t.assigned(escape(text('text')), text('userId') ? name(text('userId')) : '?');
    case 'checklist_item_added':
      return t.added(escape(text('text')));
  }
}
