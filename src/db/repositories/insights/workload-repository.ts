import { sql, type SQL } from 'drizzle-orm';
import { RESPONDER_KINDS } from '../../../domain/insights/phases.js';
import type { FollowupRecord } from '../../../domain/insights/followups.js';
import type { Engagement } from '../../../domain/insights/people.js';
import type { Period } from '../../../domain/insights/period.js';
import { rowsOf, type Executor } from '../../client.js';
import { phasedIncidents } from './phase-sql.js';
import { asIso, iso, maybeUtc, utc } from './sql-values.js';

const list = (values: readonly string[]): SQL => sql.join(values.map((v) => sql`${v}`), sql`, `);

/** Who carried the incidents of a period, and what became of their follow-ups (drills left out). */
export class WorkloadRepository {
  /**
   * Each person's stretches on the period's incidents: holding a role (from its assignment to the
   * next person's, or the resolution; the commander from the declaration) and acting on it (their
   * first to their last entry while it was open); with the zone Slack gave for them, if known.
   */
  async engagements(ex: Executor, period: Period): Promise<{ engagements: Engagement[]; zones: Map<string, string> }> {
    const result = await ex.execute(sql`${phasedIncidents(iso(period.from), iso(period.to))},
      inc as (select id, declared, resolved from phased where not is_drill),
      roles as (
        select e.incident_id, e.id, e.occurred_at as at, e.data->>'role' as role, e.data->>'userId' as user_id
        from inc join timeline_events e on e.incident_id = inc.id where e.kind = 'role_assigned'
        union all
        select e.incident_id, e.id, e.occurred_at, 'commander', e.data->>'commanderId'
        from inc join timeline_events e on e.incident_id = inc.id where e.kind = 'declared'),
      held as (
        select r.user_id, r.at as from_at,
          least(coalesce(lead(r.at) over (partition by r.incident_id, r.role order by r.at, r.id), inc.resolved), inc.resolved) as to_at
        from roles r join inc on inc.id = r.incident_id),
      acted as (
        select e.actor_id as user_id, min(e.occurred_at) as from_at, max(e.occurred_at) as to_at
        from inc join timeline_events e on e.incident_id = inc.id
        where e.actor_id is not null and e.actor_id <> '' and e.kind in (${list([...RESPONDER_KINDS, 'message_pinned'])})
          and e.occurred_at >= inc.declared and e.occurred_at <= inc.resolved
        group by e.incident_id, e.actor_id),
      stretches as (select * from held union all select * from acted)
      select s.user_id, ${asIso('s.from_at')} as from_at, ${asIso('s.to_at')} as to_at, u.tz
      from stretches s left join slack_users u on u.id = s.user_id
      where s.user_id is not null and s.user_id <> '' and s.to_at > s.from_at`);
    const rows = rowsOf<{ user_id: string; from_at: string; to_at: string; tz: string | null }>(result);
    const zones = new Map<string, string>();
    for (const r of rows) if (r.tz) zones.set(r.user_id, r.tz);
    return { engagements: rows.map((r) => ({ userId: r.user_id, from: utc(r.from_at), to: utc(r.to_at) })), zones };
  }

  /** The follow-ups of the period's incidents, with when each was ticked off. */
  async followups(ex: Executor, period: Period): Promise<FollowupRecord[]> {
    const result = await ex.execute(sql`${phasedIncidents(iso(period.from), iso(period.to))}
      select a.owner_id, a.due_date, a.done,
        (select ${asIso('max(e.occurred_at)')} from timeline_events e
          where e.incident_id = a.incident_id and e.kind = 'action_item_done' and e.data->>'actionItemId' = a.id::text) as done_at
      from action_items a join phased p on p.id = a.incident_id
      where not p.is_drill`);
    return rowsOf<{ owner_id: string | null; due_date: string | null; done: boolean; done_at: string | null }>(result).map((r) => ({
      ownerId: r.owner_id, dueDate: r.due_date, done: r.done, doneAt: maybeUtc(r.done_at),
    }));
  }
}
