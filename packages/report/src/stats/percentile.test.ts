import { describe, expect, it } from 'vitest';
import { nearestRankIndex, percentile } from './percentile.js';
import { sortSamples } from './sort-samples.js';

describe('nearestRankIndex', () => {
  it('is ceil(p/100 × n) − 1, clamped to the array', () => {
    expect(nearestRankIndex(10, 0)).toBe(0);
    expect(nearestRankIndex(10, 50)).toBe(4);
    expect(nearestRankIndex(10, 51)).toBe(5);
    expect(nearestRankIndex(10, 100)).toBe(9);
    expect(nearestRankIndex(3, 99)).toBe(2);
    expect(nearestRankIndex(1, 50)).toBe(0);
  });

  it('computes (p / 100) × n in doubles, like the reference', () => {
    // (95 / 100) * 20 is 19 exactly in doubles; 0.95 * 20 would also be 19, but 0.29 * 100 is 28.999999999999996.
    expect(nearestRankIndex(20, 95)).toBe(18);
    expect(nearestRankIndex(100, 29)).toBe(28);
  });
});

describe('percentile', () => {
  it('returns the nearest-rank sample of sorted samples', () => {
    const sorted = sortSamples([40, 10, 30, 20]);
    expect(percentile(sorted, 25)).toBe(10);
    expect(percentile(sorted, 50)).toBe(20);
    expect(percentile(sorted, 75)).toBe(30);
    expect(percentile(sorted, 100)).toBe(40);
  });

  it('rejects an empty array and a rank outside 0–100', () => {
    expect(() => percentile(sortSamples([]), 50)).toThrow('percentile requires at least one sample');
    expect(() => percentile(sortSamples([1]), 101)).toThrow('percentile must be between 0 and 100, got 101');
    expect(() => percentile(sortSamples([1]), Number.NaN)).toThrow(RangeError);
  });
});
