import type { DiffReport, StatDiff } from '@aver/bench-diff';
import type { AbLine, Comparison, StatDiffLine } from './types.js';

/**
 * A reference diff as a comparison: verdict `regression` when any gated condition regressed, otherwise `ok`
 * (the reference's word: within tolerance). The ratio is head p50 / base p50; a diff has no interval.
 * @param diff The diff (computed now, or read back from a diff line).
 * @returns The comparison.
 */
export function comparisonFromDiff(diff: DiffReport): Comparison {
  return {
    source: 'diff',
    verdict: diff.regressed ? 'regression' : 'ok',
    ratio: ratioOf(diff.p50.current, diff.p50.baseline),
    interval: null,
    baseP50Ms: finiteOrNull(diff.p50.baseline),
    headP50Ms: finiteOrNull(diff.p50.current),
    baseP95Ms: finiteOrNull(diff.p95.baseline),
    headP95Ms: finiteOrNull(diff.p95.current),
    countersVerdict: null,
    response: null,
    notes: diff.notes,
  };
}

/**
 * An `ab` line as a comparison: its time verdict, ratio and interval, the counters' verdict and whether the
 * response changed. Base and head times are read from the line when it carries them (`base`/`head` objects
 * with `p50_ms`/`p95_ms`).
 * @param ab The line.
 * @returns The comparison.
 */
export function comparisonFromAb(ab: AbLine): Comparison {
  const side = (key: 'base' | 'head', metric: 'p50_ms' | 'p95_ms'): number | null => {
    const value = (ab.raw[key] as Record<string, unknown> | undefined)?.[metric];
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  };
  return {
    source: 'ab',
    verdict: ab.time.verdict,
    ratio: ab.time.ratio,
    interval: ab.time.ci,
    baseP50Ms: side('base', 'p50_ms'),
    headP50Ms: side('head', 'p50_ms'),
    baseP95Ms: side('base', 'p95_ms'),
    headP95Ms: side('head', 'p95_ms'),
    countersVerdict: ab.counters?.verdict ?? null,
    response: ab.response,
    notes: [],
  };
}

/**
 * A statistical comparison with a stored baseline as a comparison: its time verdict, ratio and interval, the
 * counters' verdict, the response and the notes (base = the baseline).
 * @param stat The comparison (made now by the CLI).
 * @returns The comparison.
 */
export function comparisonFromStatDiff(stat: StatDiff): Comparison {
  return {
    source: 'stat-diff',
    verdict: stat.time.verdict,
    ratio: stat.time.ratio,
    interval: stat.time.ci,
    baseP50Ms: stat.base.p50_ms,
    headP50Ms: stat.head.p50_ms,
    baseP95Ms: stat.base.p95_ms,
    headP95Ms: stat.head.p95_ms,
    countersVerdict: stat.counters.verdict,
    response: stat.response,
    notes: stat.notes,
  };
}

/** A `stat-diff` line read back, as a comparison (see `comparisonFromStatDiff`). */
export function comparisonFromStatLine(line: StatDiffLine): Comparison {
  return { ...comparisonFromAb(line), source: 'stat-diff', notes: line.notes };
}

function ratioOf(head: number, base: number): number | null {
  return Number.isFinite(head) && Number.isFinite(base) && base > 0 ? head / base : null;
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
