import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../logger.js';

export interface Job {
  name: string;
  /** Every so many seconds; or `cron`, a node-cron expression read in `timeZone`. */
  everySeconds?: number;
  cron?: string;
  timeZone?: string;
  run(): Promise<unknown> | void;
}

/** Whether node-cron accepts the expression (for config.ts, which must not know node-cron). */
export function isValidCron(expression: string): boolean {
  return cron.validate(expression);
}

/** The only module that knows node-cron. A job still running when its next tick comes is skipped. */
export class Scheduler {
  private readonly tasks: ScheduledTask[] = [];

  constructor(private readonly logger: Logger) {}

  start(jobs: Job[]): void {
    for (const job of jobs) {
      let running = false;
      const task = cron.schedule(job.cron ?? cronEvery(job.everySeconds ?? 60), async () => {
        if (running) return;
        running = true;
        try {
          await job.run();
        } catch (err) {
          this.logger.error({ err, job: job.name }, 'scheduled job failed');
        } finally {
          running = false;
        }
      }, { name: job.name, ...(job.timeZone ? { timezone: job.timeZone } : {}) });
      this.tasks.push(task);
    }
  }

  async stop(): Promise<void> {
    // node-cron's stop() answers a promise or nothing, depending on the task kind.
    await Promise.all(this.tasks.splice(0).map((task) => Promise.resolve(task.stop())));
  }
}

function cronEvery(seconds: number): string {
  if (seconds < 60) return `*/${Math.max(1, Math.round(seconds))} * * * * *`;
  return `0 */${Math.max(1, Math.round(seconds / 60))} * * * *`;
}
