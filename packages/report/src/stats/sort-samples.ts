declare const sortedBrand: unique symbol;

/** Samples in ascending order, as `sortSamples` returns them. */
export type SortedSamples = readonly number[] & { readonly [sortedBrand]: true };

/**
 * Returns a sorted copy of the samples, ascending, comparing like Rust's `partial_cmp` with NaN treated as
 * equal to everything (bench spec: "Statistics"). Timings are never NaN; if one is, its place depends on the sort
 * algorithm, as it does in the reference.
 *
 * @param samples The samples, in any order.
 * @returns A new ascending array.
 */
export function sortSamples(samples: readonly number[]): SortedSamples {
  return [...samples].sort(compareAscending) as readonly number[] as SortedSamples;
}

function compareAscending(left: number, right: number): number {
  if (left < right) return -1;
  if (left > right) return 1;
  return 0;
}
