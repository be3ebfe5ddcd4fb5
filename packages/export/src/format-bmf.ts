import type { BenchReport } from '@aver/bench-report';
import type { ScenarioResult } from '@aver/bench-results';

/** One measure of a benchmark in Bencher Metric Format. */
export interface BmfMetric {
  readonly value: number;
  readonly lower_value?: number;
  readonly upper_value?: number;
}

/** Bencher Metric Format: benchmark name → measure slug → metric. */
export type Bmf = Record<string, Record<string, BmfMetric>>;

/**
 * Results in Bencher Metric Format (BMF), for `bencher run --adapter json` and tools that read it:
 * `{ "<benchmark>": { "latency": { value, lower_value, upper_value }, "instructions": { value } } }`.
 *
 * - `latency` is Bencher's built-in measure, in nanoseconds: `value` is the p50 of the timed samples,
 *   `lower_value` and `upper_value` their min and max.
 * - `instructions` (present when the report has counters) is the exact count of VM instructions of the counted
 *   run: machine-independent, so a threshold on it has no noise.
 * - The benchmark is the scenario name; when the results hold more than one target, `name [target]`.
 * - Scenarios without a report (an `ab` comparison on its own) have no absolute measure and are left out.
 *
 * @param results The results, one per scenario (and target).
 * @returns The BMF object.
 */
export function toBmf(results: readonly ScenarioResult[]): Bmf {
  const reports = results.flatMap((result) => (result.report === null ? [] : [result.report]));
  const manyTargets = new Set(reports.map((report) => report.scenario.target)).size > 1;
  const bmf: Bmf = {};
  for (const report of reports) {
    const name = manyTargets ? `${report.scenario.name} [${report.scenario.target}]` : report.scenario.name;
    bmf[name] = measures(report);
  }
  return bmf;
}

/**
 * `toBmf` as the JSON text `--format bmf` prints: two-space indentation and a final newline.
 * @param results The results.
 * @returns The JSON text.
 */
export function formatBmf(results: readonly ScenarioResult[]): string {
  return `${JSON.stringify(toBmf(results), null, 2)}\n`;
}

function measures(report: BenchReport): Record<string, BmfMetric> {
  const latency: BmfMetric = {
    value: nanoseconds(report.iterations.p50_ms),
    lower_value: nanoseconds(report.iterations.min_ms),
    upper_value: nanoseconds(report.iterations.max_ms),
  };
  if (report.counters === null) return { latency };
  return { latency, instructions: { value: report.counters.instructions } };
}

/** Milliseconds to nanoseconds, rounded to a thousandth so float noise (`74999.99999999999`) does not show. */
function nanoseconds(ms: number): number {
  return Math.round(ms * 1e9) / 1e3;
}
