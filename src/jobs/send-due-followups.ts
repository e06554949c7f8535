import type { Logger } from '../logger.js';
import type { FollowupService } from '../services/followup-service.js';
import type { Job } from './scheduler.js';

/** Every replica runs it: action items that fell due are claimed once and their owners messaged. */
export function sendDueFollowupsJob(followups: FollowupService, options: { everySeconds: number; logger: Logger }): Job {
  return {
    name: 'send-due-followups',
    everySeconds: options.everySeconds,
    run: async () => {
      const queued = await followups.tick();
      if (queued > 0) options.logger.info({ queued }, 'due follow-up reminders queued');
    },
  };
}
