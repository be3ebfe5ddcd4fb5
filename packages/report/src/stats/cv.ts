import * as messages from '../messages.js';
import { mean } from './mean.js';
import { stddev } from './stddev.js';

/**
 * The coefficient of variation: sample standard deviation over the mean (0.05 means 5 % spread). NaN when
 * the mean is 0, where the ratio is undefined.
 *
 * @param samples At least one sample, in any order.
 * @returns The unitless ratio.
 */
export function cv(samples: readonly number[]): number {
  if (samples.length === 0) throw new RangeError(messages.emptySamples('cv'));
  const center = mean(samples);
  if (center === 0) return Number.NaN;
  return stddev(samples) / Math.abs(center);
}
