import { and, asc, count, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { Incident } from '../../domain/incident.js';
import { rowsOf, type Executor } from '../client.js';
import { incidents } from '../schema.js';
import type { IncidentRepository } from './incident-repository.js';

/** A page of open incidents and how many in all, up to `OPEN_COUNT_BOUND` (`capped`: there may be more). */
export interface OpenPageRows {
  incidents: Incident[];
  total: number;
  capped: boolean;
}

/** Who is reading: private incidents show to their people, and to those Slack says may see them. */
export interface OpenReader {
  userId: string;
  /** Private open incidents this person may see without holding a role (a member of the channel). */
  alsoPrivate: readonly number[];
}

/**
 * The person holds a role: a role row, or the declarer of an incident with no commander yet (as
 * `toIncident` reads it). Asked per row reached (an index probe each), only of private rows: the
 * `offset 0` keeps Postgres from hashing the subquery, which would read all of the person's roles
 * (thousands for someone who commands often) to check the few private incidents a page reaches.
 */
const holdsRole = (userId: string): SQL => sql`(
  exists (select 1 from incident_roles r where r.incident_id = ${incidents.id} and r.user_id = ${userId} offset 0)
  or (${incidents.declaredBy} = ${userId}
      and not exists (select 1 from incident_roles r where r.incident_id = ${incidents.id} and r.role = 'commander' offset 0)))`;

const idArray = (ids: readonly number[]) => `{${ids.map((id) => Math.trunc(id)).join(',')}}`;

const visibleTo = (reader: OpenReader): SQL =>
  sql`(not ${incidents.isPrivate} or ${holdsRole(reader.userId)} or ${incidents.id} = any(${idArray(reader.alsoPrivate)}::int[]))`;

const open = ne(incidents.status, 'resolved');

/** Title contains the words (any case), or the incident's number is them. */
function matching(text: string): SQL {
  const words = text.trim();
  const number = /^(?:inc-?)?(\d{1,9})$/i.exec(words)?.[1];
  const pattern = `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return number ? sql`(${incidents.id} = ${Number(number)} or ${incidents.title} ilike ${pattern})` : sql`${incidents.title} ilike ${pattern}`;
}
/**
 * Counts stop here: past it a list says "1000+" (counting every open incident a reader may see is
 * a walk over all of them, evaluating privacy per row).
 */
export const OPEN_COUNT_BOUND = 1000;

/**
 * Most severe first, then the most recent, as incidents_open_rank_idx holds them: `nulls last`
 * like the index (drizzle-kit's `desc`), or Postgres reads the whole first severity and sorts it.
 */
const RANK = [asc(incidents.severity), sql`${incidents.declaredAt} desc nulls last`, sql`${incidents.id} desc nulls last`];

/**
 * Reads of open incidents bounded by what a list shows: a page in rank order and a count, never
 * every row. Privacy is in the SQL, so the count is what the reader may see.
 */
export class OpenIncidentRepository {
  constructor(private readonly incidents: IncidentRepository) {}

  /**
   * The first `limit` open incidents the reader may see, and how many there are in all up to
   * `OPEN_COUNT_BOUND` (`capped`: there may be more); with `text`, only those whose title contains
   * it or whose number it is (`INC-12`, `12`).
   */
  async page(ex: Executor, reader: OpenReader, limit: number, text?: string): Promise<OpenPageRows> {
    const where = and(open, visibleTo(reader), text?.trim() ? matching(text) : undefined);
    const ids = await ex.select({ id: incidents.id }).from(incidents).where(where).orderBy(...RANK).limit(limit);
    if (ids.length < limit) return { incidents: await this.inOrder(ex, ids), total: ids.length, capped: false };
    const counted = ex.select({ one: sql`1` }).from(incidents).where(where).limit(OPEN_COUNT_BOUND).as('counted');
    const [row] = await ex.select({ n: count() }).from(counted);
    const total = Math.max(Number(row?.n ?? 0), ids.length);
    return { incidents: await this.inOrder(ex, ids), total, capped: total >= OPEN_COUNT_BOUND };
  }

  /**
   * The first `limit` open incidents the reader may see whose title contains `text` or whose
   * number it is, without counting the rest (a picker that searches as the person types).
   */
  async first(ex: Executor, reader: OpenReader, limit: number, text: string): Promise<Incident[]> {
    const where = and(open, visibleTo(reader), text.trim() ? matching(text) : undefined);
    return this.inOrder(ex, await ex.select({ id: incidents.id }).from(incidents).where(where).orderBy(...RANK).limit(limit));
  }

  /**
   * The first `limit` open incidents where the person holds a role, in rank order, and how many
   * there are up to `OPEN_COUNT_BOUND`, in one statement. Two disjoint branches, each ranked and
   * limited: a role row (Postgres walks incidents_open_rank_idx probing incident_roles_user_idx
   * when the person holds many roles, or starts from their roles when few), and what they declared
   * with no commander yet and no role (incidents_open_declarer_idx). The count walks their roles
   * (incident_roles_user_idx) probing each incident until the bound, rather than hashing them all.
   */
  async withRole(ex: Executor, userId: string, limit: number): Promise<OpenPageRows> {
    const rank = sql`order by i.severity, i.declared_at desc nulls last, i.id desc nulls last`;
    const role = sql`exists (select 1 from incident_roles r where r.incident_id = i.id and r.user_id = ${userId})`;
    const declared = sql`i.declared_by = ${userId} and not ${role}
      and not exists (select 1 from incident_roles c where c.incident_id = i.id and c.role = 'commander')`;
    const ranked = (where: SQL, n: number) => sql`(select i.id, i.severity, i.declared_at from incidents i where i.status <> 'resolved' and ${where} ${rank} limit ${n})`;
    // The bound as a literal: planned with it, the roles are walked in index order and left at the bound.
    const bound = sql.raw(String(OPEN_COUNT_BOUND));
    const roleRows = sql`(select distinct r.incident_id from incident_roles r where r.user_id = ${userId}
      and exists (select 1 from incidents o where o.id = r.incident_id and o.status <> 'resolved' offset 0) order by r.incident_id limit ${bound})`;
    const declaredRows = sql`(select i.id from incidents i where i.status <> 'resolved' and ${declared} limit ${bound})`;
    const rows = rowsOf<{ id: number; total: string | number }>(await ex.execute(sql`
      select i.id, (select count(*) from (${roleRows} union all ${declaredRows} limit ${bound}) c) as total
      from (${ranked(role, limit)} union all ${ranked(declared, limit)}) i
      ${rank} limit ${limit}`));
    const total = Math.max(Number(rows[0]?.total ?? 0), rows.length);
    return { incidents: await this.inOrder(ex, rows), total, capped: total >= OPEN_COUNT_BOUND };
  }

  /**
   * Private open incidents where the person holds no role: those Slack must be asked about
   * (bounded), as their ids and channels only (membership is all that is left to ask).
   */
  async privateWithoutRole(ex: Executor, userId: string, limit: number): Promise<Array<{ id: number; channelId: string | null }>> {
    return ex
      .select({ id: incidents.id, channelId: incidents.channelId })
      .from(incidents)
      .where(and(open, eq(incidents.isPrivate, true), sql`not ${holdsRole(userId)}`))
      .orderBy(desc(incidents.id))
      .limit(limit);
  }

  private async inOrder(ex: Executor, ids: Array<{ id: number }>): Promise<Incident[]> {
    const found = new Map((await this.incidents.findByIds(ex, ids.map((r) => r.id))).map((i) => [i.id, i]));
    return ids.flatMap((r) => found.get(r.id) ?? []);
  }
}
