import { describe, expect, it } from 'vitest';
import type { TimeEffect } from './time-comparison.js';
import { judgeTimes, measureTimeEffect, timeVerdict } from './time-comparison.js';

const effect = (ratio: number, ci: [number, number], p = 0.001): TimeEffect => ({
  base_ms: 1,
  head_ms: ratio,
  ratio,
  ci,
  confidence: 0.99,
  p_value: p,
  replicates: { base: 10, head: 10 },
});

describe('timeVerdict', () => {
  it('calls a significant change beyond the threshold a regression or an improvement', () => {
    expect(timeVerdict(effect(1.1, [1.07, 1.13]), 0.001, 5, 0.01)).toBe('regression');
    expect(timeVerdict(effect(0.9, [0.87, 0.93]), 0.001, 5, 0.01)).toBe('improvement');
  });

  it('never calls a change at or below the threshold a regression, however significant', () => {
    expect(timeVerdict(effect(1.04, [1.03, 1.045]), 1e-6, 5, 0.01)).toBe('unchanged');
    expect(timeVerdict(effect(1.04, [1.03, 1.06]), 1e-6, 5, 0.01)).toBe('inconclusive');
    // The noise floor raises the threshold: 10 % is not a regression over a 12 % floor.
    expect(timeVerdict(effect(1.1, [1.07, 1.13]), 0.001, 12, 0.01)).toBe('inconclusive');
  });

  it('needs significance after adjustment and an interval that excludes 1', () => {
    expect(timeVerdict(effect(1.1, [1.07, 1.13]), 0.02, 5, 0.01)).toBe('inconclusive');
    expect(timeVerdict(effect(1.1, [0.99, 1.2]), 0.001, 5, 0.01)).toBe('inconclusive');
  });

  it('is unchanged when the whole interval lies within the tolerance band', () => {
    expect(timeVerdict(effect(1.0, [0.97, 1.03]), 0.9, 5, 0.01)).toBe('unchanged');
    expect(timeVerdict(effect(1.0, [1 / 1.05, 1.05]), 0.9, 5, 0.01)).toBe('unchanged');
    expect(timeVerdict(effect(1.0, [0.9, 1.1]), 0.9, 5, 0.01)).toBe('inconclusive');
  });
});

describe('judgeTimes', () => {
  it('adjusts the p-values of the family with Holm before judging', () => {
    // p = 0.004 alone passes alpha 0.01; among three with 0.004 the smallest is multiplied by 3 → 0.012.
    const cases = [0.004, 0.004, 0.5].map((p) => ({
      effect: effect(1.2, [1.1, 1.3], p),
      tolerancePct: 5,
      noiseFloorPct: null,
    }));
    const judged = judgeTimes(cases);
    expect(judged.map(({ p_adjusted }) => p_adjusted)).toEqual([0.012, 0.012, 0.5]);
    expect(judged.map(({ verdict }) => verdict)).toEqual(['inconclusive', 'inconclusive', 'inconclusive']);
    expect(judgeTimes(cases.slice(0, 1))[0]!.verdict).toBe('regression');
  });

  it('uses the larger of tolerance and noise floor as the threshold', () => {
    const [judged] = judgeTimes([{ effect: effect(1.2, [1.1, 1.3]), tolerancePct: 5, noiseFloorPct: 8 }]);
    expect([judged!.threshold_pct, judged!.noise_floor_pct, judged!.tolerance_pct]).toEqual([8, 8, 5]);
  });
});

describe('measureTimeEffect', () => {
  it('detects a clean 20 % slowdown across ten replicates with the exact rank test', () => {
    const side = (factor: number) =>
      Array.from({ length: 10 }, (_, replicate) =>
        Array.from(
          { length: 9 },
          (_, sample) => factor * (1 + 0.002 * replicate) * (1 + 0.01 * (sample % 3)),
        ),
      );
    const measured = measureTimeEffect(side(1), side(1.2), { resamples: 2000 });
    // Every head median is above every base median: U = 0 of 100 pairs, p = 2 / C(20, 10).
    expect(measured.p_value).toBeCloseTo(2 / 184756, 12);
    expect(measured.ratio).toBeCloseTo(1.2, 12); // same shape, every sample 1.2×
    expect(measured.ci[0]).toBeGreaterThan(1.15);
    expect(judgeTimes([{ effect: measured, tolerancePct: 5, noiseFloorPct: null }])[0]!.verdict).toBe(
      'regression',
    );
  });
});
