import { sql, type SQL } from 'drizzle-orm';
import { RESPONDER_KINDS } from '../../../domain/insights/phases.js';
import { RESPONDER_EVENT, SPARSE_EVENT } from '../../timeline-predicates.js';

const quoted = (values: Iterable<string>): string => [...values].map((v) => `'${v}'`).join(', ');
const RESPONDER_LIST = sql.raw(quoted(RESPONDER_KINDS));
/** The kinds the phases read (corrections aside); an edit of anything else changes no figure. */
const PHASE_LIST = sql.raw(quoted(new Set<string>([...RESPONDER_KINDS, 'declared', 'alert_fired'])));

const minutes = (from: string, to: string): SQL =>
  sql.raw(`trunc(extract(epoch from (${to} - ${from})) / 60)::int`);

/**
 * CTEs ending in `phased` (for a `with` list): one row per incident whose last resolution falls
 * in `[lo, hi)` and that `only` (a condition on `incidents i`, starting with `and`) selects, with
 * its milestones derived from the timeline as it reads now (src/domain/timeline-corrections.ts:
 * the last edit of a note wins, removed notes are gone) and the postmortem's rules
 * (src/domain/postmortem/metrics.ts), and the phases in whole minutes (src/domain/insights/phases.ts).
 *
 * Candidates come from the resolved_at column (indexed). Their milestones come from the few
 * events that can carry one (`timeline_sparse_idx`: declarations, status and severity changes,
 * resolutions, alerts, corrections, notes marking a milestone), never from every note; the first
 * responder action is one ordered probe per incident (`timeline_responder_idx`).
 */
export function phaseCtes(lo: string, hi: string, only: SQL = sql``): SQL {
  return sql`
cand as materialized (
  select i.id, i.title, i.severity, i.scenario, i.is_private, i.is_drill, i.channel_id,
         i.started_at, i.detected_at, i.declared_at, i.resolved_at
  from incidents i
  where i.status = 'resolved' and i.resolved_at >= ${lo}::timestamptz and i.resolved_at < ${hi}::timestamptz
    ${only}
),
sparse as materialized (
  select e.id, e.incident_id, e.kind, e.actor_id, e.occurred_at, e.data
  -- One index probe per incident. \`offset 0\` keeps the planner from flattening the lateral into
  -- a scan of every event: it cannot tell how few notes mark a milestone.
  from cand c cross join lateral (
    select * from timeline_events e where e.incident_id = c.id and ${SPARSE_EVENT('e')} offset 0) e
),
fix as (
  select distinct on (entry_id) entry_id, incident_id, kind, at, milestone
  from (select (data->>'entryId')::bigint as entry_id, incident_id, kind, id, data->>'at' as at, data->>'milestone' as milestone
        from sparse where kind in ('entry_edited', 'entry_removed')) x
  order by entry_id, (kind = 'entry_removed') desc, id desc
),
fixed as (select incident_id, array_agg(entry_id) as ids from fix group by incident_id),
cur as (
  select s.id, s.incident_id, s.kind, s.actor_id, s.data, s.occurred_at as at,
    case when s.kind = 'note_added' then s.data->>'milestone' end as milestone
  from sparse s
  where s.kind not in ('entry_edited', 'entry_removed') and not exists (select 1 from fix f where f.entry_id = s.id)
  union all
  select o.id, o.incident_id, o.kind, o.actor_id, o.data,
    case when o.kind = 'note_added' then f.at::timestamptz else o.occurred_at end,
    case when o.kind = 'note_added' then f.milestone end
  from fix f join timeline_events o on o.id = f.entry_id and o.incident_id = f.incident_id
  where f.kind = 'entry_edited' and o.kind in (${PHASE_LIST})
),
agg as (
  select c.id,
    min(cur.at) filter (where cur.milestone = 'detected') as detected_mark,
    min(cur.at) filter (where cur.milestone = 'acknowledged') as ack_mark,
    min(cur.at) filter (where cur.milestone = 'mitigated') as mitigated_mark,
    min(cur.at) filter (where cur.kind = 'status_changed' and cur.data->>'to' = 'monitoring') as monitoring_at,
    min(cur.at) filter (where cur.kind = 'declared') as declared_event,
    coalesce(bool_or(cur.kind = 'alert_fired'), false) as alerted,
    (array_agg(cur.at order by cur.at desc, cur.id desc) filter (where cur.kind = 'resolved'))[1] as last_resolved,
    (array_agg(cur.kind order by cur.at desc, cur.id desc) filter (where cur.kind in ('resolved', 'reopened')))[1] as last_turn,
    min(coalesce(cur.data->>'severity', least(cur.data->>'from', cur.data->>'to')))
      filter (where cur.kind in ('declared', 'severity_changed')) as peak_seen,
    -- A person's actions among these entries (the rest are probed below), and their declarations.
    coalesce(array_agg(cur.at) filter (where cur.actor_id <> '' and cur.kind in (${RESPONDER_LIST})), '{}') as acted_ats,
    coalesce(array_agg(cur.at) filter (where cur.actor_id <> '' and cur.kind = 'declared'), '{}') as declared_ats
  from cand c left join cur on cur.incident_id = c.id
  group by c.id
),
m as (
  select c.*, a.ack_mark, a.alerted, a.acted_ats, a.declared_ats,
    coalesce(a.detected_mark, c.detected_at) as detected,
    coalesce(a.declared_event, c.declared_at) as declared,
    coalesce(a.mitigated_mark, a.monitoring_at) as mitigated,
    case when a.last_resolved is null then c.resolved_at
         when a.last_turn = 'reopened' then null else a.last_resolved end as resolved,
    least(c.severity, a.peak_seen) as peak,
    coalesce(fx.ids, '{}') as fixed_ids
  from cand c join agg a on a.id = c.id left join fixed fx on fx.incident_id = c.id
),
milestones as materialized (
  select m.*,
    -- The first responder action: among the corrected and sparse entries, or the first other
    -- entry by the index's order (entries corrected since are read above, not here).
    coalesce(m.ack_mark, least(
      (select min(x) from unnest(m.acted_ats) x where x >= m.declared),
      case when m.alerted then (select min(x) from unnest(m.declared_ats) x where x >= m.detected) end,
      (select e.occurred_at from timeline_events e
        where e.incident_id = m.id and ${RESPONDER_EVENT('e')} and e.occurred_at >= m.declared and e.id <> all(m.fixed_ids)
        order by e.occurred_at limit 1))) as acknowledged,
    case when m.ack_mark is not null or m.alerted then m.detected else m.declared end as ack_from
  from m
  where m.resolved >= ${lo}::timestamptz and m.resolved < ${hi}::timestamptz
),
phased as (
  select milestones.*,
    ${minutes('started_at', 'detected')} as detect,
    ${minutes('ack_from', 'acknowledged')} as acknowledge,
    ${minutes('started_at', 'mitigated')} as mitigate,
    ${minutes('started_at', 'resolved')} as resolve
  from milestones
)`;
}
