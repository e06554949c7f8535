import type { DateTime } from 'luxon';
import type { Scenario, Status } from '../domain/incident.js';
import type { Severity } from '../domain/severity.js';

/** What `/incident declare` collects. */
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
  isPrivate?: boolean;
  /** Declared from an alert's Declare button: the alert's group joins the incident. */
  fromAlertId?: number;
}

/** A status update as posted from the update modal. */
export interface UpdateInput {
  incidentId: number;
  authorId: string;
  /** What the form said; an update never resolves (see statusAfterUpdate). */
  status: Status;
  fields: Record<string, string>;
  /** The scenario the form says; a different one changes the incident's (a `scenario_changed` event). */
  scenario?: Scenario;
}
