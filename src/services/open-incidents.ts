import type { Db } from '../db/client.js';
import type { Repositories } from '../db/repositories/index.js';
import type { OpenPageRows, OpenReader } from '../db/repositories/open-incident-repository.js';
import type { Incident } from '../domain/incident.js';
import type { Access } from './access.js';

/** Private incidents in which a person holds no role, asked of Slack per read (membership, cached). */
const PRIVATE_CHECKED = 200;

/** A page of the open incidents a person may see, and how many more there are. */
export type OpenPage = OpenPageRows;

/**
 * Reads of open incidents bounded by what is shown: a page, a count, a search. Private incidents
 * show to their people (in SQL) and to members of their channel (asked of Slack through `Access`,
 * for the few private incidents where the person holds no role), so counts are what they may see.
 */
export class OpenIncidents {
  constructor(private readonly deps: { db: Db; repos: Repositories; access?: Access }) {}

  /** With `search`, only those whose title contains it or whose number it is. */
  async page(userId: string, limit: number, search?: string): Promise<OpenPage> {
    return this.deps.repos.openIncidents.page(this.deps.db, await this.reader(userId), limit, search);
  }

  /** The first `limit` the person may see matching `search` (all when empty), uncounted. */
  async first(userId: string, limit: number, search: string): Promise<Incident[]> {
    return this.deps.repos.openIncidents.first(this.deps.db, await this.reader(userId), limit, search);
  }

  /** The first `limit` open incidents where the person holds a role, in rank order, and how many in all (bounded). */
  mine(userId: string, limit: number): Promise<OpenPage> {
    return this.deps.repos.openIncidents.withRole(this.deps.db, userId, limit);
  }

  private async reader(userId: string): Promise<OpenReader> {
    const { access, db, repos } = this.deps;
    if (!access) return { userId, alsoPrivate: [] };
    const candidates = await repos.openIncidents.privateWithoutRole(db, userId, PRIVATE_CHECKED);
    const seen = await Promise.all(candidates.map(({ channelId }) => access.isPrivateChannelMember(userId, channelId)));
    return { userId, alsoPrivate: candidates.filter((_, i) => seen[i]).map((incident) => incident.id) };
  }
}
