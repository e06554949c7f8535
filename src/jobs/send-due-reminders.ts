import type { Logger } from '../logger.js';
import type { ReminderService } from '../services/reminder-service.js';
import type { Job } from './scheduler.js';

/**
 * The reminder tick every replica runs: claims the due reminders (exactly once across replicas)
 * and hands what it queued to the outbox dispatcher.
 */
export function sendDueRemindersJob(
  reminders: ReminderService,
  options: { everySeconds: number; logger: Logger; afterSend?: () => void },
): Job {
  return {
    name: 'send-due-reminders',
    everySeconds: options.everySeconds,
    run: async () => {
      const sent = await reminders.tick();
      if (sent > 0) {
        options.logger.info({ sent }, 'status-update reminders queued');
        options.afterSend?.();
      }
    },
  };
}
