import * as messages from '../messages.js';
import { sortSamples } from './sort-samples.js';

/**
 * The conventional median: the middle sample, or the mean of the two middle samples when the count is even.
 * Unlike the report's `p50_ms` (nearest rank, always an actual sample) this is the textbook estimator.
 *
 * @param samples At least one sample, in any order.
 * @returns The median.
 */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new RangeError(messages.emptySamples('median'));
  const sorted = sortSamples(samples);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle]!;
  return (sorted[middle - 1]! + sorted[middle]!) / 2;
}
