import { sql, type SQL } from 'drizzle-orm';
import { RESPONDER_KINDS } from '../../../domain/insights/phases.js';

/** The kinds the phases read; other entries (reminders, messages, drafts) are never scanned. */
const PHASE_KINDS = [
  ...new Set<string>([...RESPONDER_KINDS, 'declared', 'alert_fired', 'entry_edited', 'entry_removed']),
];

const list = (values: readonly string[]): SQL => sql.join(values.map((v) => sql`${v}`), sql`, `);

const minutes = (from: string, to: string): SQL =>
  sql.raw(`trunc(extract(epoch from (${to} - ${from})) / 60)::int`);

/**
 * `with … phased as (…)`: one row per incident whose last resolution falls in `[lo, hi)`, with
 * its milestones derived from the timeline as it reads now (src/domain/timeline-corrections.ts:
 * the last edit of a note wins, removed notes are gone) and the postmortem's rules
 * (src/domain/postmortem/metrics.ts), and the phases in whole minutes (src/domain/insights/phases.ts).
 * Candidates come from the resolved_at column (indexed); their figures from the events.
 */
export function phasedIncidents(lo: string, hi: string, onlyId?: number): SQL {
  return sql`
with cand as (
  select i.id, i.title, i.severity, i.scenario, i.is_private, i.is_drill, i.channel_id,
         i.started_at, i.detected_at, i.declared_at, i.resolved_at
  from incidents i
  where i.status = 'resolved' and i.resolved_at >= ${lo}::timestamptz and i.resolved_at < ${hi}::timestamptz
    ${onlyId === undefined ? sql`` : sql`and i.id = ${onlyId}`}
),
ev as materialized (
  select e.id, e.incident_id, e.kind, e.actor_id, e.occurred_at, e.data
  from cand c join timeline_events e on e.incident_id = c.id
  where e.kind in (${list(PHASE_KINDS)})
),
fix as (
  select distinct on (entry_id) entry_id, kind, at, milestone
  from (select (data->>'entryId')::bigint as entry_id, kind, id, data->>'at' as at, data->>'milestone' as milestone
        from ev where kind in ('entry_edited', 'entry_removed')) x
  order by entry_id, (kind = 'entry_removed') desc, id desc
),
cur as (
  select ev.id, ev.incident_id, ev.kind, ev.actor_id, ev.data,
    case when ev.kind = 'note_added' and f.kind = 'entry_edited' then f.at::timestamptz else ev.occurred_at end as at,
    case when ev.kind <> 'note_added' then null
         when f.kind = 'entry_edited' then f.milestone else ev.data->>'milestone' end as milestone
  from ev left join fix f on f.entry_id = ev.id
  where ev.kind not in ('entry_edited', 'entry_removed') and f.kind is distinct from 'entry_removed'
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
      filter (where cur.kind in ('declared', 'severity_changed')) as peak_seen
  from cand c left join cur on cur.incident_id = c.id
  group by c.id
),
m as (
  select c.*, a.ack_mark, a.alerted,
    coalesce(a.detected_mark, c.detected_at) as detected,
    coalesce(a.declared_event, c.declared_at) as declared,
    coalesce(a.mitigated_mark, a.monitoring_at) as mitigated,
    case when a.last_resolved is null then c.resolved_at
         when a.last_turn = 'reopened' then null else a.last_resolved end as resolved,
    least(c.severity, a.peak_seen) as peak
  from cand c join agg a on a.id = c.id
),
first_action as (
  select m.id, min(cur.at) as at
  from m join cur on cur.incident_id = m.id
  where cur.actor_id is not null and cur.actor_id <> ''
    and ((cur.kind = 'declared' and m.alerted and cur.at >= m.detected)
      or (cur.kind in (${list([...RESPONDER_KINDS])}) and cur.at >= m.declared))
  group by m.id
),
milestones as (
  select m.*, coalesce(m.ack_mark, fa.at) as acknowledged,
    case when m.ack_mark is not null or m.alerted then m.detected else m.declared end as ack_from
  from m left join first_action fa on fa.id = m.id
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
