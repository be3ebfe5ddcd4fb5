import * as messages from './messages.js';
import { StatsInputError } from './stats-input-error.js';

/**
 * The `q`-quantile of sorted values by linear interpolation between order statistics (Hyndman and Fan's type 7,
 * NumPy's default `linear` method): position `h = (n − 1) q`, value `x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋])`.
 *
 * @param sorted At least one value, sorted ascending (not checked).
 * @param q The quantile, in [0, 1].
 * @returns The interpolated quantile.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) throw new StatsInputError(messages.empty('quantile'));
  if (!(q >= 0 && q <= 1)) throw new StatsInputError(messages.outOfRange('quantile', q, '[0, 1]'));
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const fraction = position - below;
  if (fraction === 0) return sorted[below]!;
  return sorted[below]! + fraction * (sorted[below + 1]! - sorted[below]!);
}

/**
 * The median: the middle value, or the mean of the two middle values for an even count.
 *
 * @param values At least one finite value, in any order.
 * @returns The median.
 */
export function median(values: ArrayLike<number>): number {
  if (values.length === 0) throw new StatsInputError(messages.empty('median'));
  const sorted = Float64Array.from(values as ArrayLike<number>);
  for (const value of sorted)
    if (!Number.isFinite(value)) throw new StatsInputError(messages.notFinite('median value', value));
  sorted.sort();
  return medianOfSorted(sorted);
}

/** The median of values already sorted ascending. */
export function medianOfSorted(sorted: ArrayLike<number>): number {
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
