import type { DateTime } from 'luxon';
import type { Executor } from '../../client.js';
import { insightsDigests } from '../../schema.js';

/** Which scheduled digest times have been claimed. */
export class DigestRepository {
  /** True for the one caller that claims `scheduledFor`; everyone else (another replica, a rerun) gets false. */
  async claim(ex: Executor, scheduledFor: DateTime, now: DateTime): Promise<boolean> {
    const rows = await ex
      .insert(insightsDigests)
      .values({ scheduledFor: scheduledFor.toJSDate(), claimedAt: now.toJSDate() })
      .onConflictDoNothing()
      .returning({ at: insightsDigests.scheduledFor });
    return rows.length === 1;
  }
}
