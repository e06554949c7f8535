import type { PlainTextOption } from '@slack/types';
import { incidentRef, type Incident } from '../../domain/incident.js';
import { SEVERITY_INFO } from '../../domain/severity.js';
import { option } from './elements.js';

/** Slack takes at most 100 options in an answer to a `block_suggestion`. */
export const SUGGESTED_OPTIONS = 100;

const incidentOption = (incident: Incident): PlainTextOption =>
  option(`${incidentRef(incident.id)} · ${SEVERITY_INFO[incident.severity].label} · ${incident.title}`, String(incident.id));

/** The answer to an incident picker's `block_suggestion`: the incidents in the order given, at most 100. */
export function incidentOptions(incidents: readonly Incident[]): { options: PlainTextOption[] } {
  return { options: incidents.slice(0, SUGGESTED_OPTIONS).map(incidentOption) };
}
