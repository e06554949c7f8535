import { sql, type SQL } from 'drizzle-orm';
import { phaseCtes } from './phase-sql.js';
import { STRETCH_CTES } from './workload-sql.js';

/** What `derived` and `figured` hold for each incident, in this order. */
const COLUMNS: readonly string[] = [
  'id', 'title', 'severity', 'peak', 'scenario', 'is_private', 'is_drill', 'channel_id', 'started_at',
  'declared', 'detected', 'acknowledged', 'ack_from', 'mitigated', 'resolved',
  'detect', 'acknowledge', 'mitigate', 'resolve', 'stretch_users', 'stretch_from', 'stretch_to',
];
/** The columns `incident_figures` stores; the rest are read from `incidents` as they are now. */
const STORED: readonly string[] = [
  'declared', 'detected', 'acknowledged', 'ack_from', 'mitigated', 'resolved', 'peak',
  'detect', 'acknowledge', 'mitigate', 'resolve', 'stretch_users', 'stretch_from', 'stretch_to',
];
const STRETCHES: readonly string[] = ['stretch_users', 'stretch_from', 'stretch_to'];
const list = (columns: readonly string[], alias = ''): SQL => sql.raw(columns.map((c) => (alias ? `${alias}.${c}` : c)).join(', '));
/** `COLUMNS` as `derived` selects them from `phased` (p) and the stretches (a; none: empty). */
const DERIVED_SELECT = sql.raw(COLUMNS.map((c) => (STRETCHES.includes(c) ? `coalesce(a.${c}, '{}') as ${c}` : `p.${c}`)).join(', '));
/** `COLUMNS` as a stored row gives them: its figures (f), the rest from the incident as it is now (i). */
const STORED_SELECT = sql.raw(COLUMNS.map((c) => `${STORED.includes(c) ? 'f' : 'i'}.${c}`).join(', '));

/**
 * CTEs ending in `derived`: the figures of the incidents resolved in `[lo, hi)` that `only`
 * selects (a condition on `incidents i`, starting with `and`), derived from their timelines now.
 */
export const derivedCtes = (lo: string, hi: string, only: SQL): SQL => sql`
${phaseCtes(lo, hi, only)},
${STRETCH_CTES},
stretch_arrays as (
  select incident_id, array_agg(user_id order by from_at, user_id, to_at) as stretch_users,
    array_agg(from_at order by from_at, user_id, to_at) as stretch_from, array_agg(to_at order by from_at, user_id, to_at) as stretch_to
  from stretches group by incident_id),
derived as (
  select ${DERIVED_SELECT}
  from phased p left join stretch_arrays a on a.incident_id = p.id)`;

/**
 * CTEs ending in `figured`: every incident resolved in `[lo, hi)` with its figures, read from
 * `incident_figures` where they are fresh and derived now where the incident is marked stale, so
 * a report always tells the timeline as it reads in the report's snapshot. With `marked` false
 * (no mark in the snapshot: every stored row is fresh) the deriving half is left out, and with it
 * most of what Postgres would spend planning the statement.
 */
export const figuredCtes = (lo: string, hi: string, marked: boolean): SQL => {
  const stored = sql`
  select ${STORED_SELECT}
  from incident_figures f join incidents i on i.id = f.incident_id
    ${marked ? sql`
    -- Fresh: not marked. As a join on the distinct marks, which Postgres hashes once, rather than
    -- a probe of the marks' index for each of a quarter's 10,000 incidents.
    left join (select distinct incident_id from incident_figures_stale) stale on stale.incident_id = f.incident_id` : sql``}
  where ${marked ? sql`stale.incident_id is null and ` : sql``}f.resolved >= ${lo}::timestamptz and f.resolved < ${hi}::timestamptz
    and i.status = 'resolved' and i.resolved_at >= ${lo}::timestamptz and i.resolved_at < ${hi}::timestamptz`;
  if (!marked) return sql`figured as (${stored})`;
  return sql`
${derivedCtes(lo, hi, sql`and i.id in (select s.incident_id from incident_figures_stale s)`)},
figured as (${stored}
  union all
  select ${list(COLUMNS)} from derived)`;
};

/** Whether any incident is marked stale in the snapshot reading it. */
export const ANY_MARKED = sql`select exists (select 1 from incident_figures_stale) as marked`;

/**
 * Derives afresh the figures of up to `batch` incidents marked stale, stores them (or drops them:
 * an incident no longer resolved has none) and consumes the marks it read. Marks written after
 * this statement's snapshot stay, so a change that lands meanwhile is derived again next time.
 * Answers how many incidents it took.
 */
export const refreshStatement = (batch: number): SQL => sql`
with seen as materialized (
  select id, incident_id from incident_figures_stale
  where incident_id in (select distinct incident_id from incident_figures_stale order by 1 limit ${batch})),
${derivedCtes('-infinity', 'infinity', sql`and i.id in (select incident_id from seen)`)},
stored as (
  insert into incident_figures (incident_id, ${list(STORED)})
  select id, ${list(STORED)} from derived
  on conflict (incident_id) do update set ${sql.raw(STORED.map((c) => `${c} = excluded.${c}`).join(', '))}
  returning incident_id),
dropped as (
  delete from incident_figures f using (select distinct incident_id from seen) s
  where f.incident_id = s.incident_id and not exists (select 1 from derived d where d.id = f.incident_id)
  returning f.incident_id),
consumed as (delete from incident_figures_stale where id in (select id from seen) returning incident_id)
select (select count(distinct incident_id) from consumed) as incidents,
  (select count(*) from stored) as stored, (select count(*) from dropped) as dropped`;
