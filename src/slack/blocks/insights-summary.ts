import type { KnownBlock } from '@slack/types';
import type { PhaseDistribution } from '../../domain/insights/distribution.js';
import type { InsightsReport } from '../../domain/insights/figures.js';
import { PHASES, type Phase } from '../../domain/insights/phases.js';
import { repeatBecause } from '../../domain/insights/repeats.js';
import { SEVERITIES, SEVERITY_INFO, type Severity } from '../../domain/severity.js';
import type { Texts } from '../../domain/texts/index.js';
import { context, section } from './elements.js';
import type { BlockMessage } from './message.js';
import { escapeMrkdwn } from './mrkdwn.js';

export interface InsightsSummaryInput {
  report: InsightsReport;
  days: number;
  /** Only this severity, when the reader asked for one. */
  severity?: Severity;
}

/** 12m, 2h 5m, 1d 3h (12분, 2시간 5분, 1일 3시간): minutes as people read durations. */
export function durationText(minutes: number | null, texts: Texts): string {
  if (minutes === null) return '—';
  const t = texts.insights;
  const m = Math.round(minutes);
  if (m < 60) return t.minutes(m);
  if (m < 1440) return m % 60 === 0 ? t.hours(m / 60) : t.hoursMinutes(Math.floor(m / 60), m % 60);
  const hours = Math.round((m % 1440) / 60);
  return hours === 0 ? t.days(Math.floor(m / 1440)) : t.daysHours(Math.floor(m / 1440), hours);
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

/** Columns a text takes in a monospaced font: Hangul and other wide characters take two. */
function columns(text: string): number {
  return [...text].reduce((sum, ch) => sum + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
}

/** The phase names padded to one width, so the strips line up in the code span. */
function phaseLabel(phase: Phase, texts: Texts): string {
  const width = Math.max(...PHASES.map((p) => columns(texts.insights.phase[p]))) + 1;
  const label = texts.insights.phase[phase];
  return label + ' '.repeat(width - columns(label));
}

function phaseLine(phase: Phase, now: PhaseDistribution, before: PhaseDistribution, texts: Texts): string {
  const t = texts.insights;
  const was = before.n > 0 ? ` ${t.was(durationText(before.medianMinutes, texts))}` : '';
  const figures = now.n === 0 ? t.phaseNone : t.phaseFigures(now.n, `${durationText(now.medianMinutes, texts)}${was}`, durationText(now.p90Minutes, texts));
  return `\`${phaseLabel(phase, texts)}${phaseStrip(now.valuesMinutes)}\` ${figures}`;
}

/** Ephemeral reply to `/incident insights`: figures per peak severity, each phase with its strip. */
export function insightsSummary({ report, days, severity }: InsightsSummaryInput, texts: Texts): BlockMessage {
  const t = texts.insights;
  const severities = severity ? [severity] : SEVERITIES;
  const blocks: KnownBlock[] = [section(t.heading(days))];
  for (const s of severities) {
    const f = report.current.severities[s];
    const before = report.previous.severities[s];
    const head = t.severityHead(SEVERITY_INFO[s].label, f.resolved, before.resolved, f.open, f.drills);
    const lines = f.resolved === 0 ? [t.noneResolved] : PHASES.map((p) => phaseLine(p, f.phases[p], before.phases[p], texts));
    blocks.push(section(`${head}\n${lines.join('\n')}`));
  }
  blocks.push(section(workloadText(report, texts)));
  blocks.push(context(t.legend));
  const totals = severities.map((s) => `${SEVERITY_INFO[s].label} ${report.current.severities[s].resolved}`).join(', ');
  return { text: t.fallback(days, totals), blocks };
}

/** People, follow-ups and repeats in a few lines. */
export function workloadText(report: InsightsReport, texts: Texts): string {
  const t = texts.insights;
  const hours = report.responders.reduce((sum, r) => sum + r.hours, 0);
  const sleep = report.responders.reduce((sum, r) => sum + r.sleepHours, 0);
  const woken = report.responders.filter((r) => r.woken).length;
  const f = report.followups;
  const lines = [t.people(report.responders.length, round1(hours), round1(sleep), woken), t.followUps(f.doneOnTime, f.doneLate, f.overdue, f.open)];
  if (report.repeats.length > 0) {
    const shown = report.repeats.slice(0, REPEATS_SHOWN).map((r) => `${someOf(r.incidents, texts)} (${escapeMrkdwn(repeatBecause(r.reasons, texts))})`);
    lines.push(t.repeats(`${shown.join('; ')}${report.repeats.length > REPEATS_SHOWN ? ` ${t.repeatsMore(report.repeats.length - REPEATS_SHOWN)}` : ''}`));
  }
  return lines.join('\n');
}

const REPEATS_SHOWN = 5;
const REFS_SHOWN = 6;

/** A repeat's first incidents and how many more: a repeat of thousands stays one short line. */
function someOf(refs: readonly string[], texts: Texts): string {
  const shown = refs.slice(0, REFS_SHOWN).join(', ');
  return refs.length > REFS_SHOWN ? `${shown} ${texts.insights.repeatsMore(refs.length - REFS_SHOWN)}` : shown;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** App Home's few lines: per severity, how many were resolved and how long resolving took. */
export function homeInsightsText(report: InsightsReport, texts: Texts): string {
  const t = texts.insights;
  const lines = SEVERITIES.map((s) => {
    const f = report.current.severities[s];
    const resolve = f.phases.resolve;
    const timing = resolve.n === 0 ? '' : ` · ${t.home.timing(durationText(resolve.medianMinutes, texts), durationText(resolve.p90Minutes, texts))}`;
    return `${t.home.line(SEVERITY_INFO[s].label, f.resolved, f.open)}${timing}`;
  });
  return [...lines, workloadText(report, texts), t.home.more].join('\n');
}
