import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { emptyPeriodFigures, type InsightsReport } from '../../../src/domain/insights/figures.js';
import type { Period } from '../../../src/domain/insights/period.js';
import { RecentInsights } from '../../../src/services/recent-insights.js';

/** Records each period asked for; the figures themselves are beside the point here. */
function recording(fail = false) {
  const asked: string[] = [];
  return {
    asked,
    report(period: Period): Promise<InsightsReport> {
      asked.push(`${period.from.toISO()}/${period.to.toISO()}`);
      if (fail) return Promise.reject(new Error('database down'));
      const figures = emptyPeriodFigures(period);
      return Promise.resolve({ current: figures, previous: figures, responders: [], followups: { doneOnTime: 0, doneLate: 0, overdue: 0, open: 0, byOwner: [] }, repeats: [] });
    },
  };
}

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

describe('App Home insights: the last 28 days, computed at most once a minute', () => {
  it('shares one computation across the views of a minute, over the 28 days ending at that minute', async () => {
    const insights = recording();
    const recent = new RecentInsights(insights, 28);
    await recent.report(at('2026-03-10T12:00:05Z'));
    await recent.report(at('2026-03-10T12:00:59.999Z'));
    expect(insights.asked).toEqual(['2026-02-10T12:00:00.000Z/2026-03-10T12:00:00.000Z']);
    await recent.report(at('2026-03-10T12:01:00Z'));
    expect(insights.asked).toHaveLength(2);
  });

  it('does not remember a failure: the next view asks again', async () => {
    const insights = recording(true);
    const recent = new RecentInsights(insights, 28);
    await expect(recent.report(at('2026-03-10T12:00:05Z'))).rejects.toThrow('database down');
    await expect(recent.report(at('2026-03-10T12:00:06Z'))).rejects.toThrow('database down');
    expect(insights.asked).toHaveLength(2);
  });
});
