import * as messages from '../messages.js';

/**
 * The arithmetic mean, summed left to right in the given order (the reference sums the sorted samples).
 *
 * @param samples At least one sample.
 * @returns The mean.
 */
export function mean(samples: readonly number[]): number {
  if (samples.length === 0) throw new RangeError(messages.emptySamples('mean'));
  // No initial value: like Rust's `Sum for f64` (which starts at -0.0), the first sample is the first sum.
  return samples.reduce((sum, sample) => sum + sample) / samples.length;
}
