import type { DateTime } from 'luxon';
import { DomainError } from './errors.js';
import type { Severity } from './severity.js';

export const STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type Status = (typeof STATUSES)[number];
export const OPEN_STATUSES: readonly Status[] = ['investigating', 'identified', 'monitoring'];

export const STATUS_LABEL: Record<Status, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

export const SCENARIOS = ['database', 'redis', 'deploy', 'overload', 'other'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const SCENARIO_LABEL: Record<Scenario, string> = {
  database: 'Database outage',
  redis: 'Redis / rate-limit backend outage',
  deploy: 'Deploy / release incident',
  overload: 'Overload / traffic surge',
  other: 'Other',
};

export function parseScenario(value: string): Scenario | undefined {
  const v = value.trim().toLowerCase();
  return SCENARIOS.find((scenario) => scenario === v);
}

export const ROLES = ['commander', 'comms', 'scribe'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABEL: Record<Role, string> = {
  commander: 'Commander',
  comms: 'Communications lead',
  scribe: 'Scribe',
};

export interface Incident {
  id: number;
  title: string;
  severity: Severity;
  status: Status;
  scenario: Scenario;
  impact: string;
  commanderId: string;
  commsLeadId: string | null;
  scribeId: string | null;
  declaredBy: string;
  channelId: string | null;
  channelName: string | null;
  /** When impact began; defaults to the declaration. */
  startedAt: DateTime;
  /** When someone or something first noticed; defaults to the declaration. */
  detectedAt: DateTime;
  declaredAt: DateTime;
  lastUpdateAt: DateTime | null;
  nextUpdateDueAt: DateTime | null;
  resolvedAt: DateTime | null;
  isDrill: boolean;
  /** A private channel; #incidents, lists and exports show it only to its members. */
  isPrivate: boolean;
}

export function incidentRef(id: number): string {
  return `INC-${id}`;
}

/** `INC-42`, `inc-42` or `42`. */
export function parseIncidentRef(value: string): number | undefined {
  const match = /^(?:inc-)?(\d{1,9})$/i.exec(value.trim());
  return match ? Number(match[1]) : undefined;
}

const ALLOWED: Record<Status, readonly Status[]> = {
  investigating: ['identified', 'monitoring', 'resolved'],
  identified: ['investigating', 'monitoring', 'resolved'],
  monitoring: ['investigating', 'identified', 'resolved'],
  resolved: ['investigating'],
};

export function canTransition(from: Status, to: Status): boolean {
  return ALLOWED[from].includes(to);
}

/** A resolved incident takes no change but reopening: the one rule, and its one wording. */
export function assertChangeable(incident: Pick<Incident, 'id' | 'status'>): void {
  if (incident.status === 'resolved') {
    throw new DomainError('already_resolved', (t) => t.errors.resolvedReopenFirst(incidentRef(incident.id)));
  }
}

/**
 * The status a status update leaves the incident in: an update cannot resolve (resolving asks for
 * the cause and the follow-ups), so one that says "resolved" leaves it monitoring.
 */
export function statusAfterUpdate(said: Status): Exclude<Status, 'resolved'> {
  return said === 'resolved' ? 'monitoring' : said;
}

/** Throws a DomainError a user can read when the transition is not allowed. */
export function assertTransition(incident: Pick<Incident, 'id' | 'status'>, to: Status): void {
  assertChangeable(incident);
  const from = incident.status;
  if (from === to) {
    throw new DomainError('invalid_transition', (t) => t.errors.statusAlready(t.terms.status[to]));
  }
  if (!canTransition(from, to)) {
    throw new DomainError(
      'invalid_transition',
      (t) => t.errors.cannotMove(t.terms.status[from], t.terms.status[to]),
    );
  }
}

export function parseStatus(value: string): Status | undefined {
  const v = value.trim().toLowerCase();
  return (STATUSES as readonly string[]).includes(v) ? (v as Status) : undefined;
}
