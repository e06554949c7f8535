import type { DateTime } from 'luxon';
import type { Clock } from '../clock.js';
import type { Db, Executor } from '../db/client.js';
import type { NewActionItem } from '../domain/action-item.js';
import type { Repositories } from '../db/repositories/index.js';
import { nextUpdateDue } from '../domain/cadence.js';
import { DomainError } from '../domain/errors.js';
import {
  assertTransition,
  incidentRef,
  type Incident,
  type Role,
  type Scenario,
  type Status,
} from '../domain/incident.js';
import { SEVERITY_INFO, type CadenceMinutes, type Severity } from '../domain/severity.js';
import type { Resolution, StatusUpdate, TimelineKind } from '../domain/timeline.js';
import type { Logger } from '../logger.js';
import type { Notice, OutboxIntent } from './outbox-messages.js';
import { restartReminders } from './reminder-service.js';

export interface IncidentServiceDeps {
  db: Db;
  repos: Repositories;
  clock: Clock;
  cadence: CadenceMinutes;
  logger: Logger;
  /** Notified after a commit that queued outbox messages, so delivery starts at once. */
  onOutboxWritten?: () => void;
}

export interface DeclareInput {
  title: string;
  severity: Severity;
  scenario: Scenario;
  impact: string;
  commanderId: string;
  declaredBy: string;
  startedAt?: DateTime;
  detectedAt?: DateTime;
  isDrill?: boolean;
}

export interface UpdateInput {
  incidentId: number;
  authorId: string;
  status: Exclude<Status, 'resolved'>;
  fields: Record<string, string>;
}

/** The incident use cases; each runs in one transaction that also writes the timeline and outbox. */
export class IncidentService {
  constructor(private readonly deps: IncidentServiceDeps) {}

  async declare(input: DeclareInput): Promise<Incident> {
    const now = this.deps.clock.now();
    const title = input.title.trim();
    if (!title) throw new DomainError('invalid_input', 'Give the incident a title.', 'title');
    return this.inTransaction(async (tx, r) => {
      const id = await r.incidents.insert(tx, {
        title,
        severity: input.severity,
        scenario: input.scenario,
        impact: input.impact.trim(),
        declaredBy: input.declaredBy,
        startedAt: input.startedAt ?? now,
        detectedAt: input.detectedAt ?? input.startedAt ?? now,
        declaredAt: now,
        nextUpdateDueAt: now.plus({ minutes: this.deps.cadence[input.severity] }),
        isDrill: input.isDrill ?? false,
      });
      await r.incidents.setRole(tx, id, 'commander', input.commanderId, now);
      await restartReminders(tx, r, id, now, now.plus({ minutes: this.deps.cadence[input.severity] }));
      await this.record(tx, id, 'declared', input.declaredBy, now, {
        title,
        severity: input.severity,
        scenario: input.scenario,
        commanderId: input.commanderId,
      });
      const invite = [...new Set([input.declaredBy, input.commanderId])];
      await this.enqueue(tx, id, now, { kind: 'channel.create', inviteUserIds: invite });
      await this.enqueue(tx, id, now, { kind: 'card.sync' });
      await this.enqueue(tx, id, now, { kind: 'announcement.sync' });
      return (await r.incidents.findById(tx, id))!;
    });
  }

  async postUpdate(input: UpdateInput): Promise<{ incident: Incident; update: StatusUpdate }> {
    const now = this.deps.clock.now();
    return this.inTransaction(async (tx, r) => {
      const incident = await this.lockOpen(tx, input.incidentId);
      const update = await r.updates.insert(tx, {
        incidentId: incident.id,
        authorId: input.authorId,
        status: input.status,
        severity: incident.severity,
        fields: input.fields,
        postedAt: now,
      });
      if (input.status !== incident.status) {
        assertTransition(incident.status, input.status);
        await this.record(tx, incident.id, 'status_changed', input.authorId, now, { from: incident.status, to: input.status });
      }
      await this.record(tx, incident.id, 'update_posted', input.authorId, now, { updateId: update.id, status: input.status });
      const next = { ...incident, status: input.status, lastUpdateAt: now };
      await r.incidents.update(tx, incident.id, {
        status: input.status,
        lastUpdateAt: now,
        nextUpdateDueAt: nextUpdateDue(next, this.deps.cadence),
      });
      await restartReminders(tx, r, incident.id, now, nextUpdateDue(next, this.deps.cadence), { type: 'answered', by: input.authorId, at: now.toISO()! });
      await this.enqueue(tx, incident.id, now, { kind: 'update.post', updateId: update.id, target: 'incident' });
      await this.enqueue(tx, incident.id, now, { kind: 'update.post', updateId: update.id, target: 'announcement_thread' });
      await this.syncViews(tx, incident.id, now);
      return { incident: (await r.incidents.findById(tx, incident.id))!, update };
    });
  }

