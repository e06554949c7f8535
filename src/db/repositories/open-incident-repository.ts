import { and, asc, count, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { Incident } from '../../domain/incident.js';
import type { Executor } from '../client.js';
import { incidents } from '../schema.js';
import type { IncidentRepository } from './incident-repository.js';

/** Who is reading: private incidents show to their people, and to those Slack says may see them. */
export interface OpenReader {
  userId: string;
  /** Private open incidents this person may see without holding a role (a member of the channel). */
  alsoPrivate: readonly number[];
}

/** The person holds a role: a role row, or the declarer of an incident with no commander yet (as `toIncident` reads it). */
const holdsRole = (userId: string): SQL => sql`(
  exists (select 1 from incident_roles r where r.incident_id = ${incidents.id} and r.user_id = ${userId})
  or (${incidents.declaredBy} = ${userId}
      and not exists (select 1 from incident_roles r where r.incident_id = ${incidents.id} and r.role = 'commander')))`;

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

/** Most severe first, then the most recent (incidents_open_rank_idx). */
const RANK = [asc(incidents.severity), desc(incidents.declaredAt), desc(incidents.id)];

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
  async page(ex: Executor, reader: OpenReader, limit: number, text?: string): Promise<{ incidents: Incident[]; total: number; capped: boolean }> {
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
   * Open incidents where the person holds a role, in rank order: starting from their roles
   * (incident_roles_user_idx) and what they declared (incidents_open_declarer_idx), not from every
   * open incident.
   */
  async withRole(ex: Executor, userId: string, limit: number): Promise<Incident[]> {
    const theirs = sql`(
      select r.incident_id from incident_roles r where r.user_id = ${userId}
      union all
      select d.id from incidents d
      where d.declared_by = ${userId} and d.status <> 'resolved'
        and not exists (select 1 from incident_roles c where c.incident_id = d.id and c.role = 'commander'))`;
    const ids = await ex.select({ id: incidents.id }).from(incidents).where(and(open, sql`${incidents.id} in ${theirs}`)).orderBy(...RANK).limit(limit);
    return this.inOrder(ex, ids);
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
