import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cv } from './cv.js';
import { mad } from './mad.js';
import { mean } from './mean.js';
import { median } from './median.js';
import { stddev } from './stddev.js';

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

describe('mad', () => {
  it('is the median of absolute deviations from the median', () => {
    // median 2; deviations 1, 1, 0, 0, 2, 4, 7 → median 1
    expect(mad([1, 1, 2, 2, 4, 6, 9])).toBe(1);
    expect(mad([3, 3, 3])).toBe(0);
  });
});

describe('stddev', () => {
  it('is the Bessel-corrected sample standard deviation', () => {
    // mean 5, squared deviations sum to 32, 32 / 7
    expect(stddev([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(stddev([1, 3])).toBeCloseTo(Math.SQRT2, 12);
  });

  it('is 0 for a single sample or identical samples', () => {
    expect(stddev([42])).toBe(0);
    expect(stddev([2, 2, 2])).toBe(0);
  });
});

describe('cv', () => {
  it('is the standard deviation relative to the mean', () => {
    expect(cv([1, 3])).toBeCloseTo(Math.SQRT2 / 2, 12);
    expect(cv([5, 5])).toBe(0);
  });

  it('is NaN when the mean is 0', () => {
    expect(cv([-1, 1])).toBeNaN();
  });

  it('does not change when every sample is scaled by a positive factor', () => {
    const samples = fc.array(fc.double({ min: 0.001, max: 1000, noNaN: true }), {
      minLength: 2,
      maxLength: 50,
    });
    fc.assert(
      fc.property(samples, fc.double({ min: 0.5, max: 8, noNaN: true }), (values, factor) => {
        const scaled = values.map((value) => value * factor);
        return Math.abs(cv(scaled) - cv(values)) <= 1e-9 * Math.max(1, cv(values));
      }),
    );
  });
});

describe('every estimator', () => {
  it('rejects an empty sample array with its own name in the message', () => {
    expect(() => mean([])).toThrow('mean requires at least one sample');
    expect(() => median([])).toThrow('median requires at least one sample');
    expect(() => mad([])).toThrow('mad requires at least one sample');
    expect(() => stddev([])).toThrow('stddev requires at least one sample');
    expect(() => cv([])).toThrow('cv requires at least one sample');
  });
});