  async changeSeverity(incidentId: number, actorId: string, severity: Severity): Promise<Incident> {
    const now = this.deps.clock.now();
    return this.inTransaction(async (tx, r) => {
      const incident = await this.lockOpen(tx, incidentId);
      if (incident.severity === severity) {
        throw new DomainError('invalid_input', `${incidentRef(incident.id)} is already ${SEVERITY_INFO[severity].label}.`);
      }
      await this.record(tx, incidentId, 'severity_changed', actorId, now, { from: incident.severity, to: severity });
      await r.incidents.update(tx, incidentId, {
        severity,
        nextUpdateDueAt: nextUpdateDue({ ...incident, severity }, this.deps.cadence),
      });
      const due = nextUpdateDue({ ...incident, severity }, this.deps.cadence);
      await restartReminders(tx, r, incidentId, now, due, { type: 'severity_changed', by: actorId, to: severity, at: now.toISO()!, nextDueAt: due?.toISO() ?? null });
      await this.notice(tx, incidentId, now, { type: 'severity_changed', actorId, from: incident.severity, to: severity }, true);
      await this.syncViews(tx, incidentId, now);
      return (await r.incidents.findById(tx, incidentId))!;
    });
  }

  async changeStatus(incidentId: number, actorId: string, status: Exclude<Status, 'resolved'>): Promise<Incident> {
    const now = this.deps.clock.now();
    return this.inTransaction(async (tx, r) => {
      const incident = await this.lockOpen(tx, incidentId);
      assertTransition(incident.status, status);
      await this.record(tx, incidentId, 'status_changed', actorId, now, { from: incident.status, to: status });
      await r.incidents.update(tx, incidentId, { status });
      await this.notice(tx, incidentId, now, { type: 'status_changed', actorId, from: incident.status, to: status }, true);
      await this.syncViews(tx, incidentId, now);
      return (await r.incidents.findById(tx, incidentId))!;
    });
  }

  async assignRole(incidentId: number, actorId: string, role: Role, userId: string): Promise<Incident> {
    const now = this.deps.clock.now();
    return this.inTransaction(async (tx, r) => {
      const incident = await this.lockOpen(tx, incidentId);
      const current = { commander: incident.commanderId, comms: incident.commsLeadId, scribe: incident.scribeId }[role];
      if (current === userId) throw new DomainError('invalid_input', 'That person already holds that role.');
      await r.incidents.setRole(tx, incidentId, role, userId, now);
      await this.record(tx, incidentId, 'role_assigned', actorId, now, { role, userId, previous: current });
      await this.enqueue(tx, incidentId, now, { kind: 'channel.invite', userIds: [userId] });
      await this.notice(tx, incidentId, now, { type: 'role_assigned', actorId, role, userId });
      await this.syncViews(tx, incidentId, now);
      return (await r.incidents.findById(tx, incidentId))!;
    });
  }

  async addNote(incidentId: number, actorId: string, text: string): Promise<void> {
    const now = this.deps.clock.now();
    const note = text.trim();
    if (!note) throw new DomainError('invalid_input', 'Write the note after the command: `/incident note <text>`.');
    await this.inTransaction(async (tx) => {
      await this.lockExisting(tx, incidentId);
      await this.record(tx, incidentId, 'note_added', actorId, now, { text: note });
      await this.notice(tx, incidentId, now, { type: 'note_added', actorId, text: note });
    });
  }

