import { sql } from 'drizzle-orm';
import { parseScenario } from '../../../domain/incident.js';
import type { IncidentPhases } from '../../../domain/insights/figures.js';
import type { FollowupRecord } from '../../../domain/insights/followups.js';
import type { Engagement } from '../../../domain/insights/people.js';
import type { Period } from '../../../domain/insights/period.js';
import { isSeverity } from '../../../domain/severity.js';
import { rowsOf, type Db, type Executor } from '../../client.js';
import { ANY_MARKED, derivedCtes, figuredCtes, refreshStatement } from './figures-sql.js';
import {
  alertGroups, figureRows, openRows, REPEAT_ARRAY, repeatRows, toFigures, toRepeatSources,
  type AggregateRow, type OpenRow, type PeriodPair, type RepeatRow, type RepeatSource,
} from './report-sql.js';
import { asIso, iso, maybeUtc, num, utc, type Num } from './sql-values.js';
import { ENGAGEMENT_ROWS, followupRows, mergedCtes, toEngagements, toFollowups, type EngagementRow, type FollowupRow } from './workload-sql.js';

export type { RepeatSource } from './report-sql.js';

/** A report's first read. */
export interface FiguresAndLists {
  figures: PeriodPair;
  incidents: RepeatSource[];
  followups: FollowupRecord[];
}

/** A report's second read. */
export interface People {
  engagements: Engagement[];
  zones: Map<string, string>;
}

/** One of a report's reads, told whether any incident is marked stale in its snapshot. */
export type Read<T> = (tx: Executor, marked: boolean) => Promise<T>;

const snapshotId = /^[0-9A-F]+-[0-9A-F]+(-[0-9A-F]+)?$/;

/** The figures across incidents, aggregated in Postgres. */
export class InsightsRepository {
  /** Whether a report holds a second connection now: one at a time, so reports never exhaust the pool. */
  private secondConnectionInUse = false;

  /**
   * A report's first read, one statement: the figures and open counts of both periods, and the
   * current period's repeat candidates and follow-ups.
   */
  async figuresAndLists(ex: Executor, period: Period, previous: Period, marked: boolean): Promise<FiguresAndLists> {
    const result = await ex.execute(sql`with ${figuredCtes(iso(previous.from), iso(period.to), marked)},
      current_phased as (select * from figured where resolved >= ${iso(period.from)}::timestamptz),
      figure_rows as (${figureRows(period)}),
      repeat_rows as (${repeatRows('current_phased')}),
      followup_rows as (${followupRows('current_phased')}),
      open_rows as (${openRows(period, previous)})
      select (select coalesce(json_agg(x), '[]') from figure_rows x) as figures,
        (select coalesce(json_agg(x), '[]') from open_rows x) as open,
        (select coalesce(json_agg(${REPEAT_ARRAY} order by x.resolved, x.id), '[]') from repeat_rows x) as repeats,
        (select coalesce(json_agg(x), '[]') from followup_rows x) as followups`);
    const [row] = rowsOf<{ figures: AggregateRow[]; open: OpenRow[]; repeats: RepeatRow[]; followups: FollowupRow[] }>(result);
    const figures = toFigures(row?.figures ?? [], period, previous);
    for (const r of row?.open ?? []) if (isSeverity(r.peak)) figures[r.current ? 'current' : 'previous'].severities[r.peak].open = num(r.n) ?? 0;
    return { figures, incidents: toRepeatSources(row?.repeats ?? []), followups: toFollowups(row?.followups ?? []) };
  }

  /** A report's second read: each person's merged stretches on the period's incidents, and their zones. */
  async people(ex: Executor, period: Period, previous: Period, marked: boolean): Promise<People> {
    // The same incidents as the figures' (their timelines may move a resolution across the periods' edge).
    const result = await ex.execute(sql`with ${figuredCtes(iso(previous.from), iso(period.to), marked)},
      current_phased as (select * from figured where resolved >= ${iso(period.from)}::timestamptz),
      ${mergedCtes('current_phased')},
      engagement_rows as (${ENGAGEMENT_ROWS})
      select coalesce(json_agg(x), '[]') as engagements from engagement_rows x`);
    const [row] = rowsOf<{ engagements: EngagementRow[] }>(result);
    return toEngagements(row?.engagements ?? []);
  }

