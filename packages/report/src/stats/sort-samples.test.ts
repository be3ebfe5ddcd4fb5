import { describe, expect, it } from 'vitest';
import { sortSamples } from './sort-samples.js';

describe('sortSamples', () => {
  it('returns an ascending copy and leaves the input alone', () => {
    const samples = [3, 1, 2, 1];
    expect(sortSamples(samples)).toEqual([1, 1, 2, 3]);
    expect(samples).toEqual([3, 1, 2, 1]);
  });

  it('sorts numerically, not as strings', () => {
    expect(sortSamples([10, 9, 100, 0.5])).toEqual([0.5, 9, 10, 100]);
  });

  it('treats NaN as equal to everything without throwing', () => {
    const sorted = sortSamples([2, Number.NaN, 1]);
    expect(sorted).toHaveLength(3);
    expect(sorted.filter(Number.isNaN)).toHaveLength(1);
  });
});
