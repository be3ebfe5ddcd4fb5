import { type BenchReport, DEFAULT_TOLERANCE, formatFixed, type Tolerance } from '@aver/bench-report';
import * as messages from './messages.js';
import { metricDiff } from './metric-diff.js';
import { formatRustDebugList } from './rust-debug.js';
import type { DiffReport } from './types.js';

/**
 * Compares a report with its baseline by the reference's 0.15.2+ rules (spec §7.3). Only p50 and p95 are
 * compared; growth in `compiler_visible_allocs` and any change in `response_bytes` (both sides non-null) also
 * regress. The two reports are not checked to belong together: the caller picks the baseline.
 *
 * Two notes are our additions, after the reference's four and only when both reports carry the field (reports
 * written by the reference never do): a response of the same size but a different `response_sha256` regresses
 * (a changed answer), and a change in `counters.instructions` is reported, and gated when the manifest opts in
 * with `tolerance.instructions_pct` (growth strictly above it regresses).
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
  const notes: string[] = [];

  if (current.scenario.target !== baseline.scenario.target) {
    notes.push(messages.targetChanged(baseline.scenario.target, current.scenario.target));
  }
  if (!sameList(current.passes_applied, baseline.passes_applied)) {
    notes.push(
      messages.passesChanged(
        formatRustDebugList(baseline.passes_applied),
        formatRustDebugList(current.passes_applied),
      ),
    );
  }

  let responseChanged = false;
  if (current.response_bytes !== null && baseline.response_bytes !== null) {
    if (current.response_bytes !== baseline.response_bytes) {
      responseChanged = true;
      notes.push(messages.responseBytesChanged(baseline.response_bytes, current.response_bytes));
    }
  }

  let allocsGrew = false;
  if (current.compiler_visible_allocs !== null && baseline.compiler_visible_allocs !== null) {
    if (current.compiler_visible_allocs > baseline.compiler_visible_allocs) {
      allocsGrew = true;
      notes.push(messages.allocsGrew(baseline.compiler_visible_allocs, current.compiler_visible_allocs));
    } else if (current.compiler_visible_allocs < baseline.compiler_visible_allocs) {
      notes.push(messages.allocsShrank(baseline.compiler_visible_allocs, current.compiler_visible_allocs));
    }
  }

  // Our additions (absent from reference reports, so a reference baseline never triggers them).
  let responseContentChanged = false;
  if (
    !responseChanged &&
    current.response_bytes !== null &&
    current.response_bytes === baseline.response_bytes &&
    current.response_sha256 !== null &&
    baseline.response_sha256 !== null &&
    current.response_sha256 !== baseline.response_sha256
  ) {
    responseContentChanged = true;
    notes.push(messages.responseContentChanged(baseline.response_sha256, current.response_sha256));
  }
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
    regressed:
      p50.regressed ||
      p95.regressed ||
      allocsGrew ||
      responseChanged ||
      responseContentChanged ||
      instructionsGrew,
    notes,
  };
}

/** Order-sensitive equality, like Rust's `Vec == Vec`. */
function sameList(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((item, index) => item === right[index]);
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
