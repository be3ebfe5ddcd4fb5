import type { BenchReport } from '@aver/bench-report';
import * as messages from './messages.js';

/** The first impossible value of a baseline: the dot path of its key and what is wrong. */
export interface BaselineProblem {
  readonly key: string;
  readonly message: string;
}

/** The order every percentile definition keeps on one sample set. */
const ORDERED = ['min_ms', 'p50_ms', 'p95_ms', 'p99_ms', 'max_ms'] as const;

/**
 * Checks what the schema cannot: values that no run can produce, or that would make the gate pass whatever the
 * current run does. The schema already rejects negative and non-finite times. Here: the statistics must be
 * ordered (`min ≤ p50 ≤ p95 ≤ p99 ≤ max`, the mean within `[min, max]`), and the compared times (`p50`, `p95`)
 * must be above zero, because the growth over a zero baseline is defined as 0 % (bench spec:
 * "Comparison: `MetricDiff::new`"), so such a baseline could never flag a regression.
 * @param report A report read from a baseline file.
 * @returns The first problem, or `null` when the report is usable as a baseline.
 */
export function checkBaselineValues(report: BenchReport): BaselineProblem | null {
  const stats = report.iterations;
  for (const key of ['p50_ms', 'p95_ms'] as const) {
    if (stats[key] === 0)
      return { key: `iterations.${key}`, message: messages.zeroBaselineTime(`iterations.${key}`) };
  }
  for (let i = 1; i < ORDERED.length; i++) {
    const lower = ORDERED[i - 1];
    const upper = ORDERED[i];
    if (stats[lower] > stats[upper]) {
      return {
        key: `iterations.${lower}`,
        message: messages.statsOutOfOrder(
          `iterations.${lower}`,
          stats[lower],
          `iterations.${upper}`,
          stats[upper],
        ),
      };
    }
  }
  // The mean of floats can land a rounding error outside [min, max]; allow that, not more.
  const slack = Number.EPSILON * 4 * stats.max_ms;
  if (stats.mean_ms < stats.min_ms - slack || stats.mean_ms > stats.max_ms + slack) {
    return {
      key: 'iterations.mean_ms',
      message: messages.meanOutsideRange(stats.mean_ms, stats.min_ms, stats.max_ms),
    };
  }
  return null;
}
