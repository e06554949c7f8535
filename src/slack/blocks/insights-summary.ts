import type { KnownBlock } from '@slack/types';
import type { PhaseDistribution } from '../../domain/insights/distribution.js';
import type { InsightsReport } from '../../domain/insights/figures.js';
import { PHASES, type Phase } from '../../domain/insights/phases.js';
import { SEVERITIES, SEVERITY_INFO, type Severity } from '../../domain/severity.js';
import { context, section } from './elements.js';
import type { BlockMessage } from './message.js';
import { escapeMrkdwn } from './mrkdwn.js';

export interface InsightsSummaryInput {
  report: InsightsReport;
  days: number;
  /** Only this severity, when the reader asked for one. */
  severity?: Severity;
}

const PHASE_LABEL: Record<Phase, string> = { detect: 'detect', acknowledge: 'acknowledge', mitigate: 'mitigate', resolve: 'resolve' };

/** 12m, 2h 5m, 1d 3h: minutes as people read durations. */
export function durationText(minutes: number | null): string {
  if (minutes === null) return '—';
  const m = Math.round(minutes);
  if (m < 60) return `${m}m`;
  if (m < 1440) return m % 60 === 0 ? `${m / 60}h` : `${Math.floor(m / 60)}h ${m % 60}m`;
  const hours = Math.round((m % 1440) / 60);
  return hours === 0 ? `${Math.floor(m / 1440)}d` : `${Math.floor(m / 1440)}d ${hours}h`;
}

const STRIP_CELLS = 16;
const STRIP_MAX_MINUTES = 1440;

/** Every incident as a dot on a log axis from a minute to a day: `·` none, `•` one, `●` more. */
export function phaseStrip(values: readonly number[]): string {
  const cells = new Array<number>(STRIP_CELLS).fill(0);
  for (const v of values) {
    const position = Math.log(Math.max(1, v)) / Math.log(STRIP_MAX_MINUTES);
    cells[Math.min(STRIP_CELLS - 1, Math.floor(position * STRIP_CELLS))]! += 1;
  }
  return cells.map((n) => (n === 0 ? '·' : n === 1 ? '•' : '●')).join('');
}

function phaseLine(phase: Phase, now: PhaseDistribution, before: PhaseDistribution): string {
  const was = before.n > 0 ? ` (was ${durationText(before.medianMinutes)})` : '';
  const figures = now.n === 0 ? 'no incident had it' : `n ${now.n} · median ${durationText(now.medianMinutes)}${was} · p90 ${durationText(now.p90Minutes)}`;
  return `\`${PHASE_LABEL[phase].padEnd(11)} ${phaseStrip(now.valuesMinutes)}\` ${figures}`;
}

/** Ephemeral reply to `/incident insights`: figures per peak severity, each phase with its strip. */
export function insightsSummary({ report, days, severity }: InsightsSummaryInput): BlockMessage {
  const severities = severity ? [severity] : SEVERITIES;
  const blocks: KnownBlock[] = [section(`*Insights, the last ${days} days* (the ${days} days before in brackets)`)];
  for (const s of severities) {
    const f = report.current.severities[s];
    const before = report.previous.severities[s];
    const head = `*${SEVERITY_INFO[s].label}* · ${f.resolved} resolved (${before.resolved}) · ${f.open} open · ${f.drills} drills`;
    const lines = f.resolved === 0 ? ['No incident resolved.'] : PHASES.map((p) => phaseLine(p, f.phases[p], before.phases[p]));
    blocks.push(section(`${head}\n${lines.join('\n')}`));
  }
  blocks.push(section(workloadText(report)));
  blocks.push(context('Medians and 90th percentiles of minutes, per peak severity; the strip puts each incident on a scale from a minute to a day. Drills and open incidents stay out of durations.'));
  const totals = severities.map((s) => `${SEVERITY_INFO[s].label} ${report.current.severities[s].resolved}`).join(', ');
  return { text: `Insights, the last ${days} days: ${totals} resolved.`, blocks };
}

/** People, follow-ups and repeats in a few lines. */
export function workloadText(report: InsightsReport): string {
  const hours = report.responders.reduce((sum, r) => sum + r.hours, 0);
  const sleep = report.responders.reduce((sum, r) => sum + r.sleepHours, 0);
  const woken = report.responders.filter((r) => r.woken).length;
  const f = report.followups;
  const lines = [
    `*People:* ${report.responders.length} responders, ${round1(hours)} h on incidents, ${round1(sleep)} h of it in sleep hours; ${woken} woken.`,
    `*Follow-ups:* ${f.doneOnTime} done on time, ${f.doneLate} late, ${f.overdue} overdue, ${f.open} open.`,
  ];
  if (report.repeats.length > 0) {
    const shown = report.repeats.slice(0, 5).map((r) => `${r.incidents.join(', ')} (${escapeMrkdwn(r.because)})`);
    lines.push(`*Repeats:* ${shown.join('; ')}${report.repeats.length > 5 ? ` and ${report.repeats.length - 5} more` : ''}`);
  }
  return lines.join('\n');
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** App Home's few lines: per severity, how many were resolved and how long resolving took. */
export function homeInsightsText(report: InsightsReport): string {
  const lines = SEVERITIES.map((s) => {
    const f = report.current.severities[s];
    const resolve = f.phases.resolve;
    const timing = resolve.n === 0 ? '' : ` · time to resolve median ${durationText(resolve.medianMinutes)}, p90 ${durationText(resolve.p90Minutes)}`;
    return `*${SEVERITY_INFO[s].label}* ${f.resolved} resolved, ${f.open} open${timing}`;
  });
  return [...lines, workloadText(report), `\`/incident insights\` for every phase.`].join('\n');
}
