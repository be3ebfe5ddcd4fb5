import { describe, expect, it } from 'vitest';
import { mean } from './mean.js';
import { median } from './median.js';

describe('mean', () => {
  it('averages the samples', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(mean([7])).toBe(7);
  });
});

describe('median', () => {
  it('is the middle sample for an odd count and the midpoint of the two middle samples for an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([9])).toBe(9);
  });
});

describe('every estimator', () => {
  it('rejects an empty sample array with its own name in the message', () => {
    expect(() => mean([])).toThrow('mean requires at least one sample');
    expect(() => median([])).toThrow('median requires at least one sample');
  });
});
