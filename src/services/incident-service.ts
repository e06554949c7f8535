import type { DateTime } from 'luxon';
import { isDrilling, type Clock } from '../clock.js';
import type { Executor } from '../db/client.js';
import type { Repositories } from '../db/repositories/index.js';
import type { NewActionItem } from '../domain/action-item.js';
import { nextUpdateDue } from '../domain/cadence.js';
import { DomainError } from '../domain/errors.js';
import { assertNotFuture, incidentTimes, TIME_FIELDS } from '../domain/incident-times.js';
import {
  assertTransition, incidentRef, statusAfterUpdate, type Incident, type Role, type Scenario, type Status,
} from '../domain/incident.js';
import { holdsRole } from '../domain/policy.js';
import { SEVERITY_INFO, type CadenceMinutes, type Severity } from '../domain/severity.js';
import type { Resolution, StatusUpdate } from '../domain/timeline.js';
import type { Logger } from '../logger.js';
import type { DeclareInput, UpdateInput } from './incident-inputs.js';
import {
  authorize, IncidentWriter, lockIncident, lockOpenIncident, runInTransaction, withLockedIncident, type IncidentChange, type TransactionDeps,
} from './incident-transaction.js';
import { claimAlertGroup, linkAlertGroup } from './alert-timeline.js';
import { restartReminders } from './reminder-service.js';
import { attachMatching } from './runbook-attachment.js';
import type { Runbook } from '../domain/runbooks/index.js';
import { en, type Texts } from '../domain/texts/index.js';
import { OpenIncidents, type OpenPage } from './open-incidents.js';

export type { DeclareInput, UpdateInput } from './incident-inputs.js';

export interface IncidentServiceDeps extends TransactionDeps {
  clock: Clock;
  cadence: CadenceMinutes;
  logger: Logger;
  /** Told after a resolution has committed (the phase histogram); never awaited, never fails it. */
  onResolved?: (incident: Incident) => void;
  /** The runbook files, read at start-up; matched on declaration and on every severity or scenario change. */
  runbooks?: readonly Runbook[];
  /** The channels' language (BOT_LOCALE) for what the bot writes into the incident itself; English when absent. */
  channelTexts?: Texts;
}

/** The incident use cases; each runs in one transaction that also writes the timeline and outbox. */
export class IncidentService {
  constructor(private readonly deps: IncidentServiceDeps) {}

  /** The same service, applying each change once per `key` (a view submission, a command, a click). */
  forRequest(key: string): IncidentService {
    return new IncidentService({ ...this.deps, requestKey: key });
  }

  async declare(input: DeclareInput): Promise<Incident> {
    const now = this.deps.clock.now();
    return runInTransaction(this.deps, async (tx, repos) => {
      const alert = input.fromAlertId === undefined ? undefined : await repos.alerts.find(tx, input.fromAlertId);
      if (alert) await claimAlertGroup(tx, repos, alert);
      // Declared from an alert's Declare button: the monitoring saw it first.
      const seen = alert && alert.startsAt < now ? alert.startsAt : undefined;
      const incident = await writeDeclaration({ ...this.deps, tx, repos, now }, {
        ...input, startedAt: input.startedAt ?? seen, detectedAt: input.detectedAt ?? seen,
      }, input.declaredBy);
      if (alert) await linkAlertGroup(tx, repos, incident.id, alert, now, this.deps.channelTexts ?? en);
      return incident;
    });
  }

