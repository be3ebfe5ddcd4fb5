import type { DiffReport } from '@aver/bench-diff';
import type { AbLine, Comparison } from './types.js';

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

function ratioOf(head: number, base: number): number | null {
  return Number.isFinite(head) && Number.isFinite(base) && base > 0 ? head / base : null;
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
