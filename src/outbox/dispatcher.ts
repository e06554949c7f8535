import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../logger.js';
import { backoffSeconds, classifyDeliveryError, LeaseExpired, type DeliveryFailure } from './failure.js';
import type { ClaimedOutboxRow, OutboxMessage, OutboxRepository, UnreadableOutboxRow } from './outbox-repository.js';
import type { WorkPermits } from './work-permits.js';

/**
 * What became of a message handed to its destination: `withdrawn` when it turned out to be
 * replaced and was never sent (delivery has already settled its row).
 */
export type DeliveryOutcome = 'sent' | 'withdrawn';

/** Sends one message to its destination; throws to have the failure policy decide what next. */
export type DeliverMessage = (message: OutboxMessage) => Promise<DeliveryOutcome | void>;

export interface DispatcherDeps {
  db: Db;
  outbox: OutboxRepository;
  clock: Clock;
  deliver: DeliverMessage;
  /** Says what a destination's error means (rate limit, maybe-sent, never-accepted). */
  classify: (err: unknown) => DeliveryFailure;
  logger: Logger;
  batchSize?: number;
  /** Messages claimed and not yet settled, at most: those waiting their channel's turn count too. */
  maxInFlight?: number;
  leaseSeconds?: number;
  maxAttempts?: number;
  /** Runs a delivery under the id of the request that wrote the row, so its log lines name it. */
  runAs?: <T>(requestId: string | undefined, work: () => Promise<T>) => Promise<T>;
  /** Told when stopping begins: sends still waiting their turn give up, and their rows go back. */
  onStopping?: () => void;
  /** Bounds the deliveries working at once (src/outbox/work-permits.ts); unbounded without. */
  permits?: WorkPermits;
}

export interface DispatcherCounts {
  delivered: number;
  retried: number;
  failed: number;
  deadLettered: number;
  /** Replaced reminders found never to have reached Slack, so not sent. */
  withdrawn: number;
}

/**
 * Delivers the outbox: claims rows (one per incident at a time, so each incident's messages keep
 * their order), sends, and reschedules failures with backoff or the destination's Retry-After.
 * Claiming does not wait for a batch to finish: while some messages wait their channel's turn
 * (src/slack/delivery/channel-pacer.ts) it claims more, so a busy channel holds no other back.
 * Deliveries that finish together are marked in one statement. A message the destination will
 * never accept is marked failed and one this release cannot read is dead-lettered, so neither
 * holds its incident's queue. Any number of replicas may run it.
 */
export class OutboxDispatcher {
  private running: Promise<number> | undefined;
  private again = false;
  private stopping = false;
  /** Wakes a drain waiting for sends to settle (a kick, a stop). */
  private wake: (() => void) | undefined;
  /** Rows claimed by this process and not yet settled: their leases are handed back on stop. */
  private readonly inFlight = new Set<number>();
  private readonly completions = new DeliveredBatch((ids) => this.deps.outbox.markDeliveredMany(this.deps.db, ids, this.deps.clock.now()));
  private retryTimer: { at: number; timer: NodeJS.Timeout } | undefined;
  readonly counts: DispatcherCounts = { delivered: 0, retried: 0, failed: 0, deadLettered: 0, withdrawn: 0 };

  constructor(private readonly deps: DispatcherDeps) {}

