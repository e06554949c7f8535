import type { DateTime } from 'luxon';
import type { Clock } from '../clock.js';
import type { Db, Executor } from '../db/client.js';
import type { Repositories } from '../db/repositories/index.js';
import { DomainError } from '../domain/errors.js';
import { assertChangeable, incidentRef, type Incident } from '../domain/incident.js';
import type { TimelineData, TimelineKind } from '../domain/timeline.js';
import type { IncidentAction } from '../domain/policy.js';
import type { Notice, OutboxIntent } from '../outbox/intents.js';
import type { Access } from './access.js';

export interface TransactionDeps {
  db: Db;
  repos: Repositories;
  /** Set by `forRequest`: the change is applied once per key, whoever sends it again. */
  requestKey?: string;
  /** Who may do what. Absent only where no person acts (the CLI, service-level tests). */
  access?: Access;
  /** Notified after a commit that queued outbox messages, so delivery starts at once. */
  onOutboxWritten?: () => void;
}

/** The request was applied before (a replay, a retry, a double click): nothing was changed again. */
export class AlreadyApplied extends Error {
  override readonly name = 'AlreadyApplied';
  constructor(readonly key: string) {
    super(`request ${key} was applied already`);
  }
}

/** Runs `work` in one transaction, then tells the outbox dispatcher there may be something to send. */
export async function runInTransaction<T>(
  deps: TransactionDeps,
  work: (tx: Executor, repos: Repositories) => Promise<T>,
): Promise<T> {
  const { requestKey } = deps;
  const result = await deps.db.transaction(async (tx) => {
    if (requestKey !== undefined && !(await deps.repos.appliedRequests.first(tx, requestKey))) throw new AlreadyApplied(requestKey);
    return work(tx, deps.repos);
  });
  deps.onOutboxWritten?.();
  return result;
}

/**
 * Checks, before any transaction, that `actorId` may do `action` to the incident (see Access).
 * An incident that does not exist is left for the change itself to report.
 */
export async function authorize(deps: TransactionDeps, action: IncidentAction, actorId: string, incidentId: number): Promise<void> {
  if (!deps.access) return;
  const incident = await deps.repos.incidents.findById(deps.db, incidentId);
  if (incident) await deps.access.check(action, actorId, incident);
}

/** Locks the incident's row for the rest of the transaction; a DomainError when there is none. */
export async function lockIncident(tx: Executor, repos: Repositories, incidentId: number): Promise<Incident> {
  const incident = await repos.incidents.findById(tx, incidentId, { forUpdate: true });
  if (!incident) throw new DomainError('not_found', (t) => t.errors.noSuchIncident(incidentRef(incidentId)));
  return incident;
}

/** As lockIncident, and refuses a resolved incident. */
export async function lockOpenIncident(tx: Executor, repos: Repositories, incidentId: number): Promise<Incident> {
  const incident = await lockIncident(tx, repos, incidentId);
  assertChangeable(incident);
  return incident;
}

/** What a change to one locked incident works with, all in one transaction at one instant. */
export interface IncidentChange {
  tx: Executor;
  repos: Repositories;
  incident: Incident;
  now: DateTime;
  writer: IncidentWriter;
}

export type IncidentLock = (tx: Executor, repos: Repositories, incidentId: number) => Promise<Incident>;

/**
 * Reads the clock, then runs `work` in one transaction on the incident locked by `lock`
 * (lockIncident or lockOpenIncident), and tells the outbox dispatcher after the commit.
 */
export function withLockedIncident<T>(
  deps: TransactionDeps & { clock: Clock },
  incidentId: number,
  lock: IncidentLock,
  work: (change: IncidentChange) => Promise<T>,
): Promise<T> {
  const now = deps.clock.now();
  return runInTransaction(deps, async (tx, repos) => {
    const incident = await lock(tx, repos, incidentId);
    return work({ tx, repos, incident, now, writer: new IncidentWriter(tx, repos, incidentId, now) });
  });
}

/** Queues one outbox intent for the incident in the caller's transaction. */
export function enqueueIntent(tx: Executor, repos: Repositories, incidentId: number | null, now: DateTime, intent: OutboxIntent) {
  return repos.outbox.enqueue(tx, { incidentId, intent, now });
}

/** Timeline events and outbox intents of one incident, written in one transaction at one instant. */
export class IncidentWriter {
  constructor(
    private readonly tx: Executor,
    private readonly repos: Repositories,
    readonly incidentId: number,
    private readonly now: DateTime,
  ) {}

  /** Recorded now, or at `occurredAt` when the event stands for something that happened earlier (a message's own time). */
  record<K extends TimelineKind>(kind: K, actorId: string | null, data: TimelineData[K], occurredAt: DateTime = this.now) {
    return this.repos.timeline.append(this.tx, { incidentId: this.incidentId, kind, actorId, occurredAt, data });
  }

  /** As record, for something that happened at `occurredAt` and is written down now. */
  recordBackdated<K extends TimelineKind>(kind: K, actorId: string | null, data: TimelineData[K], occurredAt: DateTime) {
    return this.repos.timeline.append(this.tx, { incidentId: this.incidentId, kind, actorId, occurredAt, recordedAt: this.now, data });
  }

  enqueue(intent: OutboxIntent) {
    return enqueueIntent(this.tx, this.repos, this.incidentId, this.now, intent);
  }

  /** A notice in the incident channel, and under the announcement in #incidents when asked. */
  async notice(notice: Notice, alsoInAnnouncementThread = false) {
    await this.enqueue({ kind: 'notice.post', notice, target: 'incident' });
    if (alsoInAnnouncementThread) {
      await this.enqueue({ kind: 'notice.post', notice, target: 'announcement_thread' });
    }
  }

  /** Re-renders the incident card, the #incidents announcement and App Home. */
  async syncViews() {
    await this.enqueue({ kind: 'card.sync' });
    await this.enqueue({ kind: 'announcement.sync' });
    await this.refreshHomes();
  }

  /** App Home shows this incident: refresh it, outside the incident's own delivery order. */
  refreshHomes() {
    return enqueueIntent(this.tx, this.repos, null, this.now, { kind: 'home.refresh' });
  }
}
