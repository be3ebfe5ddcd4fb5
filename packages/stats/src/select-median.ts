/**
 * The median of `values`, reordering them in place: quickselect (median-of-three pivot, Hoare partition) finds
 * the upper middle order statistic, and for an even count the lower middle one is the largest value left of it.
 * Linear on average, against n log n for a sort: the bootstrap takes hundreds of thousands of medians.
 *
 * @param values Holds the values in `[0, length)`; that range is reordered.
 * @param length How many values, at least one. @default values.length
 * @returns The median (the mean of the two middle values for an even count).
 */
export function selectMedianInPlace(values: Float64Array, length = values.length): number {
  const n = length;
  const upper = n >> 1;
  const upperValue = selectInPlace(values, n, upper);
  if (n % 2 === 1) return upperValue;
  let lowerValue = values[0]!;
  for (let at = 1; at < upper; at++) if (values[at]! > lowerValue) lowerValue = values[at]!;
  return (lowerValue + upperValue) / 2;
}

/** Puts the k-th smallest value (0-based) at index k, smaller-or-equal values left of it, and returns it. */
function selectInPlace(values: Float64Array, length: number, k: number): number {
  let left = 0;
  let right = length - 1;
  while (right > left) {
    const middle = (left + right) >> 1;
    // Median of three as the pivot, moved to `left`.
    if (values[middle]! < values[left]!) swap(values, middle, left);
    if (values[right]! < values[left]!) swap(values, right, left);
    if (values[right]! < values[middle]!) swap(values, right, middle);
    swap(values, left, middle);
    const pivot = values[left]!;
    let i = left;
    let j = right + 1;
    for (;;) {
      do i++;
      while (i <= right && values[i]! < pivot);
      do j--;
      while (values[j]! > pivot);
      if (i >= j) break;
      swap(values, i, j);
    }
    swap(values, left, j);
    if (j === k) return values[k]!;
    if (j < k) left = j + 1;
    else right = j - 1;
  }
  return values[k]!;
}

function swap(values: Float64Array, a: number, b: number): void {
  const kept = values[a]!;
  values[a] = values[b]!;
  values[b] = kept;
}
