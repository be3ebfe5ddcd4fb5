import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statsFromSamples } from './stats-from-samples.js';

/** 0 … n−1 in a scrambled order, so each sample's value is its sorted index. */
function scrambledIndices(count: number): number[] {
  const values = Array.from({ length: count }, (_, index) => index);
  return values.sort((left, right) => ((left * 7919) % count) - ((right * 7919) % count));
}

describe('statsFromSamples', () => {
  it('picks the nearest-rank indices of the spec table', () => {
    const table: [number, number, number, number][] = [
      [1, 0, 0, 0],
      [5, 2, 4, 4],
      [10, 4, 9, 9],
      [20, 9, 18, 19],
      [30, 14, 28, 29],
      [50, 24, 47, 49],
      [100, 49, 94, 98],
    ];
    for (const [count, p50, p95, p99] of table) {
      const stats = statsFromSamples(scrambledIndices(count));
      expect([stats.p50_ms, stats.p95_ms, stats.p99_ms], `n=${count}`).toEqual([p50, p95, p99]);
      expect(stats.min_ms).toBe(0);
      expect(stats.max_ms).toBe(count - 1);
    }
  });

  it('computes min, max and mean of unsorted samples', () => {
    expect(statsFromSamples([5, 1, 4, 2, 3])).toEqual({
      min_ms: 1,
      max_ms: 5,
      mean_ms: 3,
      p50_ms: 3,
      p95_ms: 5,
      p99_ms: 5,
    });
  });

  it('sums the sorted values for the mean, as the reference does', () => {
    // Sorted: 1 + 1 = 2, then 2 + 1e16 is exact. In input order 1e16 + 1 would round back to 1e16.
    expect(statsFromSamples([1e16, 1, 1]).mean_ms).toBe((1e16 + 2) / 3);
    expect((1e16 + 1 + 1) / 3).not.toBe((1e16 + 2) / 3);
  });

  it('does not change the caller’s array', () => {
    const samples = [3, 1, 2];
    statsFromSamples(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('throws a clear error for an empty sample array instead of panicking', () => {
    expect(() => statsFromSamples([])).toThrow(
      new RangeError('statsFromSamples requires at least one sample'),
    );
  });

  it('keeps min ≤ p50 ≤ p95 ≤ p99 ≤ max, and every percentile is one of the samples', () => {
    const samples = fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 });
    fc.assert(
      fc.property(samples, (values) => {
        const stats = statsFromSamples(values);
        const ordered = [stats.min_ms, stats.p50_ms, stats.p95_ms, stats.p99_ms, stats.max_ms];
        const isSorted = ordered.every((value, index) => index === 0 || ordered[index - 1]! <= value);
        const fromSamples = [stats.p50_ms, stats.p95_ms, stats.p99_ms].every((value) =>
          values.includes(value),
        );
        return isSorted && fromSamples && stats.mean_ms >= stats.min_ms && stats.mean_ms <= stats.max_ms;
      }),
    );
  });
});
