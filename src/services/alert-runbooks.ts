import type { DateTime } from 'luxon';
import type { Executor } from '../db/client.js';
import type { Repositories } from '../db/repositories/index.js';
import type { RecordedAlert } from '../domain/alerts/alert.js';
import { TASKS_RUNBOOK_ID, TASKS_RUNBOOK_TITLE, type Runbook, type RunbookItem } from '../domain/runbooks/index.js';
import type { Texts } from '../domain/texts/index.js';
import { IncidentWriter, lockIncident } from './incident-transaction.js';
import { attachRunbook } from './runbook-attachment.js';

const ITEM_TEXT_MAX = 500;

/**
 * What alerts bring to the incident they declare or join, in the alert's transaction: each firing
 * alert's `runbook_url` becomes a step "Follow the alert's runbook" of the incident's Tasks (once
 * per URL, however often the alert repeats; worded in the channel's language, `texts`), and the
 * runbooks its rule lists are attached.
 */
export async function bringAlertRunbooks(
  tx: Executor, repos: Repositories, incidentId: number, alerts: readonly RecordedAlert[], ruleRunbooks: readonly Runbook[], now: DateTime, texts: Texts,
): Promise<void> {
  const firing = alerts.filter((a) => a.status === 'firing' && a.runbookUrl);
  if (firing.length === 0 && ruleRunbooks.length === 0) return;
  // The incident's lock, as every checklist change takes it: Tasks' next item id is read under it.
  await lockIncident(tx, repos, incidentId);
  const ctx = { tx, repos, now, writer: new IncidentWriter(tx, repos, incidentId, now) };
  for (const runbook of ruleRunbooks) await attachRunbook(ctx, runbook, 'matched', null);
  if (firing.length === 0) return;

  const tasks = (await repos.runbooks.listForIncident(tx, incidentId)).find((r) => r.runbookId === TASKS_RUNBOOK_ID);
  const linked = new Set(tasks?.items.map((i) => i.link));
  const items: RunbookItem[] = [];
  for (const alert of firing) {
    const url = alert.runbookUrl!;
    if (linked.has(url)) continue;
    linked.add(url);
    const text = texts.checklists.followAlertRunbook(alert.title);
    items.push({ id: `alert-runbook-${(tasks?.items.length ?? 0) + items.length + 1}`, text: text.slice(0, ITEM_TEXT_MAX), link: url });
  }
  if (items.length === 0) return;
  if (!tasks) {
    await attachRunbook(ctx, { id: TASKS_RUNBOOK_ID, title: TASKS_RUNBOOK_TITLE, items }, 'tasks', null);
    return;
  }
  for (const item of items) {
    await repos.runbooks.addItem(tx, tasks.id, item, now);
    await ctx.writer.record('checklist_item_added', null, { attachmentId: tasks.id, runbookId: TASKS_RUNBOOK_ID, itemId: item.id, text: item.text, assigneeId: null });
  }
  await ctx.writer.enqueue({ kind: 'checklist.sync', attachmentId: tasks.id });
}
