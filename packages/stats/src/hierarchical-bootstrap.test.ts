import { describe, expect, it } from 'vitest';
import { BOOTSTRAP_DEFAULTS, bootstrapRatio } from './hierarchical-bootstrap.js';
import { loadReference } from './test-helpers.js';

const reference = loadReference();

describe('bootstrapRatio', () => {
  it('computes the locations and ratio exactly as NumPy does (median of replicate medians)', () => {
    for (const testCase of reference.bootstrap) {
      const estimate = bootstrapRatio(testCase.base, testCase.head, { resamples: 1 });
      expect(estimate.base).toBe(testCase.base_location);
      expect(estimate.head).toBe(testCase.head_location);
      expect(estimate.ratio).toBe(testCase.ratio);
    }
  });

  it('agrees with an independent NumPy hierarchical bootstrap within its Monte-Carlo error', () => {
    for (const testCase of reference.bootstrap) {
      for (const [confidence, expected] of [
        [0.95, testCase.ci_95],
        [0.99, testCase.ci_99],
      ] as const) {
        const { ci } = bootstrapRatio(testCase.base, testCase.head, {
          resamples: reference.test_resamples,
          confidence,
        });
        // Four standard deviations of a 10,000-resample run's endpoint (measured by the script), plus the
        // 400,000-resample reference's own, much smaller, error.
        const label = `${testCase.name} at ${confidence}: ${ci}`;
        expect(Math.abs(ci[0] - expected.low), label).toBeLessThanOrEqual(4.5 * expected.mc_sd_low);
        expect(Math.abs(ci[1] - expected.high), label).toBeLessThanOrEqual(4.5 * expected.mc_sd_high);
      }
    }
  });

  it('is deterministic for a seed, and the seed matters', () => {
    const { base, head } = reference.bootstrap[0]!;
    const first = bootstrapRatio(base, head, { resamples: 2000, seed: 11 });
    expect(bootstrapRatio(base, head, { resamples: 2000, seed: 11 })).toEqual(first);
    expect(bootstrapRatio(base, head, { resamples: 2000, seed: 12 }).ci).not.toEqual(first.ci);
  });

  it('documents its defaults: 10,000 resamples, 99 % confidence, seed 0x5eed', () => {
    expect(BOOTSTRAP_DEFAULTS).toEqual({ resamples: 10_000, confidence: 0.99, seed: 0x5eed });
    const estimate = bootstrapRatio([[1, 2, 3]], [[2, 3, 4]], { resamples: 10 });
    expect([estimate.confidence, estimate.seed, estimate.resamples]).toEqual([0.99, 0x5eed, 10]);
  });

  it('gives a point interval when every sample is equal, and contains the estimate otherwise', () => {
    const flat = bootstrapRatio([[2, 2], [2]], [[3, 3, 3]], { resamples: 50 });
    expect([flat.ratio, ...flat.ci]).toEqual([1.5, 1.5, 1.5]);
    const { base, head } = reference.bootstrap[2]!;
    const estimate = bootstrapRatio(base, head, { resamples: 2000 });
    expect(estimate.ci[0]).toBeLessThanOrEqual(estimate.ratio);
    expect(estimate.ci[1]).toBeGreaterThanOrEqual(estimate.ratio);
  });

  it('rejects empty sides and replicates, bad samples and bad options, naming the problem', () => {
    expect(() => bootstrapRatio([], [[1]])).toThrow('base replicates needs at least one value');
    expect(() => bootstrapRatio([[1]], [[1], []])).toThrow('head replicate 2 has no samples');
    expect(() => bootstrapRatio([[0]], [[1]])).toThrow('base sample must be positive, got 0');
    expect(() => bootstrapRatio([[1]], [[Number.NaN]])).toThrow('head sample must be finite, got NaN');
    expect(() => bootstrapRatio([[1]], [[1]], { resamples: 0 })).toThrow(
      'resamples must be a positive integer, got 0',
    );
    expect(() => bootstrapRatio([[1]], [[1]], { confidence: 1 })).toThrow(
      'confidence must be in (0, 1), got 1',
    );
  });
});
