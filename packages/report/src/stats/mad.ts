import * as messages from '../messages.js';
import { median } from './median.js';

/**
 * The median absolute deviation: the median of `|sample − median|`. Unscaled; multiply by 1.4826 to
 * estimate a normal distribution's standard deviation.
 *
 * @param samples At least one sample, in any order.
 * @returns The MAD, in the samples' unit.
 */
export function mad(samples: readonly number[]): number {
  if (samples.length === 0) throw new RangeError(messages.emptySamples('mad'));
  const center = median(samples);
  return median(samples.map((sample) => Math.abs(sample - center)));
}
