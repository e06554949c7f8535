import type { TimelineEvent } from '../timeline.js';
import { isOpen, TASKS_RUNBOOK_ID } from '../runbooks/index.js';
import { CHECKLIST_TEXT, type ChecklistText } from './checklist-text.js';
import { userName, type RenderContext } from './formatting.js';
import { escapeInline, flatten, truncate } from './markdown.js';

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

/**
 * "Response checklist" (internal variant only): each attached runbook, each item done (who, and
 * the minutes after detection), skipped (who, why) or left open.
 */
export function checklistSection(ctx: RenderContext): string[] {
  const t = CHECKLIST_TEXT[ctx.options.locale];
  const runbooks = ctx.input.checklists ?? [];
  const lines = [`## ${t.heading}`];
  // No runbook attached (or a draft from before runbooks): no section, so older drafts read as before.
  if (runbooks.length === 0) return [];
  const text = (value: string) => escapeInline(truncate(flatten(value), 300));
  const detected = ctx.input.incident.detectedAt;
  let done = 0;
  let skipped = 0;
  let open = 0;
  for (const runbook of runbooks) {
    const title = runbook.runbookId === TASKS_RUNBOOK_ID ? text(runbook.title) : `${text(runbook.title)} (\`${runbook.runbookId}\`)`;
    const items = runbook.items.map((item) => {
      if (item.state === 'done' && item.closedAt) {
        done += 1;
        return t.itemDone(text(item.text), userName(ctx, item.closedBy), Math.max(0, Math.round(item.closedAt.diff(detected, 'minutes').minutes)));
      }
      if (item.state === 'skipped') {
        skipped += 1;
        return t.itemSkipped(text(item.text), userName(ctx, item.closedBy), text(item.reason ?? ''));
      }
      if (isOpen(item)) open += 1;
      return t.itemOpen(text(item.text), item.assigneeId ? userName(ctx, item.assigneeId) : null);
    });
    lines.push(`### ${title}\n\n${items.join('\n')}`);
  }
  return [...lines, t.summary(done, skipped, open)];
}
