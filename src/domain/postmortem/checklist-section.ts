import type { TimelineEvent } from '../timeline.js';
import type { ChecklistText } from './checklist-text.js';

type ChecklistEvent = Extract<TimelineEvent, {
  kind: 'runbook_attached' | 'checklist_item_done' | 'checklist_item_skipped' | 'checklist_item_reopened' | 'checklist_item_assigned' | 'checklist_item_added';
}>;

/** A checklist event as one timeline line; `name` renders a user, `escape` clips and escapes user text. */
export function describeChecklistEvent(t: ChecklistText, event: ChecklistEvent, name: (userId: string) => string, escape: (text: string) => string): string {
  switch (event.kind) {
    case 'runbook_attached':
      return t.attached(escape(event.data.title), event.data.reason);
    case 'checklist_item_done':
      return t.done(escape(event.data.text));
    case 'checklist_item_skipped':
      return t.skipped(escape(event.data.text), escape(event.data.reason));
    case 'checklist_item_reopened':
      return t.reopened(escape(event.data.text));
    case 'checklist_item_assigned':
      return t.assigned(escape(event.data.text), name(event.data.userId));
    case 'checklist_item_added':
      return t.added(escape(event.data.text));
  }
}