  async postUpdate(input: UpdateInput): Promise<{ incident: Incident; update: StatusUpdate }> {
    await authorize(this.deps, 'post_update', input.authorId, input.incidentId);
    const before = input.scenario ? await this.find(input.incidentId) : undefined;
    if (before && before.scenario !== input.scenario) await authorize(this.deps, 'change_scenario', input.authorId, input.incidentId);
    const status = statusAfterUpdate(input.status);
    return withLockedIncident(this.deps, input.incidentId, lockOpenIncident, async ({ tx, repos, incident, now, writer }) => {
      const update = await repos.updates.insert(tx, {
        incidentId: incident.id,
        authorId: input.authorId,
        status,
        severity: incident.severity,
        fields: input.fields,
        postedAt: now,
      });
      if (status !== incident.status) {
        assertTransition(incident, status);
        await writer.record('status_changed', input.authorId, { from: incident.status, to: status });
      }
      if (input.scenario && input.scenario !== incident.scenario) {
        await recordScenarioChange({ tx, repos, incident, now, writer }, input.authorId, input.scenario);
        await attachMatching({ tx, repos, now, writer }, this.deps.runbooks ?? [], { severity: incident.severity, scenario: input.scenario });
      }
      await writer.record('update_posted', input.authorId, { updateId: update.id, status });
      const due = nextUpdateDue({ ...incident, status, lastUpdateAt: now }, this.deps.cadence);
      await repos.incidents.update(tx, incident.id, { status, lastUpdateAt: now, nextUpdateDueAt: due });
      await restartReminders(tx, repos, incident.id, now, due, { type: 'answered', by: input.authorId, at: now.toISO()! });
      await writer.enqueue({ kind: 'update.post', updateId: update.id, target: 'incident' });
      await writer.enqueue({ kind: 'update.post', updateId: update.id, target: 'announcement_thread' });
      await writer.syncViews();
      return { incident: (await repos.incidents.findById(tx, incident.id))!, update };
    });
  }

  async changeSeverity(incidentId: number, actorId: string, severity: Severity): Promise<Incident> {
    await authorize(this.deps, 'change_severity', actorId, incidentId);
    return withLockedIncident(this.deps, incidentId, lockOpenIncident, async ({ tx, repos, incident, now, writer }) => {
      if (incident.severity === severity) {
        throw new DomainError('invalid_input', (t) => t.errors.severityAlready(incidentRef(incident.id), SEVERITY_INFO[severity].label));
      }
      await writer.record('severity_changed', actorId, { from: incident.severity, to: severity });
      const due = nextUpdateDue({ ...incident, severity }, this.deps.cadence);
      await repos.incidents.update(tx, incidentId, { severity, nextUpdateDueAt: due });
      await restartReminders(tx, repos, incidentId, now, due, { type: 'severity_changed', by: actorId, to: severity, at: now.toISO()!, nextDueAt: due?.toISO() ?? null });
      await writer.notice({ type: 'severity_changed', actorId, from: incident.severity, to: severity }, true);
      await attachMatching({ tx, repos, now, writer }, this.deps.runbooks ?? [], { severity, scenario: incident.scenario });
      await writer.syncViews();
      return (await repos.incidents.findById(tx, incidentId))!;
    });
  }

  async changeStatus(incidentId: number, actorId: string, status: Exclude<Status, 'resolved'>): Promise<Incident> {
    await authorize(this.deps, 'change_status', actorId, incidentId);
    return withLockedIncident(this.deps, incidentId, lockOpenIncident, async ({ tx, repos, incident, writer }) => {
      assertTransition(incident, status);
      await writer.record('status_changed', actorId, { from: incident.status, to: status });
      await repos.incidents.update(tx, incidentId, { status });
      await writer.notice({ type: 'status_changed', actorId, from: incident.status, to: status }, true);
      await writer.syncViews();
      return (await repos.incidents.findById(tx, incidentId))!;
    });
  }

  /**
   * `/incident scenario`: the scenario decides the postmortem draft's own section, so it may change
   * while the incident runs or after it is resolved (then `/incident postmortem` writes it again).
   */
  async changeScenario(incidentId: number, actorId: string, scenario: Scenario): Promise<Incident> {
    await authorize(this.deps, 'change_scenario', actorId, incidentId);
    return withLockedIncident(this.deps, incidentId, lockIncident, async (change) => {
      if (change.incident.scenario === scenario) {
        throw new DomainError('invalid_input', (t) => t.errors.scenarioAlready(incidentRef(incidentId), t.terms.scenario[scenario]));
      }
      await recordScenarioChange(change, actorId, scenario);
      await attachMatching(change, this.deps.runbooks ?? [], { severity: change.incident.severity, scenario });
      await change.writer.syncViews();
      return (await change.repos.incidents.findById(change.tx, incidentId))!;
    });
  }

