import type { Logger } from '../logger.js';
import type { RetentionService } from '../services/retention-service.js';
import type { Job } from './scheduler.js';

/** Hourly on every replica: deleting the same old rows twice is harmless. */
export function pruneOldRowsJob(retention: RetentionService, logger: Logger): Job {
  return {
    name: 'prune-old-rows',
    everySeconds: 3600,
    run: async () => {
      const pruned = await retention.prune();
      if (pruned.events + pruned.outbox + pruned.requests > 0) logger.info(pruned, 'old event ids and delivered outbox rows pruned');
    },
  };
}
