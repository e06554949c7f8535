import type { Logger } from '../logger.js';
import type { ChecklistNudgeService } from '../services/checklist-nudge-service.js';
import type { Job } from './scheduler.js';

/** Every replica runs it (the safety net beside the due-time waker): each step that fell due is nudged once. */
export function sendDueNudgesJob(nudges: ChecklistNudgeService, options: { everySeconds: number; logger: Logger }): Job {
  return {
    name: 'send-due-nudges',
    everySeconds: options.everySeconds,
    run: async () => {
      const queued = await nudges.tick();
      if (queued > 0) options.logger.info({ queued }, 'checklist nudges queued');
    },
  };
}
