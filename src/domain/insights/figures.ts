import type { DateTime } from 'luxon';
import type { Scenario } from '../incident.js';
import { SEVERITIES, type Severity } from '../severity.js';
import type { PhaseDistribution } from './distribution.js';
import type { FollowupFigures } from './followups.js';
import type { ResponderHours } from './people.js';
import type { Period } from './period.js';
import type { Phase } from './phases.js';
import type { Repeat } from './repeats.js';

/** One peak severity's figures in a period; drills count apart and are in no other figure. */
export interface SeverityFigures {
  resolved: number;
  open: number;
  drills: number;
  phases: Record<Phase, PhaseDistribution>;
}

export interface PeriodFigures extends Period {
  severities: Record<Severity, SeverityFigures>;
}

/** One incident of a period with its milestones and phases, as the CSV lists them. */
export interface IncidentPhases {
  id: number;
  title: string;
  severity: Severity;
  peakSeverity: Severity;
  scenario: Scenario;
  isPrivate: boolean;
  isDrill: boolean;
  channelId: string | null;
  alertGroups: string[];
  startedAt: DateTime;
  detectedAt: DateTime;
  acknowledgedAt: DateTime | null;
  mitigatedAt: DateTime | null;
  resolvedAt: DateTime;
  minutes: Record<Phase, number | null>;
}

export interface InsightsReport {
  current: PeriodFigures;
  previous: PeriodFigures;
  responders: ResponderHours[];
  followups: FollowupFigures;
  repeats: Repeat[];
}

export function emptyDistribution(): PhaseDistribution {
  return { n: 0, medianMinutes: null, p90Minutes: null, valuesMinutes: [] };
}

export function emptySeverityFigures(): SeverityFigures {
  const phases = { detect: emptyDistribution(), acknowledge: emptyDistribution(), mitigate: emptyDistribution(), resolve: emptyDistribution() };
  return { resolved: 0, open: 0, drills: 0, phases };
}

export function emptyPeriodFigures(period: Period): PeriodFigures {
  return { ...period, severities: { sev1: emptySeverityFigures(), sev2: emptySeverityFigures(), sev3: emptySeverityFigures() } };
}

/** Whether the period had anything at all to say. */
export function isEmptyPeriod(figures: PeriodFigures): boolean {
  return SEVERITIES.every((s) => {
    const f = figures.severities[s];
    return f.resolved === 0 && f.open === 0 && f.drills === 0;
  });
}
