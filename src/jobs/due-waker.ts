import type { DateTime } from 'luxon';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';

export interface DueWakerDeps {
  clock: Clock;
  /** The earliest pending due time. */
  nextDueAt: () => Promise<DateTime | undefined>;
  /** What to do when it comes (send the reminders due). */
  run: () => Promise<unknown>;
  /** The longest it sleeps without looking again (the safety-net tick covers the rest). */
  maxSleepMs: number;
  logger: Logger;
}

/**
 * One timer per replica, set to the earliest pending due time: a reminder due at 14:38:00 goes at
 * 14:38:00, not at the next tick. `changed()` (a NOTIFY from whichever replica changed a due time)
 * re-reads it. Claims stay FOR UPDATE SKIP LOCKED, so however many replicas wake, one sends.
 */
export class DueWaker {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private arming: Promise<void> | undefined;
  private rearm = false;

  constructor(private readonly deps: DueWakerDeps) {}

  start(): void {
    this.changed();
  }

  /** A due time changed somewhere: look again (coalesced while a look is under way). */
  changed(): void {
    if (this.stopped) return;
    if (this.arming) {
      this.rearm = true;
      return;
    }
    this.arming = this.arm()
      .catch((err: unknown) => {
        this.deps.logger.warn({ err }, 'could not read the next due time; the tick carries on');
        this.schedule(this.deps.maxSleepMs);
      })
      .finally(() => {
        this.arming = undefined;
        if (this.rearm) {
          this.rearm = false;
          this.changed();
        }
      });
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private async arm(): Promise<void> {
    const due = await this.deps.nextDueAt();
    const wait = due ? due.toMillis() - this.deps.clock.now().toMillis() : this.deps.maxSleepMs;
    this.schedule(Math.min(Math.max(0, wait), this.deps.maxSleepMs));
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.fire(), ms);
    this.timer.unref();
  }

  private async fire(): Promise<void> {
    this.timer = undefined;
    try {
      await this.deps.run();
    } catch (err) {
      this.deps.logger.error({ err }, 'sending due reminders failed; trying again on the next due time');
    }
    this.changed();
  }
}
