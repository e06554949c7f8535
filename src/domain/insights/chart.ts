import type { Severity } from '../severity.js';

/** One resolved incident on the digest's chart. */
export interface ChartDot {
  severity: Severity;
  resolveMinutes: number;
  /** The period before is drawn faint beside it. */
  previous: boolean;
}

/** The chart's words, in the digest's language. */
export interface ChartLabels {
  axis: string;
  thisPeriod: string;
  periodBefore: string;
}

export interface DigestChartInput {
  title: string;
  labels: ChartLabels;
  dots: ChartDot[];
}

/** Draws the digest's chart as PNG bytes; a port, so tests read what it was asked to draw. */
export interface ChartRenderer {
  render(input: DigestChartInput): Promise<Uint8Array>;
}
