import type { DateTime } from 'luxon';
import type { Executor } from '../db/client.js';
import type { Repositories } from '../db/repositories/index.js';
import { runbooksToAttach, type AttachReason, type AttachedRunbook, type MatchFacts, type Runbook } from '../domain/runbooks/index.js';
import type { IncidentWriter } from './incident-transaction.js';

/** What attaching works with, in the caller's transaction. */
export interface AttachContext {
  tx: Executor;
  repos: Repositories;
  now: DateTime;
  writer: IncidentWriter;
}

/**
 * Attaches every runbook of the library the incident's severity and scenario match and it does
 * not have yet (on declaration, and again on every severity or scenario change: only ever adds).
 */
export async function attachMatching(ctx: AttachContext, library: readonly Runbook[], facts: MatchFacts): Promise<AttachedRunbook[]> {
  if (library.length === 0) return [];
  const have = await ctx.repos.runbooks.attachedIds(ctx.tx, ctx.writer.incidentId);
  const attached: AttachedRunbook[] = [];
  for (const runbook of runbooksToAttach(library, facts, have)) {
    const saved = await attachRunbook(ctx, runbook, 'matched', null);
    if (saved) attached.push(saved);
  }
  return attached;
}

/** One runbook joins the incident (undefined if it had it): the snapshot, a timeline event, its checklist message. */
export async function attachRunbook(
  { tx, repos, now, writer }: AttachContext,
  runbook: Pick<Runbook, 'id' | 'title' | 'items'>,
  reason: AttachReason,
  actorId: string | null,
): Promise<AttachedRunbook | undefined> {
  const saved = await repos.runbooks.attach(tx, {
    incidentId: writer.incidentId, runbookId: runbook.id, snapshot: { title: runbook.title, items: runbook.items }, reason, attachedBy: actorId, at: now,
  });
  if (!saved) return undefined;
  await writer.record('runbook_attached', actorId, { attachmentId: saved.id, runbookId: saved.runbookId, title: saved.title, reason, items: saved.items.length });
  await writer.enqueue({ kind: 'checklist.sync', attachmentId: saved.id });
  return saved;
}