  async assignRole(incidentId: number, actorId: string, role: Role, userId: string): Promise<Incident> {
    await authorize(this.deps, 'assign_role', actorId, incidentId);
    return withLockedIncident(this.deps, incidentId, lockOpenIncident, async ({ tx, repos, incident, now, writer }) => {
      const current = { commander: incident.commanderId, comms: incident.commsLeadId, scribe: incident.scribeId }[role];
      if (current === userId) throw new DomainError('invalid_input', (t) => t.errors.roleHeldAlready);
      await repos.incidents.setRole(tx, incidentId, role, userId, now);
      await writer.record('role_assigned', actorId, { role, userId, previous: current });
      await writer.enqueue({ kind: 'channel.invite', userIds: [userId] });
      await writer.notice({ type: 'role_assigned', actorId, role, userId });
      await writer.syncViews();
      return (await repos.incidents.findById(tx, incidentId))!;
    });
  }

  /** A note on the timeline; `at`, when given, is when it happened (earlier than now). */
  /** Records the note (at `at`, else now) and returns its timeline entry's id. */
  async addNote(incidentId: number, actorId: string, text: string, at?: DateTime): Promise<number> {
    const note = text.trim();
    if (!note) throw new DomainError('invalid_input', (t) => t.errors.noteMissing);
    await authorize(this.deps, 'add_note', actorId, incidentId);
    return withLockedIncident(this.deps, incidentId, lockIncident, async ({ now, writer }) => {
      if (at) assertNotFuture(at, now, TIME_FIELDS.at);
      const entryId = await writer.recordBackdated('note_added', actorId, { text: note }, at ?? now);
      await writer.notice({ type: 'note_added', actorId, text: note });
      return entryId;
    });
  }

  async resolve(incidentId: number, actorId: string, resolution: Resolution, actionItems: NewActionItem[] = []): Promise<Incident> {
    await authorize(this.deps, 'resolve', actorId, incidentId);
    const resolved = await withLockedIncident(this.deps, incidentId, lockOpenIncident, async ({ tx, repos, incident, now, writer }) => {
      assertTransition(incident, 'resolved');
      await repos.incidents.update(tx, incidentId, { status: 'resolved', resolvedAt: now, nextUpdateDueAt: null, resolution });
      await restartReminders(tx, repos, incidentId, now, null, { type: 'resolved', by: actorId, at: now.toISO()! });
      await writer.record('resolved', actorId, {
        from: incident.status,
        summary: resolution.summary,
        rootCauseConfirmed: resolution.rootCauseConfirmed,
      });
      for (const item of actionItems) {
        const saved = await repos.actionItems.insert(tx, incidentId, item, now);
        await writer.record('action_item_added', actorId, { actionItemId: saved.id, title: saved.title, horizon: saved.horizon });
      }
      await writer.notice({
        type: 'resolved',
        actorId,
        summary: resolution.summary,
        rootCause: resolution.rootCause,
        rootCauseConfirmed: resolution.rootCauseConfirmed,
      }, true);
      await writer.syncViews();
      await writer.enqueue({ kind: 'postmortem.publish' });
      return (await repos.incidents.findById(tx, incidentId))!;
    });
    this.deps.onResolved?.(resolved);
    return resolved;
  }

  async reopen(incidentId: number, actorId: string): Promise<Incident> {
    await authorize(this.deps, 'reopen', actorId, incidentId);
    return withLockedIncident(this.deps, incidentId, lockIncident, async ({ tx, repos, incident, now, writer }) => {
      if (incident.status !== 'resolved') {
        throw new DomainError('not_resolved', (t) => t.errors.stillOpen(incidentRef(incident.id)));
      }
      const due = nextUpdateDue({ ...incident, status: 'investigating', lastUpdateAt: now }, this.deps.cadence);
      await repos.incidents.update(tx, incidentId, { status: 'investigating', resolvedAt: null, nextUpdateDueAt: due });
      await restartReminders(tx, repos, incidentId, now, due);
      await writer.record('reopened', actorId, {});
      await writer.notice({ type: 'reopened', actorId }, true);
      await writer.syncViews();
      return (await repos.incidents.findById(tx, incidentId))!;
    });
  }

