import type { DateTime } from 'luxon';
import { isEmptyPeriod, type InsightsReport } from '../../domain/insights/figures.js';
import { section } from './elements.js';
import { insightsSummary } from './insights-summary.js';
import type { BlockMessage } from './message.js';

/** The weekly digest in #incidents; a week without incidents says so. */
export function insightsDigest(report: InsightsReport, days: number, to: DateTime): BlockMessage {
  const heading = `:bar_chart: *Weekly insights* to ${to.toISODate()}`;
  if (isEmptyPeriod(report.current)) {
    const text = `No incidents in the last ${days} days.`;
    return { text, blocks: [section(`${heading}\n${text}`)] };
  }
  const summary = insightsSummary({ report, days });
  return { text: `Weekly insights: ${summary.text}`, blocks: [section(heading), ...summary.blocks] };
}

/** `insights-YYYY-MM-DD.png`, named by the digest's scheduled day. */
export function digestChartName(to: DateTime): string {
  return `insights-${to.toISODate()}.png`;
}
