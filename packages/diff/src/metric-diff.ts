import type { MetricDiff } from './types.js';

/**
 * Compares one metric with its baseline (`MetricDiff::new`, bench spec: "Comparison: `MetricDiff::new`"): the
 * relative change in percent, 0 when the baseline is not positive, and a regression only when the change is strictly
 * above the tolerance. A negative change (faster) never regresses while the tolerance is not negative.
 *
 * @param baseline The baseline's value.
 * @param current The current value.
 * @param tolerancePct How far the value may grow, in percent.
 * @returns The comparison.
 */
export function metricDiff(baseline: number, current: number, tolerancePct: number): MetricDiff {
  const deltaPct = baseline > 0 ? ((current - baseline) / baseline) * 100 : 0;
  return {
    baseline,
    current,
    delta_pct: deltaPct,
    tolerance_pct: tolerancePct,
    regressed: deltaPct > tolerancePct,
  };
}