  /**
   * Runs `first` and `second` in one read-only snapshot, telling them whether any incident is
   * marked stale in it: one after the other, or with `parallel`
   * (a Postgres server; PGlite has one connection) side by side, `second` on another connection
   * that imports the snapshot `first`'s exports. At most one report per process holds a second
   * connection, so reports never exhaust the pool.
   */
  async readTogether<A, B>(db: Db, parallel: boolean, first: Read<A>, second: Read<B>): Promise<[A, B]> {
    const together = parallel && !this.secondConnectionInUse;
    if (together) this.secondConnectionInUse = true;
    try {
      return await this.snapshot(db, async (tx) => {
        const [state] = rowsOf<{ marked: boolean; id: string | null }>(await tx.execute(sql`
          select (${ANY_MARKED}) as marked, ${together ? sql`pg_export_snapshot()` : sql`null`} as id`));
        const marked = state?.marked ?? true;
        if (!together) return [await first(tx, marked), await second(tx, marked)];
        const id = state?.id ?? '';
        if (!snapshotId.test(id)) throw new Error(`unexpected snapshot id "${id}"`);
        const beside = this.snapshot(db, (other) => second(other, marked), id);
        // Both settled before either's failure is told, so no read outlives the report.
        const [a, b] = await Promise.allSettled([first(tx, marked), beside]);
        if (a.status === 'rejected') throw a.reason;
        if (b.status === 'rejected') throw b.reason;
        return [a.value, b.value];
      });
    } finally {
      if (together) this.secondConnectionInUse = false;
    }
  }

  /**
   * Runs `work` in one read-only snapshot (or in the `exported` one), so a report's figures agree with each other, without
   * JIT: Postgres cannot tell how few events the partial indexes hold, overestimates, and would
   * spend seconds compiling a plan that runs in milliseconds. A quarter's stretches (about 90,000
   * rows over 10,000 incidents) are merged in memory rather than spilled to disk.
   */
  async snapshot<T>(db: Db, work: (tx: Executor) => Promise<T>, exported?: string): Promise<T> {
    return db.transaction(async (tx) => {
      // Importing a snapshot must come before any query.
      if (exported !== undefined) await tx.execute(sql.raw(`set transaction snapshot '${exported}'`));
      await tx.execute(sql`select set_config('jit', 'off', true), set_config('work_mem', '32MB', true)`);
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
    const [state] = rowsOf<{ marked: boolean }>(await ex.execute(ANY_MARKED));
    const ctes = onlyId === undefined ? figuredCtes(iso(period.from), iso(period.to), state?.marked ?? true) : derivedCtes(iso(period.from), iso(period.to), sql`and i.id = ${onlyId}`);
    const source = onlyId === undefined ? 'figured' : 'derived';
    const result = await ex.execute(sql`with ${ctes}
      select id, title, severity, peak, scenario, is_private, is_drill, channel_id,
        ${asIso('started_at')} as started, ${asIso('detected')} as detected_at, ${asIso('acknowledged')} as acknowledged_at,
        ${asIso('mitigated')} as mitigated_at, ${asIso('resolved')} as resolved_at,
        detect, acknowledge, mitigate, resolve, coalesce(g.alert_groups, '{}') as alert_groups
      from ${sql.raw(source)} x left join ${alertGroups(source)} g on g.incident_id = x.id
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

interface IncidentRow {
  id: number; title: string; severity: string; peak: string; scenario: string; is_private: boolean; is_drill: boolean;
  channel_id: string | null; alert_groups: string[]; started: string; detected_at: string; acknowledged_at: string | null;
  mitigated_at: string | null; resolved_at: string; detect: Num; acknowledge: Num; mitigate: Num; resolve: Num;
}
