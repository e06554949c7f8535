import { sql, type SQL } from 'drizzle-orm';
import { parseScenario } from '../../../domain/incident.js';
import type { PhaseDistribution } from '../../../domain/insights/distribution.js';
import { emptyPeriodFigures, type IncidentPhases, type PeriodFigures } from '../../../domain/insights/figures.js';
import type { Scenario } from '../../../domain/incident.js';
import type { Period } from '../../../domain/insights/period.js';
import { PHASES } from '../../../domain/insights/phases.js';
import { isSeverity } from '../../../domain/severity.js';
import { rowsOf, type Db, type Executor } from '../../client.js';
import type { FollowupRecord } from '../../../domain/insights/followups.js';
import type { Engagement } from '../../../domain/insights/people.js';
import { derivedCtes, figuredCtes, refreshStatement } from './figures-sql.js';
import { ENGAGEMENT_ROWS, followupRows, mergedCtes, toEngagements, toFollowups, type EngagementRow, type FollowupRow } from './workload-sql.js';

import { asIso, iso, maybeUtc, num, utc, type Num } from './sql-values.js';

/** Everything a report reads, from one statement. */
export interface ReportRows {
  figures: { current: PeriodFigures; previous: PeriodFigures };
  incidents: RepeatSource[];
  engagements: Engagement[];
  zones: Map<string, string>;
  followups: FollowupRecord[];
}

const phaseColumns = PHASES.map((p) => sql.raw(`
      count(${p}) filter (where not is_drill) as ${p}_n,
      percentile_cont(0.5) within group (order by ${p}) filter (where not is_drill) as ${p}_median,
      percentile_cont(0.9) within group (order by ${p}) filter (where not is_drill) as ${p}_p90,
      coalesce(array_agg(${p} order by ${p}) filter (where not is_drill and ${p} is not null), '{}') as ${p}_values`));

/** Counts and phase distributions per peak severity, `current` telling the period from the one before. */
const figureRows = (period: Period): SQL => sql`
      select resolved >= ${iso(period.from)}::timestamptz as current, peak,
        count(*) filter (where not is_drill) as resolved, count(*) filter (where is_drill) as drills,
        ${sql.join(phaseColumns, sql`, `)}
      from figured group by 1, 2`;