  /** Starts a drain unless one is running; a running drain goes round once more. */
  kick(): void {
    if (this.stopping) return;
    if (this.running) {
      this.again = true;
      this.wake?.();
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
    this.deps.onStopping?.();
    this.wake?.();
    if (this.retryTimer) clearTimeout(this.retryTimer.timer);
    await Promise.race([this.drainSettled(), deadline]);
    const unsettled = [...this.inFlight];
    if (unsettled.length === 0) return;
    await this.deps.outbox.releaseLeases(this.deps.db, unsettled);
    this.deps.logger.warn({ outboxIds: unsettled }, 'shutting down: leases handed back for messages still being sent');
  }

  private async drainLoop(): Promise<number> {
    let delivered = 0;
    const settling = new Set<Promise<void>>();
    const maxInFlight = this.deps.maxInFlight ?? 500;
    for (;;) {
      this.again = false;
      const room = maxInFlight - this.inFlight.size;
      const batch = this.stopping || room <= 0
        ? []
        : await this.deps.outbox.claim(this.deps.db, this.deps.clock.now(), Math.min(this.deps.batchSize ?? 100, room), this.deps.leaseSeconds ?? 60);
      for (const claimed of batch) {
        const done: Promise<void> = this.settle(claimed)
          .then(
            (result) => {
              if (result === 'delivered') delivered += 1;
            },
            // The database failed while settling it: the lease runs out and the row is claimed again.
            (err: unknown) => this.deps.logger.error({ err }, 'outbox delivery could not be settled'),
          )
          .finally(() => {
            settling.delete(done);
            // It may free its incident's next message, also while a claim is already under way
            // (whose snapshot would not see it): go round once more before stopping.
            this.again = true;
          });
        settling.add(done);
      }
      if (batch.length > 0 && batch.length === Math.min(this.deps.batchSize ?? 100, room)) continue;
      if (settling.size === 0) {
        if (this.again && !this.stopping) continue;
        return delivered;
      }
      // Something settling frees its incident's next message: claim again once one has.
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        void Promise.race(settling).then(resolve);
      });
      this.wake = undefined;
    }
  }

  private async settle(claimed: ClaimedOutboxRow): Promise<'delivered' | 'failed' | 'retry' | 'dead' | 'withdrawn'> {
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

  private deliverOne(message: OutboxMessage): Promise<'delivered' | 'failed' | 'retry' | 'withdrawn'> {
    const runAs = this.deps.runAs ?? ((_id, work) => work());
    const work = () => runAs(message.requestId ?? `outbox-${message.id}`, () => this.deliverNow(message));
    return this.deps.permits ? this.deps.permits.run(work) : work();
  }

  /** Comes back for a message put off by `seconds` then, not at the next outbox tick. */
  private kickAfter(seconds: number): void {
    if (this.stopping) return;
    const at = performance.now() + seconds * 1000;
    if (this.retryTimer && this.retryTimer.at <= at) return;
    if (this.retryTimer) clearTimeout(this.retryTimer.timer);
    const timer = setTimeout(() => {
      this.retryTimer = undefined;
      this.kick();
    }, seconds * 1000 + 50);
    timer.unref();
    this.retryTimer = { at, timer };
  }

  private async deliverNow(message: OutboxMessage): Promise<'delivered' | 'failed' | 'retry' | 'withdrawn'> {
    const { outbox, db, clock, logger } = this.deps;
    const log = logger.child({ outboxId: message.id, incidentId: message.incidentId, kind: message.intent.kind });
    try {
      if ((await this.deps.deliver(message)) === 'withdrawn') {
        this.counts.withdrawn += 1;
        return 'withdrawn';
      }
      await this.completions.add(message.id);
      this.counts.delivered += 1;
      return 'delivered';
    } catch (err) {
      if (err instanceof LeaseExpired) {
        // Not ours any more: whoever claims it next sends it (or finds it sent); nothing to write.
        log.warn({ error: err.message }, 'outbox message not sent: its lease ran out while it waited');
        this.counts.retried += 1;
        return 'retry';
      }
      const failure = classifyDeliveryError(err, this.deps.classify);
      if (failure.type === 'permanent' || message.attempts >= (this.deps.maxAttempts ?? 60)) {
        log.error({ error: failure.message, attempts: message.attempts }, 'outbox message dropped: it will not be accepted');
        await outbox.markFailed(db, message.id, failure.message);
        this.counts.failed += 1;
        return 'failed';
      }
      const limited = failure.type === 'rate_limited';
      const delay = limited ? failure.retryAfterSeconds : backoffSeconds(message.attempts);
      log[limited ? 'debug' : 'warn']({ error: failure.message, retryInSeconds: delay, attempts: message.attempts }, 'outbox delivery will be retried');
      // A rate limit means Slack never took it: the attempt does not count.
      await outbox.retryLater(db, message.id, clock.now().plus({ seconds: delay }), failure.message, { attempted: !limited });
      this.counts.retried += 1;
      this.kickAfter(delay);
      return 'retry';
    }
  }
}

/**
 * Deliveries finishing together, marked in one statement: the first waits for none, and those
 * finishing while its statement runs go in the next (a group commit). Each caller's promise
 * settles with its own statement, so a delivery counts as done only once it is recorded.
 */
class DeliveredBatch {
  private waiting: Array<{ id: number; done: () => void; failed: (err: unknown) => void }> = [];
  private writing = false;

  constructor(private readonly markDelivered: (ids: readonly number[]) => Promise<void>) {}

  add(id: number): Promise<void> {
    const added = new Promise<void>((done, failed) => this.waiting.push({ id, done, failed }));
    if (!this.writing) void this.write();
    return added;
  }

  private async write(): Promise<void> {
    this.writing = true;
    while (this.waiting.length > 0) {
      const group = this.waiting;
      this.waiting = [];
      try {
        await this.markDelivered(group.map((g) => g.id));
        for (const g of group) g.done();
      } catch (err) {
        for (const g of group) g.failed(err);
      }
    }
    this.writing = false;
  }
}
