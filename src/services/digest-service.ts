import type { DateTime } from 'luxon';
import type { ChartDot } from '../domain/insights/chart.js';
import type { InsightsReport } from '../domain/insights/figures.js';
import { previousPeriod, type Period } from '../domain/insights/period.js';
import type { Clock } from '../clock.js';
import { runInTransaction, type TransactionDeps } from './incident-transaction.js';
import type { InsightsService } from './insights-service.js';

export const DIGEST_DAYS = 7;

export interface DigestServiceDeps extends TransactionDeps {
  clock: Clock;
  insights: InsightsService;
}

/** What the weekly digest shows: the figures, and every resolved incident (this week and the week before) as a dot. */
export interface DigestContent {
  report: InsightsReport;
  dots: ChartDot[];
}

/** The weekly digest in #incidents: claimed once per scheduled time, then posted through the outbox. */
export class DigestService {
  constructor(private readonly deps: DigestServiceDeps) {}

  /**
   * Claims `scheduledFor` and queues its post in one transaction: however many replicas run the
   * schedule, and however often one restarts, only the first claim queues anything.
   */
  async queue(scheduledFor: DateTime): Promise<boolean> {
    const at = scheduledFor.toUTC().startOf('minute');
    const period = { from: at.minus({ days: DIGEST_DAYS }), to: at };
    return runInTransaction(this.deps, async (tx, repos) => {
      if (!(await repos.digests.claim(tx, at, this.deps.clock.now()))) return false;
      await repos.outbox.enqueue(tx, {
        incidentId: null,
        intent: { kind: 'insights.digest', scheduledFor: at.toISO()!, from: period.from.toISO()!, to: period.to.toISO()! },
        now: this.deps.clock.now(),
      });
      return true;
    });
  }

  async content(period: Period): Promise<DigestContent> {
    const { insights } = this.deps;
    const report = await insights.report(period);
    const current = await insights.incidents(period);
    const before = await insights.incidents(previousPeriod(period));
    const dots = [...current.map((i) => ({ i, previous: false })), ...before.map((i) => ({ i, previous: true }))]
      .filter(({ i }) => !i.isDrill && i.minutes.resolve !== null)
      .map(({ i, previous }) => ({ severity: i.peakSeverity, resolveMinutes: i.minutes.resolve ?? 0, previous }));
    return { report, dots };
  }
}
