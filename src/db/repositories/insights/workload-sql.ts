import { sql, type SQL } from 'drizzle-orm';
import type { FollowupRecord } from '../../../domain/insights/followups.js';
import type { Engagement } from '../../../domain/insights/people.js';
import { RESPONDER_EVENT, SPARSE_EVENT } from '../../timeline-predicates.js';
import { DateTime } from 'luxon';
import { asIso, maybeUtc } from './sql-values.js';

/**
 * Who carried the incidents of a period, and what became of their follow-ups: fragments of the
 * insights statements (figures-sql.ts, insights-repository.ts).
 *
 * CTEs to follow `phased` (phase-sql.ts): `stretches`, each person's stretches on each incident
 * of `phased`: holding a role (from its assignment to the next person's, or the resolution; the
 * commander from the declaration) and acting on it (their first to their last entry while it was
 * open).
 */
export const STRETCH_CTES = sql`
      inc as (select id, declared, resolved from phased),
      roles as (
        select s.incident_id, s.id, s.occurred_at as at, s.data->>'role' as role, s.data->>'userId' as user_id
        from inc join sparse s on s.incident_id = inc.id where s.kind = 'role_assigned'
        union all
        select s.incident_id, s.id, s.occurred_at, 'commander', s.data->>'commanderId'
        from inc join sparse s on s.incident_id = inc.id where s.kind = 'declared'),
      held as (
        select r.incident_id, r.user_id, r.at as from_at,
          least(coalesce(lead(r.at) over (partition by r.incident_id, r.role order by r.at, r.id), inc.resolved), inc.resolved) as to_at
        from roles r join inc on inc.id = r.incident_id),
      -- Each incident's actions while it was open, per person, read from the responder index
      -- alone (and its pinned messages from the sparse one), one incident at a time.
      acted as (
        select inc.id as incident_id, a.actor_id as user_id, a.from_at, a.to_at
        from inc cross join lateral (
          select x.actor_id, min(x.occurred_at) as from_at, max(x.occurred_at) as to_at from (
            select e.actor_id, e.occurred_at from timeline_events e
            where e.incident_id = inc.id and ${RESPONDER_EVENT('e')} and e.occurred_at >= inc.declared and e.occurred_at <= inc.resolved
            union all
            select e.actor_id, e.occurred_at from timeline_events e
            where e.incident_id = inc.id and ${SPARSE_EVENT('e')} and e.kind = 'message_pinned' and e.actor_id <> ''
              and e.occurred_at >= inc.declared and e.occurred_at <= inc.resolved) x
          group by x.actor_id) a),
      -- One person's stretches on one incident merged where they overlap or touch.
      stretches as (
        select x.incident_id, x.user_id, lower(r) as from_at, upper(r) as to_at
        from (select incident_id, user_id, range_agg(tstzrange(from_at, to_at)) as ranges
              from (select * from held union all select * from acted) s
              where user_id <> '' and to_at > from_at group by incident_id, user_id) x
          cross join lateral unnest(x.ranges) as r)`;

/**
 * CTE `merged`: the stretches of the incidents of `source` (drills left out) from their
 * `stretch_*` arrays, one person's overlapping or touching stretches merged into one (as
 * mergeStretches does, by Postgres's range union), so a busy quarter sends a few rows per person,
 * not one per incident and role.
 */
export const mergedCtes = (source: string): SQL => sql`
      merged as (
        select w.user_id, lower(r) as from_at, upper(r) as to_at
        from (select u.user_id, range_agg(tstzrange(u.from_at, u.to_at)) as ranges
              from ${sql.raw(source)} c cross join lateral unnest(c.stretch_users, c.stretch_from, c.stretch_to) as u(user_id, from_at, to_at)
              where not c.is_drill group by u.user_id) w
          cross join lateral unnest(w.ranges) as r)`;

/** The rows of `merged` (times as epoch milliseconds: a quarter has a thousand), with the zone Slack gave for each person, if known. */
export const ENGAGEMENT_ROWS = sql`
      select s.user_id, (extract(epoch from s.from_at) * 1000)::float8 as from_ms, (extract(epoch from s.to_at) * 1000)::float8 as to_ms, u.tz
      from merged s left join slack_users u on u.id = s.user_id`;

export interface EngagementRow { user_id: string; from_ms: number; to_ms: number; tz: string | null }

export function toEngagements(rows: EngagementRow[]): { engagements: Engagement[]; zones: Map<string, string> } {
  const zones = new Map<string, string>();
  for (const r of rows) if (r.tz) zones.set(r.user_id, r.tz);
  const at = (ms: number) => DateTime.fromMillis(ms, { zone: 'utc' });
  return { engagements: rows.map((r) => ({ userId: r.user_id, from: at(r.from_ms), to: at(r.to_ms) })), zones };
}

/** The follow-ups of the incidents of `source` (drills left out), with when each was ticked off. */
export const followupRows = (source: string): SQL => sql`
      select a.owner_id, a.due_date, a.done,
        (select ${asIso('max(e.occurred_at)')} from timeline_events e
          where e.incident_id = a.incident_id and e.kind = 'action_item_done' and e.data->>'actionItemId' = a.id::text) as done_at
      from action_items a join ${sql.raw(source)} p on p.id = a.incident_id
      where not p.is_drill`;

export interface FollowupRow { owner_id: string | null; due_date: string | null; done: boolean; done_at: string | null }

export const toFollowups = (rows: FollowupRow[]): FollowupRecord[] =>
  rows.map((r) => ({ ownerId: r.owner_id, dueDate: r.due_date, done: r.done, doneAt: maybeUtc(r.done_at) }));
