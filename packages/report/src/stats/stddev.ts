import * as messages from '../messages.js';
import { mean } from './mean.js';

/**
 * The sample standard deviation (Bessel-corrected, `n − 1` in the denominator); 0 for a single sample.
 *
 * @param samples At least one sample, in any order.
 * @returns The standard deviation, in the samples' unit.
 */
export function stddev(samples: readonly number[]): number {
  if (samples.length === 0) throw new RangeError(messages.emptySamples('stddev'));
  if (samples.length === 1) return 0;
  const center = mean(samples);
  let squares = 0;
  for (const sample of samples) squares += (sample - center) ** 2;
  return Math.sqrt(squares / (samples.length - 1));
}