  async resolve(incidentId: number, actorId: string, resolution: Resolution, actionItems: NewActionItem[] = []): Promise<Incident> {
    const now = this.deps.clock.now();
    return this.inTransaction(async (tx, r) => {
      const incident = await this.lockOpen(tx, incidentId);
      assertTransition(incident.status, 'resolved');
      await r.incidents.update(tx, incidentId, { status: 'resolved', resolvedAt: now, nextUpdateDueAt: null, resolution });
      await restartReminders(tx, r, incidentId, now, null, { type: 'resolved', by: actorId, at: now.toISO()! });
      await this.record(tx, incidentId, 'resolved', actorId, now, {
        from: incident.status,
        summary: resolution.summary,
        rootCauseConfirmed: resolution.rootCauseConfirmed,
      });
      for (const item of actionItems) {
        const saved = await r.actionItems.insert(tx, incidentId, item, now);
        await this.record(tx, incidentId, 'action_item_added', actorId, now, { actionItemId: saved.id, title: saved.title, horizon: saved.horizon });
      }
      await this.notice(tx, incidentId, now, {
        type: 'resolved',
        actorId,
        summary: resolution.summary,
        rootCause: resolution.rootCause,
        rootCauseConfirmed: resolution.rootCauseConfirmed,
      }, true);
      await this.syncViews(tx, incidentId, now);
      await this.enqueue(tx, incidentId, now, { kind: 'postmortem.publish' });
      return (await r.incidents.findById(tx, incidentId))!;
    });
  }

  async reopen(incidentId: number, actorId: string): Promise<Incident> {
    const now = this.deps.clock.now();
    return this.inTransaction(async (tx, r) => {
      const incident = await this.lockExisting(tx, incidentId);
      if (incident.status !== 'resolved') {
        throw new DomainError('not_resolved', `${incidentRef(incident.id)} is still open; only a resolved incident can be reopened.`);
      }
      const reopened = { ...incident, status: 'investigating' as const, lastUpdateAt: now };
      await r.incidents.update(tx, incidentId, {
        status: 'investigating',
        resolvedAt: null,
        nextUpdateDueAt: nextUpdateDue(reopened, this.deps.cadence),
      });
      await restartReminders(tx, r, incidentId, now, nextUpdateDue(reopened, this.deps.cadence));
      await this.record(tx, incidentId, 'reopened', actorId, now, {});
      await this.notice(tx, incidentId, now, { type: 'reopened', actorId }, true);
      await this.syncViews(tx, incidentId, now);
      return (await r.incidents.findById(tx, incidentId))!;
    });
  }

  findByChannel(channelId: string): Promise<Incident | undefined> {
    return this.deps.repos.incidents.findByChannel(this.deps.db, channelId);
  }

  find(incidentId: number): Promise<Incident | undefined> {
    return this.deps.repos.incidents.findById(this.deps.db, incidentId);
  }

  listOpen(): Promise<Incident[]> {
    return this.deps.repos.incidents.listOpen(this.deps.db);
  }

  private async inTransaction<T>(work: (tx: Executor, repos: Repositories) => Promise<T>): Promise<T> {
    const result = await this.deps.db.transaction((tx) => work(tx, this.deps.repos));
    this.deps.onOutboxWritten?.();
    return result;
  }

  private async lockExisting(tx: Executor, incidentId: number): Promise<Incident> {
    const incident = await this.deps.repos.incidents.findById(tx, incidentId, { forUpdate: true });
    if (!incident) throw new DomainError('not_found', `There is no ${incidentRef(incidentId)}.`);
    return incident;
  }

  private async lockOpen(tx: Executor, incidentId: number): Promise<Incident> {
    const incident = await this.lockExisting(tx, incidentId);
    if (incident.status === 'resolved') {
      throw new DomainError(
        'already_resolved',
        `${incidentRef(incident.id)} is resolved. Use \`/incident reopen\` first if it is back.`,
      );
    }
    return incident;
  }

  private record(tx: Executor, incidentId: number, kind: TimelineKind, actorId: string | null, at: DateTime, data: Record<string, unknown>) {
    return this.deps.repos.timeline.append(tx, { incidentId, kind, actorId, occurredAt: at, data });
  }

  private enqueue(tx: Executor, incidentId: number, now: DateTime, intent: OutboxIntent) {
    return this.deps.repos.outbox.enqueue(tx, { incidentId, kind: intent.kind, payload: intent as unknown as Record<string, unknown>, now });
  }

  private async notice(tx: Executor, incidentId: number, now: DateTime, notice: Notice, alsoInAnnouncementThread = false) {
    await this.enqueue(tx, incidentId, now, { kind: 'notice.post', notice, target: 'incident' });
    if (alsoInAnnouncementThread) {
      await this.enqueue(tx, incidentId, now, { kind: 'notice.post', notice, target: 'announcement_thread' });
    }
  }

  private async syncViews(tx: Executor, incidentId: number, now: DateTime) {
    await this.enqueue(tx, incidentId, now, { kind: 'card.sync' });
    await this.enqueue(tx, incidentId, now, { kind: 'announcement.sync' });
  }
}
