import * as messages from '../messages.js';
import type { SortedSamples } from './sort-samples.js';

/**
 * The nearest-rank percentile of sorted samples, exactly as the reference computes it (bench spec: "Statistics"):
 * `index = ceil((p / 100) × n) − 1`, clamped to `0 … n − 1`.
 *
 * @param sorted Samples in ascending order (see `sortSamples`).
 * @param p The percentile, 0–100.
 * @returns The sample at the nearest rank.
 */
export function percentile(sorted: SortedSamples, p: number): number {
  if (sorted.length === 0) throw new RangeError(messages.emptySamples('percentile'));
  if (!(p >= 0 && p <= 100)) throw new RangeError(messages.percentileOutOfRange(p));
  return sorted[nearestRankIndex(sorted.length, p)]!;
}

/**
 * The 0-based index of the nearest-rank percentile among `count` sorted samples. The product is computed as
 * `(p / 100) * count` in doubles, like the reference, so indices agree exactly.
 *
 * @param count How many samples there are (at least 1).
 * @param p The percentile, 0–100.
 * @returns The index, in `0 … count − 1`.
 */
export function nearestRankIndex(count: number, p: number): number {
  const rank = Math.ceil((p / 100) * count);
  return Math.min(Math.max(rank - 1, 0), count - 1);
}
