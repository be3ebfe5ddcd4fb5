import type { BenchReport } from '@aver/bench-report';
import * as messages from './messages.js';
import { formatRustDebugList } from './rust-debug.js';

/** The notes on what a report changed besides its times and counts, and whether any of them is gated. */
export interface ReportNotes {
  /** In order: target, passes, response size, allocation sites (the reference's four), then response content. */
  readonly notes: readonly string[];
  /** A gated note: the response size or content changed, or allocation sites grew. */
  readonly regressed: boolean;
}

/**
 * The reference's four notes (bench spec: "Comparison: `diff`") and our response-content note, shared by the
 * reference diff and the statistical one: the target changed (informational), `passes_applied` changed
 * (informational), `response_bytes` changed with both sides non-null (gated), `compiler_visible_allocs` grew (gated)
 * or shrank (informational); then, only when both reports carry `response_sha256`, a response of the same size with a
 * different hash (gated).
 * @param current The report just measured.
 * @param baseline The report it is compared with.
 * @returns The notes and whether one of them is gated.
 */
export function reportNotes(current: BenchReport, baseline: BenchReport): ReportNotes {
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
  let regressed = false;
  let responseSizeChanged = false;
  if (current.response_bytes !== null && baseline.response_bytes !== null) {
    if (current.response_bytes !== baseline.response_bytes) {
      regressed = responseSizeChanged = true;
      notes.push(messages.responseBytesChanged(baseline.response_bytes, current.response_bytes));
    }
  }
  if (current.compiler_visible_allocs !== null && baseline.compiler_visible_allocs !== null) {
    if (current.compiler_visible_allocs > baseline.compiler_visible_allocs) {
      regressed = true;
      notes.push(messages.allocsGrew(baseline.compiler_visible_allocs, current.compiler_visible_allocs));
    } else if (current.compiler_visible_allocs < baseline.compiler_visible_allocs) {
      notes.push(messages.allocsShrank(baseline.compiler_visible_allocs, current.compiler_visible_allocs));
    }
  }
  // Our addition (absent from reference reports, so a reference baseline never triggers it).
  if (
    !responseSizeChanged &&
    current.response_bytes !== null &&
    current.response_bytes === baseline.response_bytes &&
    current.response_sha256 !== null &&
    baseline.response_sha256 !== null &&
    current.response_sha256 !== baseline.response_sha256
  ) {
    regressed = true;
    notes.push(messages.responseContentChanged(baseline.response_sha256, current.response_sha256));
  }
  return { notes, regressed };
}

/** Order-sensitive equality, like Rust's `Vec == Vec`. */
function sameList(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((item, index) => item === right[index]);
}
