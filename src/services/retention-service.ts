import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import type { Repositories } from '../db/repositories/index.js';

const BATCH = 5000;

/**
 * Deletes what is only kept for a while: handled Slack event ids (the retry window is minutes),
 * keys of applied requests, outbox rows delivered or superseded, and Slack turns
 * (channel_pace) an hour past. In batches, so no statement holds locks for long.
 */
export class RetentionService {
  constructor(private readonly deps: { db: Db; repos: Repositories; clock: Clock; retentionDays: number }) {}

  async prune(): Promise<{ events: number; outbox: number; requests: number; pace: number }> {
    const { db, repos, clock, retentionDays } = this.deps;
    const cutoff = clock.now().minus({ days: retentionDays });
    const drain = async (step: () => Promise<number>) => {
      let total = 0;
      for (let n = await step(); n > 0; n = n === BATCH ? await step() : 0) total += n;
      return total;
    };
    return {
      events: await drain(() => repos.events.pruneBefore(db, cutoff, BATCH)),
      outbox: await drain(() => repos.outbox.pruneSettledBefore(db, cutoff, BATCH)),
      requests: await drain(() => repos.appliedRequests.pruneBefore(db, cutoff, BATCH)),
      pace: await repos.channelPace.prune(db, 3_600_000),
    };
  }
}
