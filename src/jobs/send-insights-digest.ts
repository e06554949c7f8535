import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { DigestService } from '../services/digest-service.js';
import type { Job } from './scheduler.js';

/**
 * The weekly digest on its schedule. Every replica runs it at the same minute; the scheduled time
 * is that minute, so they all claim the same row and one of them queues the post.
 */
export function sendInsightsDigestJob(digests: Pick<DigestService, 'queue'>, options: { cron: string; timeZone: string; clock: Clock; logger: Logger }): Job {
  return {
    name: 'insights-digest',
    cron: options.cron,
    timeZone: options.timeZone,
    run: async () => {
      const scheduledFor = options.clock.now().startOf('minute');
      const queued = await digests.queue(scheduledFor);
      options.logger.info({ scheduledFor: scheduledFor.toISO(), queued }, queued ? 'insights digest queued' : 'insights digest already claimed');
    },
  };
}
