import { Info } from 'luxon';
import type { Db } from '../db/client.js';
import type { Repositories } from '../db/repositories/index.js';

/** Looks people up in Slack (users.info) and caches what it learns in slack_users; never throws for Slack's sake. */
export interface UserLookup {
  refresh(ids: readonly string[]): Promise<void>;
}

/** The zone a person's wall-clock times are read in, and whether it is theirs or the fallback. */
export interface UserZone {
  zone: string;
  /** False: Slack could not tell us the person's zone, so `zone` is the fallback. */
  known: boolean;
}

export const FALLBACK_ZONE = 'UTC';

/**
 * People's time zones: from the slack_users cache, else asked of Slack (`users.info`) at the
 * moment a time they typed or picked is about to be read. The caller races this against Slack's
 * acknowledgement deadline like the rest of the request's work.
 */
export class UserZones {
  constructor(private readonly deps: { db: Db; repos: Repositories; lookUp?: UserLookup }) {}

  /** The cached zone only; never waits for Slack. */
  async cached(userId: string): Promise<UserZone> {
    const tz = await this.deps.repos.slackUsers.zoneOf(this.deps.db, userId);
    return tz && Info.isValidIANAZone(tz) ? { zone: tz, known: true } : { zone: FALLBACK_ZONE, known: false };
  }

  /**
   * The zone to read this person's time in: the cached one, else what `users.info` says now
   * (and is cached for next time). The fallback only when Slack cannot answer or gives no zone.
   */
  async of(userId: string): Promise<UserZone> {
    const cached = await this.cached(userId);
    if (cached.known || !this.deps.lookUp) return cached;
    await this.deps.lookUp.refresh([userId]);
    return this.cached(userId);
  }
}
