import type { DateTime } from 'luxon';
import { isEmptyPeriod, type InsightsReport } from '../../domain/insights/figures.js';
import type { Texts } from '../../domain/texts/index.js';
import { section } from './elements.js';
import { insightsSummary } from './insights-summary.js';
import type { BlockMessage } from './message.js';

/** A day as the language writes it (luxon's format in the catalog): `2026-12-07`, `2026년 12월 7일`. */
export function digestDay(day: DateTime, texts: Texts): string {
  return day.setLocale(texts.locale).toFormat(texts.insights.dayFormat);
}

/** The weekly digest in #incidents; a week without incidents says so. */
export function insightsDigest(report: InsightsReport, days: number, to: DateTime, texts: Texts): BlockMessage {
  const t = texts.insights.digest;
  const heading = t.heading(digestDay(to, texts));
  if (isEmptyPeriod(report.current)) {
    const text = t.empty(days);
    return { text, blocks: [section(`${heading}\n${text}`)] };
  }
  const summary = insightsSummary({ report, days }, texts);
  return { text: t.fallback(summary.text), blocks: [section(heading), ...summary.blocks] };
}

/** `insights-YYYY-MM-DD.png`, named by the digest's scheduled day. */
export function digestChartName(to: DateTime): string {
  return `insights-${to.toISODate()}.png`;
}
