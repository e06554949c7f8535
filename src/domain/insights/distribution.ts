/** One phase across incidents: how many have it, its median and 90th percentile, every value. */
export interface PhaseDistribution {
  n: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  /** Each incident's value, ascending. */
  valuesMinutes: number[];
}

/**
 * The p-quantile with linear interpolation between the closest ranks, as Postgres's
 * `percentile_cont`: position p·(n−1) in the sorted values. `null` for no values.
 */
export function percentileCont(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower]!;
  return low + (sorted[upper]! - low) * (position - lower);
}

/** The distribution of values the repository did not aggregate itself (tests, small sets). */
export function distributionOf(values: readonly number[]): PhaseDistribution {
  return {
    n: values.length,
    medianMinutes: roundTo3(percentileCont(values, 0.5)),
    p90Minutes: roundTo3(percentileCont(values, 0.9)),
    valuesMinutes: [...values].sort((a, b) => a - b),
  };
}

/** Minutes rounded to a tenth, for people to read (the raw figure stays in the JSON). */
export function roundMinutes(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

const roundTo3 = (value: number | null): number | null => (value === null ? null : Math.round(value * 1000) / 1000);
