import type { Logger } from '../logger.js';
import type { InsightsService } from '../services/insights-service.js';
import type { Job } from './scheduler.js';

/**
 * Every minute on every replica (one at a time does the work): the figures of incidents whose
 * timelines changed are derived and stored, so a report reads them instead of every event.
 */
export function refreshInsightsFiguresJob(insights: Pick<InsightsService, 'refreshFigures'>, logger: Logger): Job {
  return {
    name: 'refresh-insights-figures',
    everySeconds: 60,
    run: async () => {
      const incidents = await insights.refreshFigures(Infinity);
      if (incidents > 0) logger.debug({ incidents }, 'insights figures refreshed');
    },
  };
}
