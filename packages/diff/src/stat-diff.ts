import type { Tolerance } from '@aver/bench-manifest';
import type { BenchReport } from '@aver/bench-report';
import { escapeControlChars, formatMs } from '@aver/bench-report';
import type { AbComparison, AbSide } from './ab-comparison.js';
import { compareResponses, counterFields, formatTimeSummary, timeFields } from './ab-comparison.js';
import { compareCounters } from './counter-comparison.js';
import { formatCounterChanges } from './format-counter-change.js';
import * as messages from './messages.js';
import { reportNotes } from './report-notes.js';
import type { TimeComparison, TimeEffect } from './time-comparison.js';
import { measureTimeEffect } from './time-comparison.js';

/**
 * A statistical comparison of a report with a stored baseline (`--compare`, `--baseline-dir`), made when both
 * carry replicates: the `ab` verdicts (time, counters, response) with the baseline as base and the run as head,
 * plus the target, the reference's notes and whether the gate fails.
 */
export interface StatDiff extends AbComparison {
  readonly target: string;
  /**
   * Whether the gate fails: the time or counters verdict is `regression`, or a gated note (the response changed
   * size or content, allocation sites grew).
   */
  readonly regressed: boolean;
  /** The reference's notes and our response-content note (`reportNotes`). */
  readonly notes: readonly string[];
}

/** The fewest replicates each side needs for a statistical comparison. */
export const MIN_STAT_REPLICATES = 2;

/**
 * A report's timed samples per replicate, when it has at least `MIN_STAT_REPLICATES` replicates (`--replicates
 * N`); otherwise `null` and the report can only be compared the reference way.
 */
export function replicateSamples(report: BenchReport): number[][] | null {
  const replicates = report.replicates;
  if (replicates == null || replicates.length < MIN_STAT_REPLICATES) return null;
  return replicates.map((replicate) => [...replicate.samples_ms]);
}

/**
 * The time effect of a run against its baseline (base = baseline, head = current), or `null` when either report
 * has fewer than `MIN_STAT_REPLICATES` replicates.
 * @throws {StatsInputError} When a sample is not finite and positive.
 */
export function measureBaselineEffect(current: BenchReport, baseline: BenchReport): TimeEffect | null {
  const base = replicateSamples(baseline);
  const head = replicateSamples(current);
  return base === null || head === null ? null : measureTimeEffect(base, head);
}

/**
 * Builds the statistical comparison of a report with its baseline from the judged time (see `judgeTimes`, which
 * applies Holm over the family): counters compared exactly (growth above `instructions_pct`, default 0, is a
 * regression), the responses by hash, and the reference's notes, whose gated ones still fail the gate.
 * @param current The report just measured (head).
 * @param baseline The stored report (base).
 * @param time The judged time comparison of the two.
 * @param tolerance The current manifest's tolerance.
 * @returns The comparison.
 */
export function statDiff(
  current: BenchReport,
  baseline: BenchReport,
  time: TimeComparison,
  tolerance: Tolerance,
): StatDiff {
  const counted = (report: BenchReport) => (report.counters === null ? [] : [report.counters]);
  const counters = compareCounters(counted(baseline), counted(current), tolerance.instructions_pct ?? 0);
  const facts = reportNotes(current, baseline);
  return {
    scenario: current.scenario.name,
    target: current.scenario.target,
    time,
    counters,
    response: compareResponses(baseline.response_sha256, current.response_sha256),
    regressed: time.verdict === 'regression' || counters.verdict === 'regression' || facts.regressed,
    notes: facts.notes,
    base: side(baseline, time.base_ms, time.replicates.base),
    head: side(current, time.head_ms, time.replicates.head),
    confirmation: null,
  };
}

function side(report: BenchReport, location: number, replicates: number): AbSide {
  return {
    p50_ms: location,
    p95_ms: report.iterations.p95_ms,
    replicates,
    response_sha256: report.response_sha256,
    expected_match: report.expected_match,
  };
}

/**
 * The NDJSON line of a statistical comparison, keys in this order: `kind` (`"stat-diff"`), `scenario`, `time`,
 * `counters` and `response` (as in the `ab` line), then `target`, `regressed`, `notes`, `base` (the baseline),
 * `head` (this run) and `confirmation`. Every number is finite, so this is plain `JSON.stringify`.
 * @returns One line of JSON without a newline.
 */
export function formatStatDiffLine(comparison: StatDiff): string {
  return JSON.stringify({
    kind: 'stat-diff',
    scenario: comparison.scenario,
    time: timeFields(comparison.time),
    counters: counterFields(comparison.counters),
    response: comparison.response,
    target: comparison.target,
    regressed: comparison.regressed,
    notes: comparison.notes,
    base: comparison.base,
    head: comparison.head,
    confirmation: comparison.confirmation,
  });
}

/**
 * The human block of a statistical comparison, laid out like the reference's diff:
 *
 * ```text
 * fib: REGRESSION
 *   time      1.06ms (baseline 1.00ms, ratio 1.063 [1.041, 1.088], p 0.0079)  regression (limit +5%)
 *   counters  regression (instructions +9.8% > +0%)
 *     `step` (fib.av:4): +2,000 calls, +18,000 instructions
 *     `CALL`: +2,000 executed (1,973 → 3,973)
 *   note: response_bytes: baseline=3 current=4 — regression
 *   confirmed by a second round (first round: inconclusive)
 * ```
 *
 * The interval is the ratio's (99 % by default), `p` the Holm-adjusted p-value of the rank test, and the limit the
 * threshold (`wall_time_effect_pct`, or the calibrated noise floor when larger, then named).
 * @returns Text; every line ends in `\n`.
 */
export function formatStatDiff(comparison: StatDiff): string {
  const { time, counters } = comparison;
  let text = `${messages.diffHeader(escapeControlChars(comparison.scenario), comparison.regressed)}\n`;
  const limit = messages.statLimit(
    formatPct(time.threshold_pct),
    time.noise_floor_pct !== null && time.noise_floor_pct > time.tolerance_pct,
  );
  text +=
    `  ${'time'.padEnd(9)} ${formatMs(time.head_ms)} (baseline ${formatMs(time.base_ms)}, ratio ${time.ratio.toFixed(3)} ` +
    `[${time.ci[0].toFixed(3)}, ${time.ci[1].toFixed(3)}], p ${formatP(time.p_adjusted)})  ${time.verdict} (${limit})\n`;
  text += `  ${'counters'.padEnd(9)} ${counters.verdict} (${counters.reason})\n`;
  text += formatCounterChanges(counters, '    ');
  for (const note of comparison.notes) text += `  note: ${escapeControlChars(note)}\n`;
  if (comparison.confirmation !== null)
    text += `  ${messages.confirmedBy(comparison.confirmation.first_verdict)}\n`;
  return text;
}

/** The summary line under the statistical comparisons of a run (see `formatTimeSummary`). */
export function formatStatSummary(comparisons: readonly StatDiff[]): string {
  const confirmed = comparisons.filter(({ confirmation }) => confirmation !== null).length;
  return formatTimeSummary(comparisons, messages.confirmedCount(confirmed));
}

/** A percentage as written in limits: whole numbers without decimals, others with one (`5`, `6.4`). */
function formatPct(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** A p-value with two significant digits (`0.0079`, `1.2e-7`). */
function formatP(value: number): string {
  return String(Number(value.toPrecision(2)));
}
