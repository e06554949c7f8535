import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { ChartRenderer, DigestChartInput } from '../../../src/domain/insights/chart.js';
import { emptyPeriodFigures } from '../../../src/domain/insights/figures.js';
import { digestChartSpec, rasterize, VegaChartRenderer } from '../../../src/charts/vega-chart-renderer.js';
import { en, textsFor } from '../../../src/domain/texts/index.js';
import { DigestPublisher } from '../../../src/slack/delivery/insights-digest-publisher.js';

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const LABELS = { axis: 'time to resolve (minutes, log scale)', thisPeriod: 'this period', periodBefore: 'period before' };

describe('the digest chart', () => {
  it('asks the chart port for every resolved incident, this week and the week before faint', async () => {
    const asked: DigestChartInput[] = [];
    const charts: ChartRenderer = {
      render: (input) => {
        asked.push(input);
        return Promise.resolve(new Uint8Array([1]));
      },
    };
    const period = { from: utc('2026-11-16T09:00:00Z'), to: utc('2026-11-23T09:00:00Z') };
    const report = { current: emptyPeriodFigures(period), previous: emptyPeriodFigures(period), responders: [], followups: { doneOnTime: 0, doneLate: 0, overdue: 0, open: 0, byOwner: [] }, repeats: [] };
    report.current.severities.sev1.resolved = 1;
    const dots = [{ severity: 'sev1' as const, resolveMinutes: 65, previous: false }, { severity: 'sev2' as const, resolveMinutes: 30, previous: true }];
    const calls: string[] = [];
    const poster = {
      post: () => {
        calls.push('post');
        return Promise.resolve('1.000');
      },
      update: (_c: string, _ts: string, _m: unknown, o: { fileIds?: string[] } = {}) => {
        calls.push(`update ${o.fileIds?.join()}`);
        return Promise.resolve();
      },
    };
    const publisher = new DigestPublisher({
      digests: { content: () => Promise.resolve({ report, dots }) }, poster, charts, texts: en,
      uploader: {
        upload: (f) => {
          calls.push(`upload ${f.fileName}`);
          return Promise.resolve({ id: 'F1', permalink: null });
        },
      },
    });
    await publisher.publish({ id: 1, attempts: 1, createdAt: period.to }, 'C1', { from: period.from.toISO()!, to: period.to.toISO()! });
    expect(asked).toEqual([{ title: 'Time to resolve, 2026-11-16 – 2026-11-23', labels: LABELS, dots }]);
    expect(calls).toEqual(['post', 'upload insights-2026-11-23.png', 'update F1']);
  });

  it('draws one row per severity on a log time-to-resolve axis', () => {
    const spec = digestChartSpec({ title: 't', labels: LABELS, dots: [{ severity: 'sev3', resolveMinutes: 0, previous: true }] });
    expect(spec).toMatchObject({
      data: { values: [{ severity: 'SEV-3', minutes: 1, period: 'period before' }] },
      encoding: { x: { field: 'minutes', scale: { type: 'log' } }, y: { field: 'severity' } },
    });
  });

  it('is drawn in Korean with BOT_LOCALE=ko: title, axis and legend, with Hangul glyphs the bundled fonts have', async () => {
    const ko = textsFor('ko');
    const { axis, thisPeriod, periodBefore } = ko.insights.chart;
    const spec = digestChartSpec({ title: ko.insights.chart.title('2026년 11월 16일', '2026년 11월 23일'), labels: { axis, thisPeriod, periodBefore }, dots: [{ severity: 'sev1', resolveMinutes: 30, previous: false }] });
    expect(JSON.stringify(spec)).toContain('해결까지 걸린 시간 (분, 로그 눈금)');
    expect(JSON.stringify(spec)).not.toMatch(/this period|period before|log scale/);
    // A font without Hangul draws every syllable as the same empty box, so two words would look alike.
    const word = (text: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30"><text x="4" y="22" font-size="18">${text}</text></svg>`;
    expect(Buffer.from(rasterize(word('해결까지'))).equals(Buffer.from(rasterize(word('이전기간'))))).toBe(false);
    const png = await new VegaChartRenderer().render({ title: 't', labels: { axis, thisPeriod, periodBefore }, dots: [{ severity: 'sev1', resolveMinutes: 30, previous: false }] });
    expect(Buffer.from(png.subarray(1, 4)).toString()).toBe('PNG');
  });
});
