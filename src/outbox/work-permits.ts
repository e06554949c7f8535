import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * At most `limit` deliveries work at once (reading the incident, recording what Slack answered),
 * so a storm of deliveries never queues on the database pool ahead of people's requests, nor past
 * the pool's connection timeout. A delivery gives its permit up while it waits its channel's turn
 * and while Slack answers (`idle`): those waits hold no connection, and pacing stays fair.
 */
export class WorkPermits {
  private readonly held = new AsyncLocalStorage<{ holding: boolean }>();
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    const permit = { holding: true };
    try {
      return await this.held.run(permit, work);
    } finally {
      if (permit.holding) this.release();
    }
  }

  /** Runs `wait` without the caller's permit, if it holds one, and takes a permit again after. */
  async idle<T>(wait: () => Promise<T>): Promise<T> {
    const permit = this.held.getStore();
    if (!permit?.holding) return wait();
    permit.holding = false;
    this.release();
    try {
      return await wait();
    } finally {
      await this.acquire();
      permit.holding = true;
    }
  }

  /** Deliveries working now, and those waiting for a permit. */
  stats(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  private acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Hands the permit straight to the next in line, if any. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active -= 1;
  }
}
