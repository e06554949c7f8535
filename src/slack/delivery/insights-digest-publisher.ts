import { DateTime } from 'luxon';
import type { ChartRenderer } from '../../domain/insights/chart.js';
import type { Texts } from '../../domain/texts/index.js';
import { DIGEST_DAYS, type DigestService } from '../../services/digest-service.js';
import { digestChartName, digestDay, insightsDigest } from '../blocks/insights-digest.js';
import type { SlackFileUploader } from './slack-file-uploader.js';
import type { SlackPoster } from './slack-poster.js';

export interface DigestPublisherDeps {
  digests: Pick<DigestService, 'content'>;
  poster: Pick<SlackPoster, 'post' | 'update'>;
  uploader: Pick<SlackFileUploader, 'upload'>;
  charts: ChartRenderer;
  /** The digest is a channel message: BOT_LOCALE's texts, the chart's too. */
  texts: Texts;
}

/**
 * Posts the digest in #incidents, then attaches its chart to that message (`chat.update` with
 * `file_ids`): a retry finds the message it posted (SlackPoster.post) and posts no second one.
 */
export class DigestPublisher {
  constructor(private readonly deps: DigestPublisherDeps) {}

  async publish(message: Parameters<SlackPoster['post']>[0], channel: string, span: { from: string; to: string }): Promise<void> {
    const { digests, poster, uploader, charts, texts } = this.deps;
    const period = { from: DateTime.fromISO(span.from, { zone: 'utc' }), to: DateTime.fromISO(span.to, { zone: 'utc' }) };
    const { report, dots } = await digests.content(period);
    const rendered = insightsDigest(report, DIGEST_DAYS, period.to, texts);
    const ts = await poster.post(message, { channel }, rendered);
    if (!dots.some((d) => !d.previous)) return;
    const { title, axis, thisPeriod, periodBefore } = texts.insights.chart;
    const png = await charts.render({ title: title(digestDay(period.from, texts), digestDay(period.to, texts)), labels: { axis, thisPeriod, periodBefore }, dots });
    const fileName = digestChartName(period.to);
    const file = await uploader.upload({ fileName, title: fileName, content: png });
    await poster.update(channel, ts, rendered, { fileIds: [file.id] });
  }
}
