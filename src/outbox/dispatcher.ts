import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../logger.js';
import { backoffSeconds, classifyDeliveryError, type DeliveryFailure } from './failure.js';
import type { ClaimedOutboxRow, OutboxMessage, OutboxRepository, UnreadableOutboxRow } from './outbox-repository.js';

/** Sends one message to its destination; throws to have the failure policy decide what next. */
export type DeliverMessage = (message: OutboxMessage) => Promise<void>;

export interface DispatcherDeps {
  db: Db;
  outbox: OutboxRepository;
  clock: Clock;
  deliver: DeliverMessage;
  /** Says what a destination's error means (rate limit, maybe-sent, never-accepted). */
  classify: (err: unknown) => DeliveryFailure;
  logger: Logger;
  batchSize?: number;
  leaseSeconds?: number;
  maxAttempts?: number;
  /** Runs a delivery under the id of the request that wrote the row, so its log lines name it. */
  runAs?: <T>(requestId: string | undefined, work: () => Promise<T>) => Promise<T>;
}

export interface DispatcherCounts {
  delivered: number;
  retried: number;
  failed: number;
  deadLettered: number;
}

/**
 * Delivers the outbox: claims rows (one per incident at a time, so each incident's messages keep
 * their order), sends, and reschedules failures with backoff or the destination's Retry-After.
 * A message the destination will never accept is marked failed and one this release cannot read
 * is dead-lettered, so neither holds its incident's queue. Any number of replicas may run it.
 */
export class OutboxDispatcher {
  private running: Promise<number> | undefined;
  private again = false;
  private stopping = false;
  /** Rows claimed by this process and not yet settled: their leases are handed back on stop. */
  private readonly inFlight = new Set<number>();
  readonly counts: DispatcherCounts = { delivered: 0, retried: 0, failed: 0, deadLettered: 0 };

  constructor(private readonly deps: DispatcherDeps) {}

  /** Starts a drain unless one is running; a running drain goes round once more. */
  kick(): void {
    if (this.stopping) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drainLoop().finally(() => {
      this.running = undefined;
    });
    this.running.catch((err: unknown) => this.deps.logger.error({ err }, 'outbox drain failed'));
  }

  /** Delivers everything deliverable now; resolves with how many messages were delivered. */
  async drain(): Promise<number> {
    if (this.running) await this.running.catch(() => 0);
    this.running = this.drainLoop().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Waits for a running drain to finish, for shutdown. */
  async drainSettled(): Promise<void> {
    await this.running?.catch(() => 0);
  }

  /**
   * Stops claiming, lets the sends under way finish until `deadline`, then hands the leases of
   * rows still unsettled back, so another replica delivers them at once instead of after the lease.
   */
  async stop(deadline: Promise<void>): Promise<void> {
    this.stopping = true;
    await Promise.race([this.drainSettled(), deadline]);
    const unsettled = [...this.inFlight];
    if (unsettled.length === 0) return;
    await this.deps.outbox.releaseLeases(this.deps.db, unsettled);
    this.deps.logger.warn({ outboxIds: unsettled }, 'shutting down: leases handed back for messages still being sent');
  }

  private async drainLoop(): Promise<number> {
    let delivered = 0;
    do {
      this.again = false;
      while (!this.stopping) {
        const now = this.deps.clock.now();
        const batch = await this.deps.outbox.claim(this.deps.db, now, this.deps.batchSize ?? 25, this.deps.leaseSeconds ?? 60);
        if (batch.length === 0) break;
        const results = await Promise.all(batch.map((c) => this.settle(c)));
        delivered += results.filter((r) => r === 'delivered').length;
        // Another round only when something moved: a dead letter or failure frees its incident's next message.
        if (results.every((r) => r === 'retry')) break;
      }
    } while (this.again);
    return delivered;
  }

  private async settle(claimed: ClaimedOutboxRow): Promise<'delivered' | 'failed' | 'retry' | 'dead'> {
    const id = claimed.readable ? claimed.message.id : claimed.row.id;
    this.inFlight.add(id);
    try {
      return await (claimed.readable ? this.deliverOne(claimed.message) : this.deadLetter(claimed.row));
    } finally {
      this.inFlight.delete(id);
    }
  }

  private async deadLetter(row: UnreadableOutboxRow): Promise<'dead'> {
    this.deps.logger.error(
      { outboxId: row.id, incidentId: row.incidentId, kind: row.kind, reason: row.reason },
      'outbox row cannot be read: dead-lettered',
    );
    await this.deps.outbox.markDead(this.deps.db, row.id, row.reason);
    this.counts.deadLettered += 1;
    return 'dead';
  }

  private deliverOne(message: OutboxMessage): Promise<'delivered' | 'failed' | 'retry'> {
    const runAs = this.deps.runAs ?? ((_id, work) => work());
    return runAs(message.requestId ?? `outbox-${message.id}`, () => this.deliverNow(message));
  }

  private async deliverNow(message: OutboxMessage): Promise<'delivered' | 'failed' | 'retry'> {
    const { outbox, db, clock, logger } = this.deps;
    const log = logger.child({ outboxId: message.id, incidentId: message.incidentId, kind: message.intent.kind });
    try {
      await this.deps.deliver(message);
      await outbox.markDelivered(db, message.id, clock.now());
      this.counts.delivered += 1;
      return 'delivered';
    } catch (err) {
      const failure = classifyDeliveryError(err, this.deps.classify);
      if (failure.type === 'permanent' || message.attempts >= (this.deps.maxAttempts ?? 60)) {
        log.error({ error: failure.message, attempts: message.attempts }, 'outbox message dropped: it will not be accepted');
        await outbox.markFailed(db, message.id, failure.message);
        this.counts.failed += 1;
        return 'failed';
      }
      const delay = failure.type === 'rate_limited' ? failure.retryAfterSeconds : backoffSeconds(message.attempts);
      log.warn({ error: failure.message, retryInSeconds: delay, attempts: message.attempts }, 'outbox delivery will be retried');
      await outbox.retryLater(db, message.id, clock.now().plus({ seconds: delay }), failure.message);
      this.counts.retried += 1;
      return 'retry';
    }
  }
}
