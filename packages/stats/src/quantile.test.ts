import { describe, expect, it } from 'vitest';
import { median, quantileSorted } from './quantile.js';
import { StatsInputError } from './stats-input-error.js';
import { closeTo, loadReference } from './test-helpers.js';

const reference = loadReference();

describe('quantileSorted', () => {
  it("matches NumPy's linear quantiles", () => {
    for (const testCase of reference.quantile) {
      const sorted = [...testCase.values].sort((a, b) => a - b);
      testCase.q.forEach((q, index) => {
        expect(closeTo(quantileSorted(sorted, q), testCase.quantiles[index]!, 1e-12)).toBe(true);
      });
    }
  });

  it('interpolates between order statistics', () => {
    expect(quantileSorted([10, 20, 30, 40], 0.5)).toBe(25);
    expect(quantileSorted([10, 20, 30, 40], 1 / 3)).toBe(20);
    expect(quantileSorted([7], 0.995)).toBe(7);
  });

  it('rejects an empty array and a quantile outside [0, 1]', () => {
    expect(() => quantileSorted([], 0.5)).toThrow(new StatsInputError('quantile needs at least one value'));
    expect(() => quantileSorted([1], 1.5)).toThrow('quantile must be in [0, 1], got 1.5');
    expect(() => quantileSorted([1], Number.NaN)).toThrow('quantile must be in [0, 1], got NaN');
  });
});

describe('median', () => {
  it("matches NumPy's median", () => {
    for (const testCase of reference.quantile) expect(median(testCase.values)).toBe(testCase.median);
  });

  it('averages the two middle values of an even count, in any input order', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
  });

  it('rejects empty input and non-finite values', () => {
    expect(() => median([])).toThrow('median needs at least one value');
    expect(() => median([1, Number.POSITIVE_INFINITY])).toThrow('median value must be finite, got Infinity');
  });
});
