import { DEFAULT_TOLERANCE, type Tolerance } from '@aver/bench-manifest';
import { type BenchReport, formatFixed } from '@aver/bench-report';
import { counterChanges } from './counter-comparison.js';
import * as messages from './messages.js';
import { metricDiff } from './metric-diff.js';
import { reportNotes } from './report-notes.js';
import type { DiffReport } from './types.js';

/**
 * Compares a report with its baseline by the reference's 0.15.2+ rules (bench spec: "Comparison: `diff`"). Only p50
 * and p95 are compared; growth in `compiler_visible_allocs` and any change in `response_bytes` (both sides non-null)
 * also regress. The two reports are not checked to belong together: the caller picks the baseline.
 *
 * Our additions apply only when both reports carry the field (reports written by the reference never do): a
 * response of the same size but a different `response_sha256` regresses (a changed answer); a change in
 * `counters.instructions` is noted, and gated when the manifest opts in with `tolerance.instructions_pct` (growth
 * strictly above it regresses); and `changes` names the functions and opcodes whose counts changed most.
 *
 * @param current The report just measured.
 * @param baseline The report to compare against.
 * @param tolerance Thresholds from the current manifest.
 * @returns The verdict with its notes.
 */
export function diff(
  current: BenchReport,
  baseline: BenchReport,
  tolerance: Tolerance = DEFAULT_TOLERANCE,
): DiffReport {
  const p50 = metricDiff(baseline.iterations.p50_ms, current.iterations.p50_ms, tolerance.wall_time_p50_pct);
  const p95 = metricDiff(baseline.iterations.p95_ms, current.iterations.p95_ms, tolerance.wall_time_p95_pct);
  const facts = reportNotes(current, baseline);
  const notes = [...facts.notes];
  let instructionsGrew = false;
  if (current.counters !== null && baseline.counters !== null) {
    const before = baseline.counters.instructions;
    const after = current.counters.instructions;
    const limit = tolerance.instructions_pct;
    if (limit !== undefined && growthPct(before, after) > limit) {
      instructionsGrew = true;
      notes.push(
        messages.instructionsGrew(before, after, signedPercent(before, after), formatFixed(limit, 0)),
      );
    } else if (before !== after) {
      notes.push(messages.instructionsChanged(before, after, signedPercent(before, after)));
    }
  }
  return {
    scenario: current.scenario.name,
    p50,
    p95,
    regressed: p50.regressed || p95.regressed || facts.regressed || instructionsGrew,
    notes,
    changes:
      current.counters !== null && baseline.counters !== null
        ? counterChanges(baseline.counters, current.counters)
        : null,
  };
}

/** Relative growth in percent (negative when it shrank); any growth from zero is infinite. */
function growthPct(before: number, after: number): number {
  if (before === 0) return after === 0 ? 0 : Number.POSITIVE_INFINITY;
  return ((after - before) / before) * 100;
}

/** `+12.5` / `-3.0`: the relative change with one decimal (Rust `{:.1}` rounding), `+inf` from zero. */
function signedPercent(before: number, after: number): string {
  const pct = growthPct(before, after);
  if (pct === Number.POSITIVE_INFINITY) return '+inf';
  return `${pct >= 0 ? '+' : ''}${formatFixed(pct, 1)}`;
}
