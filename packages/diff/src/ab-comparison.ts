import { escapeControlChars, formatMs } from '@aver/bench-report';
import type { CounterComparison } from './counter-comparison.js';
import { formatCounterChanges, formatSignedCount } from './format-counter-change.js';
import type { TimeComparison, Verdict } from './time-comparison.js';

/** Whether the two sides rendered the same response (compared by SHA-256 of the UTF-8 text). */
export type ResponseStatus = 'same' | 'changed';

/** What one side of an A/B comparison measured, summarised. */
export interface AbSide {
  /** Median of the replicates' medians, ms (the location the ratio divides). */
  readonly p50_ms: number;
  /** Nearest-rank 95th percentile of every timed sample of every replicate, ms. */
  readonly p95_ms: number;
  readonly replicates: number;
  readonly response_sha256: string | null;
  /** Whether the response met the side's `[expected]` bounds (`null` without bounds). */
  readonly expected_match: boolean | null;
}

/** One scenario of `aver-bench ab`: time and counters judged separately, the response compared. */
export interface AbComparison {
  readonly scenario: string;
  readonly time: TimeComparison;
  readonly counters: CounterComparison;
  readonly response: ResponseStatus;
  readonly base: AbSide;
  readonly head: AbSide;
  /** Set when the scenario got a confirmation round: the first round's time verdict (the confirmation decides). */
  readonly confirmation: { readonly first_verdict: Verdict } | null;
}

/**
 * @returns `same` when both responses hash the same (both Unit counts as the same), `changed` otherwise.
 */
export function compareResponses(base: string | null, head: string | null): ResponseStatus {
  return base === head ? 'same' : 'changed';
}

/** Whether any time or counter verdict is `regression` (what `--fail-on-regression` fails on). */
export function abRegressed(comparison: AbComparison): boolean {
  return comparison.time.verdict === 'regression' || comparison.counters.verdict === 'regression';
}

/**
 * The NDJSON line of one scenario, keys in this order: `kind`, `scenario`, `time` (`verdict`, `ratio`, `ci`,
 * then the rest of the comparison), `counters` (`verdict`, then the rest), `response`, `base`, `head`,
 * `confirmation`. Every number is finite, so this is plain `JSON.stringify`.
 * @returns One line of JSON without a newline.
 */
export function formatAbLine(comparison: AbComparison): string {
  return JSON.stringify({
    kind: 'ab',
    scenario: comparison.scenario,
    time: timeFields(comparison.time),
    counters: counterFields(comparison.counters),
    response: comparison.response,
    base: comparison.base,
    head: comparison.head,
    confirmation: comparison.confirmation,
  });
}

/** The `time` object of an `ab` or `stat-diff` line: `verdict`, `ratio`, `ci` first. */
export function timeFields(time: TimeComparison): Record<string, unknown> {
  return {
    verdict: time.verdict,
    ratio: time.ratio,
    ci: time.ci,
    base_ms: time.base_ms,
    head_ms: time.head_ms,
    confidence: time.confidence,
    p_value: time.p_value,
    p_adjusted: time.p_adjusted,
    alpha: time.alpha,
    threshold_pct: time.threshold_pct,
    tolerance_pct: time.tolerance_pct,
    noise_floor_pct: time.noise_floor_pct,
    replicates: time.replicates,
  };
}

/** The `counters` object of an `ab` or `stat-diff` line: `verdict` first. */
export function counterFields(counters: CounterComparison): Record<string, unknown> {
  return {
    verdict: counters.verdict,
    reason: counters.reason,
    limit_pct: counters.limit_pct,
    instructions: counters.instructions,
    calls: counters.calls,
    allocations: counters.allocations,
    functions: counters.functions,
    opcodes: counters.opcodes,
  };
}

const HEADERS = ['scenario', 'base p50', 'head p50', 'ratio', 'interval', 'time', 'counters', 'top change'];

/**
 * The human table of an A/B run: one row per scenario (base p50, head p50, ratio, interval, the time verdict
 * (`*` when a confirmation round decided it), the counters' verdict and the top counter change), then, for each
 * scenario whose counts or response changed, the functions and opcodes that changed most, and a summary line.
 * @param comparisons The scenarios, in run order.
 * @returns Text; every line ends in `\n`.
 */
export function formatAbTable(comparisons: readonly AbComparison[]): string {
  const rows = comparisons.map((comparison) => {
    const { time, counters } = comparison;
    const top = counters.functions[0] ?? null;
    const opcode = counters.opcodes[0] ?? null;
    const change =
      top !== null
        ? `${top.name} ${formatSignedCount(top.instructions || top.calls || top.allocations)}`
        : opcode !== null
          ? `${opcode.opcode} ${formatSignedCount(opcode.delta)}`
          : '';
    return [
      escapeControlChars(comparison.scenario),
      formatMs(comparison.base.p50_ms),
      formatMs(comparison.head.p50_ms),
      time.ratio.toFixed(3),
      `[${time.ci[0].toFixed(3)}, ${time.ci[1].toFixed(3)}]`,
      `${time.verdict}${comparison.confirmation === null ? '' : '*'}`,
      counters.verdict,
      change,
    ];
  });
  const widths = HEADERS.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => row[column]!.length)),
  );
  const numeric = new Set([1, 2, 3]);
  const line = (cells: readonly string[]) =>
    `${cells
      .map((cell, column) =>
        numeric.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd()}\n`;
  let text = line(HEADERS) + rows.map(line).join('');
  for (const comparison of comparisons) text += details(comparison);
  text += formatTimeSummary(comparisons, '* decided by a confirmation round');
  return text;
}

/** The lines under the table for one scenario: what its counters say changed, and a changed response. */
function details(comparison: AbComparison): string {
  const { counters } = comparison;
  let text = '';
  const changed = counters.functions.length > 0 || counters.opcodes.length > 0;
  if (changed || counters.verdict === 'inconclusive') {
    text += `\n${escapeControlChars(comparison.scenario)}: counters ${counters.verdict} (${counters.reason})\n`;
    text += formatCounterChanges(counters, '  ');
  }
  if (comparison.response === 'changed') {
    const short = (sha: string | null) => (sha === null ? 'Unit' : `sha256 ${sha.slice(0, 12)}`);
    text += `\n${escapeControlChars(comparison.scenario)}: response changed: base ${short(comparison.base.response_sha256)}, head ${short(comparison.head.response_sha256)}\n`;
  }
  return text;
}

/**
 * The last line under a set of statistical comparisons: how many of each time verdict, and the rule (`99%
 * intervals, Holm over N, alpha 0.01`), then `confirmed` when a confirmation round decided some of them.
 * @returns One line, after a blank one.
 */
export function formatTimeSummary(
  comparisons: readonly Pick<AbComparison, 'time' | 'confirmation'>[],
  confirmed: string,
): string {
  const count = (verdict: Verdict) => comparisons.filter(({ time }) => time.verdict === verdict).length;
  const first = comparisons[0];
  const rule =
    first === undefined
      ? ''
      : `; ${Math.round(first.time.confidence * 100)}% intervals, Holm over ${comparisons.length}, alpha ${first.time.alpha}`;
  const decided = comparisons.some(({ confirmation }) => confirmation !== null) ? `; ${confirmed}` : '';
  return (
    `\ntime: ${count('regression')} regression, ${count('improvement')} improvement, ${count('unchanged')} unchanged, ` +
    `${count('inconclusive')} inconclusive${rule}${decided}\n`
  );
}
