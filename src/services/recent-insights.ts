import type { DateTime } from 'luxon';
import type { InsightsReport } from '../domain/insights/figures.js';
import { lastDays, type Period } from '../domain/insights/period.js';

/**
 * The last few days' figures for App Home, computed at most once a minute per process: every
 * viewer is shown the same figures (no private incident's words), and a busy quarter costs one
 * query a minute instead of one per view. Views within the same minute share one computation.
 */
export class RecentInsights {
  private cached?: { minute: number; report: Promise<InsightsReport> };

  constructor(
    private readonly insights: { report(period: Period): Promise<InsightsReport> },
    private readonly days: number,
  ) {}

  report(now: DateTime): Promise<InsightsReport> {
    const minute = now.startOf('minute');
    if (this.cached?.minute === minute.toMillis()) return this.cached.report;
    const report = this.insights.report(lastDays(this.days, minute));
    const entry = { minute: minute.toMillis(), report };
    this.cached = entry;
    // A failure is not remembered: the next view asks again.
    report.catch(() => {
      if (this.cached === entry) this.cached = undefined;
    });
    return report;
  }
}