  findByChannel(channelId: string): Promise<Incident | undefined> {
    return this.deps.repos.incidents.findByChannel(this.deps.db, channelId);
  }

  find(incidentId: number): Promise<Incident | undefined> {
    return this.deps.repos.incidents.findById(this.deps.db, incidentId);
  }

  /** The last status update posted, so the next one can start from it. */
  lastUpdate(incidentId: number): Promise<StatusUpdate | undefined> {
    return this.deps.repos.updates.latest(this.deps.db, incidentId);
  }

  listOpen(): Promise<Incident[]> {
    return this.deps.repos.incidents.listOpen(this.deps.db);
  }

  /** A page of the open incidents `userId` may see, most severe and most recent first, and how many there are. */
  openPage(userId: string, limit: number, search?: string): Promise<OpenPage> {
    return new OpenIncidents(this.deps).page(userId, limit, search);
  }

  /** Every open incident `userId` may see (unbounded: tests and the CLI; Slack's lists read `openPage`). */
  async listOpenFor(userId: string): Promise<Incident[]> {
    const open = await this.listOpen();
    const visible = await Promise.all(
      open.map((i) => (this.deps.access ? this.deps.access.canSee(userId, i) : Promise.resolve(!i.isPrivate || holdsRole(userId, i)))),
    );
    return open.filter((_, index) => visible[index]);
  }
}

export interface DeclarationContext {
  tx: Executor;
  repos: Repositories;
  now: DateTime;
  clock: Clock;
  cadence: CadenceMinutes;
  /** Attached when they match the new incident, after its channel and card. */
  runbooks?: readonly Runbook[];
  /** The channels' language (BOT_LOCALE) for what the bot writes into the incident itself; English when absent. */
  channelTexts?: Texts;
}

/**
 * Writes a new incident in the caller's transaction: its row, commander, reminders, the
 * `declared` event (by `actorId`; null when an alert declared it) and the channel to open.
 */
export async function writeDeclaration(ctx: DeclarationContext, input: DeclareInput, actorId: string | null): Promise<Incident> {
  const { tx, repos, now } = ctx;
  const title = input.title.trim();
  if (!title) throw new DomainError('invalid_input', (t) => t.errors.titleMissing, 'title');
  const { startedAt, detectedAt } = incidentTimes(input, now);
  const firstDue = now.plus({ minutes: ctx.cadence[input.severity] });
  const id = await repos.incidents.insert(tx, {
    title,
    severity: input.severity,
    scenario: input.scenario,
    impact: input.impact.trim(),
    declaredBy: input.declaredBy,
    startedAt,
    detectedAt,
    declaredAt: now,
    nextUpdateDueAt: firstDue,
    // While the drill clock runs fast, whatever is declared is a drill.
    isDrill: (input.isDrill ?? false) || isDrilling(ctx.clock),
    isPrivate: input.isPrivate ?? false,
  });
  await repos.incidents.setRole(tx, id, 'commander', input.commanderId, now);
  await restartReminders(tx, repos, id, now, firstDue);
  const writer = new IncidentWriter(tx, repos, id, now);
  await writer.record('declared', actorId, { title, severity: input.severity, scenario: input.scenario, commanderId: input.commanderId });
  const invite = [...new Set([input.declaredBy, input.commanderId])];
  await writer.enqueue({ kind: 'channel.create', inviteUserIds: invite });
  await writer.syncViews();
  await attachMatching({ tx, repos, now, writer }, ctx.runbooks ?? [], { severity: input.severity, scenario: input.scenario });
  return (await repos.incidents.findById(tx, id))!;
}

/** The scenario changes: the row, its timeline event and a notice in the incident channel, in the caller's transaction. */
async function recordScenarioChange({ tx, repos, incident, writer }: IncidentChange, actorId: string, scenario: Scenario): Promise<void> {
  await repos.incidents.update(tx, incident.id, { scenario });
  await writer.record('scenario_changed', actorId, { from: incident.scenario, to: scenario });
  await writer.notice({ type: 'scenario_changed', actorId, from: incident.scenario, to: scenario });
}