function toFigures(rows: AggregateRow[], period: Period, previous: Period): { current: PeriodFigures; previous: PeriodFigures } {
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
const openRows = (period: Period, previous: Period): SQL => sql`
      select p.current, least(i.severity, (select min(coalesce(e.data->>'severity', least(e.data->>'from', e.data->>'to')))
               from timeline_events e where e.incident_id = i.id and e.kind in ('declared', 'severity_changed'))) as peak,
             count(*) as n
      from (values (true, ${iso(period.to)}::timestamptz), (false, ${iso(previous.to)}::timestamptz)) as p(current, at)
        join incidents i on not i.is_drill and i.declared_at < p.at and (i.status <> 'resolved' or i.resolved_at >= p.at)
      group by 1, 2`;

interface OpenRow { current: boolean; peak: string; n: Num }

/** The incidents of `source` as repeats need them, drills left out. */
const repeatRows = (source: string): SQL => sql`
      select c.id, c.resolved, c.title, c.scenario, c.is_private, c.channel_id, coalesce(g.alert_groups, '{}') as alert_groups
      from ${sql.raw(source)} c left join ${alertGroups(source)} g on g.incident_id = c.id
      where not c.is_drill`;

/** The alert groups (`source/group`) that fired into each incident of `source`, in one grouped read. */
const alertGroups = (source: string): SQL => sql`(
        select a.incident_id, array_agg(distinct a.source || '/' || a.group_key) as alert_groups
        from alerts a where a.incident_id in (select id from ${sql.raw(source)}) group by a.incident_id)`;

/** As arrays, not objects: a quarter has 10,000 of them, and their keys would double what is sent. */
const REPEAT_ARRAY = sql`json_build_array(x.id, x.title, x.scenario, x.is_private, x.channel_id, x.alert_groups)`;
type RepeatRow = [id: number, title: string, scenario: string, isPrivate: boolean, channelId: string | null, alertGroups: string[]];

const toRepeatSources = (rows: RepeatRow[]): RepeatSource[] => rows.flatMap(([id, title, scenarioText, isPrivate, channelId, alertGroups]) => {
  const scenario = parseScenario(scenarioText);
  return scenario ? [{ id, title, scenario, isPrivate, channelId, alertGroups }] : [];
});

interface AggregateRow extends Record<string, unknown> {
  current: boolean;
  peak: string;
  resolved: Num;
  drills: Num;
}

/** The figures across incidents, aggregated in Postgres (one statement per question). */
export class InsightsRepository {
  /**
   * The whole report's reads in one statement: each incident's figures are read once, over both
   * periods (stored, or derived where stale), and the figures, repeats, people's stretches and
   * follow-ups are read from them.
   */
  async report(ex: Executor, period: Period, previous: Period): Promise<ReportRows> {
    const result = await ex.execute(sql`with ${figuredCtes(iso(previous.from), iso(period.to))},
      current_phased as (select * from figured where resolved >= ${iso(period.from)}::timestamptz),
      ${mergedCtes('current_phased')},
      figure_rows as (${figureRows(period)}),
      repeat_rows as (${repeatRows('current_phased')}),
      engagement_rows as (${ENGAGEMENT_ROWS}),
      followup_rows as (${followupRows('current_phased')}),
      open_rows as (${openRows(period, previous)})
      select (select coalesce(json_agg(x), '[]') from figure_rows x) as figures,
        (select coalesce(json_agg(x), '[]') from open_rows x) as open,
        (select coalesce(json_agg(${REPEAT_ARRAY} order by x.resolved, x.id), '[]') from repeat_rows x) as repeats,
        (select coalesce(json_agg(x), '[]') from engagement_rows x) as engagements,
        (select coalesce(json_agg(x), '[]') from followup_rows x) as followups`);
    const [row] = rowsOf<{ figures: AggregateRow[]; open: OpenRow[]; repeats: RepeatRow[]; engagements: EngagementRow[]; followups: FollowupRow[] }>(result);
    const figures = toFigures(row?.figures ?? [], period, previous);
    for (const r of row?.open ?? []) if (isSeverity(r.peak)) figures[r.current ? 'current' : 'previous'].severities[r.peak].open = num(r.n) ?? 0;
    return {
      figures,
      incidents: toRepeatSources(row?.repeats ?? []),
      ...toEngagements(row?.engagements ?? []),
      followups: toFollowups(row?.followups ?? []),
    };
  }

  /**
   * Runs `work` in one read-only snapshot, so a report's figures agree with each other, without
   * JIT: Postgres cannot tell how few events the partial indexes hold, overestimates, and would
   * spend seconds compiling a plan that runs in milliseconds. A quarter's stretches (about 90,000
   * rows over 10,000 incidents) are sorted in memory rather than spilled to disk.
   */
  async snapshot<T>(db: Db, work: (tx: Executor) => Promise<T>): Promise<T> {
    return db.transaction(async (tx) => {
      await tx.execute(sql`set local jit = off`);
      await tx.execute(sql`set local work_mem = '32MB'`);
      return work(tx);
    }, { isolationLevel: 'repeatable read', accessMode: 'read only' });
  }

  /**
   * Derives afresh the figures of incidents marked stale, in batches, until none is left or
   * `budgetMs` has passed; one replica at a time (the others go on: a report derives what is
   * still stale itself). Answers how many incidents it took.
   */
  async refresh(db: Db, budgetMs = Infinity, batch = 2000): Promise<number> {
    const started = performance.now();
    let total = 0;
    for (;;) {
      const taken = await db.transaction(async (tx) => {
        // The lock before the statement that reads: its snapshot then sees every earlier refresh.
        const [lock] = rowsOf<{ stale: boolean; got: boolean }>(await tx.execute(sql`
          select exists (select 1 from incident_figures_stale) as stale, set_config('jit', 'off', true) is not null
            and pg_try_advisory_xact_lock(hashtextextended('incident_figures', 0)) as got`));
        if (!lock?.stale || !lock.got) return 0;
        const [row] = rowsOf<{ incidents: Num }>(await tx.execute(refreshStatement(batch)));
        return num(row?.incidents ?? null) ?? 0;
      });
      total += taken;
      if (taken < batch || performance.now() - started >= budgetMs) return total;
    }
  }

  /** Every incident of the period (drills included, flagged), by resolution time; or the one `onlyId` names, derived now. */
  async incidents(ex: Executor, period: Period, onlyId?: number): Promise<IncidentPhases[]> {
    const ctes = onlyId === undefined ? figuredCtes(iso(period.from), iso(period.to)) : derivedCtes(iso(period.from), iso(period.to), sql`and i.id = ${onlyId}`);
    const source = sql.raw(onlyId === undefined ? 'figured' : 'derived');
    const result = await ex.execute(sql`with ${ctes}
      select id, title, severity, peak, scenario, is_private, is_drill, channel_id,
        ${asIso('started_at')} as started, ${asIso('detected')} as detected_at, ${asIso('acknowledged')} as acknowledged_at,
        ${asIso('mitigated')} as mitigated_at, ${asIso('resolved')} as resolved_at,
        detect, acknowledge, mitigate, resolve, coalesce(g.alert_groups, '{}') as alert_groups
      from ${source} x left join ${alertGroups(onlyId === undefined ? 'figured' : 'derived')} g on g.incident_id = x.id
      order by resolved, id`);
    return rowsOf<IncidentRow>(result).flatMap((r) => {
      const scenario = parseScenario(r.scenario);
      if (!isSeverity(r.severity) || !isSeverity(r.peak) || !scenario) return [];
      return [{
        id: r.id, title: r.title, severity: r.severity, peakSeverity: r.peak, scenario,
        isPrivate: r.is_private, isDrill: r.is_drill, channelId: r.channel_id, alertGroups: r.alert_groups,
        startedAt: utc(r.started), detectedAt: utc(r.detected_at), acknowledgedAt: maybeUtc(r.acknowledged_at),
        mitigatedAt: maybeUtc(r.mitigated_at), resolvedAt: utc(r.resolved_at),
        minutes: { detect: num(r.detect), acknowledge: num(r.acknowledge), mitigate: num(r.mitigate), resolve: num(r.resolve) },
      }];
    });
  }
}

/** An incident of the period as repeats need it. */
export type RepeatSource = Pick<IncidentPhases, 'id' | 'title' | 'isPrivate' | 'channelId' | 'alertGroups'> & { scenario: Scenario };

interface IncidentRow {
  id: number; title: string; severity: string; peak: string; scenario: string; is_private: boolean; is_drill: boolean;
  channel_id: string | null; alert_groups: string[]; started: string; detected_at: string; acknowledged_at: string | null;
  mitigated_at: string | null; resolved_at: string; detect: Num; acknowledge: Num; mitigate: Num; resolve: Num;
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
