import type { CounterChanges } from './counter-comparison.js';

/**
 * One compared metric (`MetricDiff`, bench spec: "Comparison: structs"). Times in milliseconds, percentages in
 * percent.
 */
export interface MetricDiff {
  /** The baseline's value. */
  readonly baseline: number;
  /** The current run's value. */
  readonly current: number;
  /** `(current − baseline) / baseline × 100`, or 0 when the baseline is not positive. */
  readonly delta_pct: number;
  /** How far the metric may grow before it is a regression. */
  readonly tolerance_pct: number;
  /** `delta_pct > tolerance_pct` (strictly). */
  readonly regressed: boolean;
}

/** The verdict of comparing one report with its baseline (`DiffReport`, bench spec: "Comparison: structs"). */
export interface DiffReport {
  /** The current report's scenario name. */
  readonly scenario: string;
  /** `iterations.p50_ms` compared against `wall_time_p50_pct`. */
  readonly p50: MetricDiff;
  /** `iterations.p95_ms` compared against `wall_time_p95_pct`. */
  readonly p95: MetricDiff;
  /**
   * Whether any gated condition regressed: p50, p95, allocation growth, a changed response size, or (our
   * additions) a changed response content of the same size, or instruction growth beyond an opt-in tolerance.
   */
  readonly regressed: boolean;
  /** Notes in the reference's order (target, passes, response size, allocations), then our two additions. */
  readonly notes: readonly string[];
  /**
   * Our addition: the functions and opcodes whose counts changed most, when both reports carry counters
   * (reference reports never do, so a reference baseline keeps the reference's layouts); `null` or absent
   * otherwise.
   */
  readonly changes?: CounterChanges | null;
}
