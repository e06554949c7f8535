import { lastDays } from '../../../domain/insights/period.js';
import { isSeverity, type Severity } from '../../../domain/severity.js';
import { SLASH_COMMAND } from '../../capabilities.js';
import { withinDeadline } from '../../deadline.js';
import { insightsSummary } from '../../blocks/insights-summary.js';
import { ephemeral, ephemeralError, errorReply, type EphemeralReply } from '../../replies.js';
import type { Subcommand } from './context.js';

export const INSIGHTS_USAGE = 'insights [7d|28d|90d] [sev1|sev2|sev3]';
const PERIODS: Record<string, number> = { '7d': 7, '28d': 28, '90d': 90 };

/** `7d sev1`, `sev2`, ``: the period (28 days unless given) and the severity, in either order. */
export function parseInsightsArgs(args: string): { days: number; severity?: Severity } | undefined {
  let days: number | undefined;
  let severity: Severity | undefined;
  for (const word of args.toLowerCase().split(/\s+/).filter(Boolean)) {
    if (Object.hasOwn(PERIODS, word) && days === undefined) days = PERIODS[word];
    else if (isSeverity(word) && severity === undefined) severity = word;
    else return undefined;
  }
  return { days: days ?? 28, ...(severity ? { severity } : {}) };
}

/** `/incident insights`: the figures across incidents, only to the caller. */
export const insights: Subcommand = async (ctx) => {
  const parsed = parseInsightsArgs(ctx.args);
  if (!parsed) {
    await ctx.ack(ephemeralError(ctx.texts.commandReplies.insightsUsage(`${SLASH_COMMAND} ${INSIGHTS_USAGE}`, `${SLASH_COMMAND} insights 90d sev1`)));
    return;
  }
  const service = ctx.deps.insights;
  if (!service) {
    await ctx.ack(ephemeralError(ctx.texts.commandReplies.insightsUnavailable));
    return;
  }
  const work = async (): Promise<EphemeralReply> => {
    const report = await service.report(lastDays(parsed.days, ctx.deps.clock.now()));
    return { response_type: 'ephemeral', ...insightsSummary({ report, days: parsed.days, severity: parsed.severity }, ctx.texts) };
  };
  const raced = await withinDeadline(work(), ctx.deps.ackDeadlineMs);
  if (raced.state === 'done') return ctx.ack(raced.value);
  if (raced.state === 'failed') return ctx.ack(errorReply(raced.error, ctx.logger, '', ctx.texts));
  await ctx.ack(ephemeral(ctx.texts.commandReplies.insightsCounting));
  const outcome = await raced.later;
  await ctx.respond(outcome.ok ? outcome.value : errorReply(outcome.error, ctx.logger, '', ctx.texts));
};
