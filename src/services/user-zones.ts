import { Info } from 'luxon';
import type { Db } from '../db/client.js';
import type { Repositories } from '../db/repositories/index.js';

/** Looks people up in Slack (users.info) and caches what it learns in slack_users. */
export interface UserLookup {
  refresh(ids: readonly string[]): Promise<void>;
}

/** The zone a person's wall-clock times are read in, and whether it is theirs or the fallback. */
export interface UserZone {
  zone: string;
  /** False: Slack has not told us the person's zone yet, so `zone` is the fallback. */
  known: boolean;
}

export const FALLBACK_ZONE = 'UTC';

/**
 * People's time zones, from the slack_users cache only: reading one never waits for Slack. A zone
 * not cached yet is learned with `learn`, which the Slack side calls after it has answered.
 */
export class UserZones {
  constructor(private readonly deps: { db: Db; repos: Repositories; lookUp?: UserLookup }) {}

  async of(userId: string): Promise<UserZone> {
    const tz = await this.deps.repos.slackUsers.zoneOf(this.deps.db, userId);
    return tz && Info.isValidIANAZone(tz) ? { zone: tz, known: true } : { zone: FALLBACK_ZONE, known: false };
  }

  /** Asks Slack for the person's zone when it is not cached; best effort, never throws. */
  async learn(userId: string): Promise<void> {
    if ((await this.of(userId)).known || !this.deps.lookUp) return;
    await this.deps.lookUp.refresh([userId]);
  }
}
