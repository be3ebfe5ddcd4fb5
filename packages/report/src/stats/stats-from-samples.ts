import * as messages from '../messages.js';
import type { IterationStats } from '../types.js';
import { mean } from './mean.js';
import { percentile } from './percentile.js';
import { sortSamples } from './sort-samples.js';

/**
 * Computes the report's `iterations` block from the timed samples exactly as the reference's
 * `IterationStats::from_samples` (bench spec: "Statistics"): sort ascending, min and max from the ends, the mean over
 * the sorted values, and nearest-rank p50, p95 and p99.
 *
 * @param samples Timed wall-clock samples in milliseconds, warm-up excluded; at least one.
 * @returns The statistics.
 * @throws {RangeError} `statsFromSamples requires at least one sample` when `samples` is empty (the reference
 *   panics here).
 */
export function statsFromSamples(samples: readonly number[]): IterationStats {
  if (samples.length === 0) throw new RangeError(messages.emptySamples('statsFromSamples'));
  const sorted = sortSamples(samples);
  return {
    min_ms: sorted[0]!,
    max_ms: sorted[sorted.length - 1]!,
    mean_ms: mean(sorted),
    p50_ms: percentile(sorted, 50),
    p95_ms: percentile(sorted, 95),
    p99_ms: percentile(sorted, 99),
  };
}
