import type { DateTime } from 'luxon';
import { incidentRef } from '../incident.js';
import { SEVERITIES } from '../severity.js';
import type { PhaseDistribution } from './distribution.js';
import type { IncidentPhases, InsightsReport, PeriodFigures, SeverityFigures } from './figures.js';
import { PHASES } from './phases.js';
import { repeatBecause } from './repeats.js';
import { en } from '../texts/index.js';

const isoOf = (dt: DateTime | null): string => (dt ? (dt.toUTC().toISO() ?? '') : '');

function phaseJson(d: PhaseDistribution) {
  return { n: d.n, median_minutes: d.medianMinutes, p90_minutes: d.p90Minutes, values_minutes: d.valuesMinutes };
}

function severityJson(f: SeverityFigures) {
  return {
    resolved: f.resolved, open: f.open, drills: f.drills,
    phases: Object.fromEntries(PHASES.map((p) => [p, phaseJson(f.phases[p])])),
  };
}

function severitiesJson(figures: PeriodFigures) {
  return Object.fromEntries(SEVERITIES.map((s) => [s, severityJson(figures.severities[s])]));
}

/** The JSON `GET /api/insights` answers (the shape in the README). */
export function insightsJson(report: InsightsReport) {
  return {
    from: isoOf(report.current.from),
    to: isoOf(report.current.to),
    severities: severitiesJson(report.current),
    previous: { from: isoOf(report.previous.from), to: isoOf(report.previous.to), severities: severitiesJson(report.previous) },
    responders: report.responders.map((r) => ({
      user: r.userId, hours: r.hours, working_hours: r.workingHours, evening_hours: r.eveningHours, sleep_hours: r.sleepHours,
    })),
    followups: {
      done_on_time: report.followups.doneOnTime, done_late: report.followups.doneLate,
      overdue: report.followups.overdue, open: report.followups.open,
      by_owner: report.followups.byOwner.map((o) => ({ user: o.userId, overdue: o.overdue, open: o.open })),
    },
    repeats: report.repeats.map((r) => ({ incidents: r.incidents, because: repeatBecause(r.reasons, en) })),
  };
}

export const CSV_HEADER = [
  'incident', 'severity', 'peak_severity', 'scenario', 'private', 'drill', 'started_at', 'detected_at', 'acknowledged_at',
  'mitigated_at', 'resolved_at', 'detect_minutes', 'acknowledge_minutes', 'mitigate_minutes', 'resolve_minutes', 'title',
] as const;

/** Quotes a field when it must be; a leading =, +, - or @ is defused so a spreadsheet never runs it. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row per incident; `mayRead` decides whether its title is shown (a private one's is left empty otherwise). */
export function insightsCsv(incidents: readonly IncidentPhases[], mayRead: (incident: IncidentPhases) => boolean): string {
  const lines = [CSV_HEADER.join(',')];
  for (const i of incidents) {
    const minutes = (n: number | null): string => (n === null ? '' : String(n));
    lines.push([
      incidentRef(i.id), i.severity, i.peakSeverity, i.scenario, String(i.isPrivate), String(i.isDrill),
      isoOf(i.startedAt), isoOf(i.detectedAt), isoOf(i.acknowledgedAt), isoOf(i.mitigatedAt), isoOf(i.resolvedAt),
      minutes(i.minutes.detect), minutes(i.minutes.acknowledge), minutes(i.minutes.mitigate), minutes(i.minutes.resolve),
      mayRead(i) ? i.title : '',
    ].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
