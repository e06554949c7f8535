import { sql, type SQL } from 'drizzle-orm';
import { parseScenario, type Scenario } from '../../../domain/incident.js';
import type { PhaseDistribution } from '../../../domain/insights/distribution.js';
import { emptyPeriodFigures, type IncidentPhases, type PeriodFigures } from '../../../domain/insights/figures.js';
import type { Period } from '../../../domain/insights/period.js';
import { PHASES } from '../../../domain/insights/phases.js';
import { isSeverity } from '../../../domain/severity.js';
import { iso, num, type Num } from './sql-values.js';

/**
 * The report's questions over `figured` (figures-sql.ts) and their answers as the domain wants
 * them: phase distributions and counts per peak severity, open incidents, repeat candidates.
 */

/** An incident of the period as repeats need it. */
export type RepeatSource = Pick<IncidentPhases, 'id' | 'title' | 'isPrivate' | 'channelId' | 'alertGroups'> & { scenario: Scenario };

export type PeriodPair = { current: PeriodFigures; previous: PeriodFigures };

const phaseColumns = PHASES.map((p) => sql.raw(`
      count(${p}) filter (where not is_drill) as ${p}_n,
      percentile_cont(0.5) within group (order by ${p}) filter (where not is_drill) as ${p}_median,
      percentile_cont(0.9) within group (order by ${p}) filter (where not is_drill) as ${p}_p90,
      coalesce(array_agg(${p} order by ${p}) filter (where not is_drill and ${p} is not null), '{}') as ${p}_values`));

/** Counts and phase distributions per peak severity, `current` telling the period from the one before. */
export const figureRows = (period: Period): SQL => sql`
      select resolved >= ${iso(period.from)}::timestamptz as current, peak,
        count(*) filter (where not is_drill) as resolved, count(*) filter (where is_drill) as drills,
        ${sql.join(phaseColumns, sql`, `)}
      from figured group by 1, 2`;

export function toFigures(rows: AggregateRow[], period: Period, previous: Period): { current: PeriodFigures; previous: PeriodFigures } {
  const figures = { current: emptyPeriodFigures(period), previous: emptyPeriodFigures(previous) };
  for (const row of rows) {
    if (!isSeverity(row.peak)) continue;
    const target = figures[row.current ? 'current' : 'previous'].severities[row.peak];
    target.resolved = num(row.resolved) ?? 0;
    target.drills = num(row.drills) ?? 0;
    for (const p of PHASES) target.phases[p] = distribution(row, p);
  }
  return figures;
}

/** Incidents declared before each period's end and not resolved by then (drills aside), per peak severity. */
export const openRows = (period: Period, previous: Period): SQL => sql`
      select p.current, least(i.severity, (select min(coalesce(e.data->>'severity', least(e.data->>'from', e.data->>'to')))
               from timeline_events e where e.incident_id = i.id and e.kind in ('declared', 'severity_changed'))) as peak,
             count(*) as n
      from (values (true, ${iso(period.to)}::timestamptz), (false, ${iso(previous.to)}::timestamptz)) as p(current, at)
        join incidents i on not i.is_drill and i.declared_at < p.at and (i.status <> 'resolved' or i.resolved_at >= p.at)
      group by 1, 2`;

export interface OpenRow { current: boolean; peak: string; n: Num }

/** The incidents of `source` as repeats need them, drills left out. */
export const repeatRows = (source: string): SQL => sql`
      select c.id, c.resolved, c.title, c.scenario, c.is_private, c.channel_id, coalesce(g.alert_groups, '{}') as alert_groups
      from ${sql.raw(source)} c left join ${alertGroups(source)} g on g.incident_id = c.id
      where not c.is_drill`;

/** The alert groups (`source/group`) that fired into each incident of `source`, in one grouped read. */
export const alertGroups = (source: string): SQL => sql`(
        select a.incident_id, array_agg(distinct a.source || '/' || a.group_key) as alert_groups
        from alerts a where a.incident_id in (select id from ${sql.raw(source)}) group by a.incident_id)`;

/** As arrays, not objects: a quarter has 10,000 of them, and their keys would double what is sent. */
export const REPEAT_ARRAY = sql`json_build_array(x.id, x.title, x.scenario, x.is_private, x.channel_id, x.alert_groups)`;
export type RepeatRow = [id: number, title: string, scenario: string, isPrivate: boolean, channelId: string | null, alertGroups: string[]];

export const toRepeatSources = (rows: RepeatRow[]): RepeatSource[] => rows.flatMap(([id, title, scenarioText, isPrivate, channelId, alertGroups]) => {
  const scenario = parseScenario(scenarioText);
  return scenario ? [{ id, title, scenario, isPrivate, channelId, alertGroups }] : [];
});

export interface AggregateRow extends Record<string, unknown> {
  current: boolean;
  peak: string;
  resolved: Num;
  drills: Num;
}

function distribution(row: AggregateRow, phase: string): PhaseDistribution {
  const values = row[`${phase}_values`];
  const n = row[`${phase}_n`];
  const median = row[`${phase}_median`];
  const p90 = row[`${phase}_p90`];
  const numeric = (v: unknown): number | null => (typeof v === 'number' || typeof v === 'string' ? Number(v) : null);
  // percentile_cont works in float8: 408.00000000000006 is 408 to anyone reading minutes.
  const minutes = (v: unknown): number | null => { const x = numeric(v); return x === null ? null : Math.round(x * 1000) / 1000; };
  return {
    n: numeric(n) ?? 0,
    medianMinutes: minutes(median),
    p90Minutes: minutes(p90),
    valuesMinutes: Array.isArray(values) ? values.map(Number) : [],
  };
}
