import * as messages from './messages.js';
import { StatsInputError } from './stats-input-error.js';

/**
 * Holm's step-down adjusted p-values (Holm 1979): with the m p-values sorted ascending,
 * `adj₍ᵢ₎ = max over j ≤ i of min(1, (m − j + 1) · p₍ⱼ₎)`, returned in the input order. Rejecting every hypothesis
 * whose adjusted p-value is below α keeps the chance of *any* false rejection at most α, whatever the dependence
 * between the tests, and is uniformly more powerful than Bonferroni.
 *
 * @param pValues Raw p-values in [0, 1].
 * @returns The adjusted p-values, same order and length.
 * @throws {StatsInputError} On a value outside [0, 1].
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  for (const p of pValues)
    if (!(p >= 0 && p <= 1)) throw new StatsInputError(messages.outOfRange('p-value', p, '[0, 1]'));
  const m = pValues.length;
  const order = pValues
    .map((_, index) => index)
    .sort((left, right) => pValues[left]! - pValues[right]! || left - right);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach((index, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * pValues[index]!));
    adjusted[index] = running;
  });
  return adjusted;
}
