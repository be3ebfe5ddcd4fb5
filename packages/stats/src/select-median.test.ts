import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median } from './quantile.js';
import { selectMedianInPlace } from './select-median.js';

describe('selectMedianInPlace', () => {
  it('gives the same median as sorting, for odd and even counts, ties and a shorter length', () => {
    const values = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 41 });
    fc.assert(
      fc.property(values, fc.nat(), (list, cut) => {
        const length = 1 + (cut % list.length);
        const buffer = Float64Array.from([...list, 99, -99]);
        return selectMedianInPlace(buffer, length) === median(list.slice(0, length));
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('handles runs of equal values and sorted or reversed input', () => {
    expect(selectMedianInPlace(Float64Array.from([2, 2, 2, 2, 1]))).toBe(2);
    expect(selectMedianInPlace(Float64Array.from([1, 2, 3, 4, 5, 6]))).toBe(3.5);
    expect(selectMedianInPlace(Float64Array.from([6, 5, 4, 3, 2, 1]))).toBe(3.5);
    expect(selectMedianInPlace(Float64Array.from([8]))).toBe(8);
  });
});
