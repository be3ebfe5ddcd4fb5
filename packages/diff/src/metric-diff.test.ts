import { describe, expect, it } from 'vitest';
import { metricDiff } from './metric-diff.js';

describe('metricDiff', () => {
  it('is the relative change in percent', () => {
    expect(metricDiff(4, 5, 30)).toEqual({
      baseline: 4,
      current: 5,
      delta_pct: 25,
      tolerance_pct: 30,
      regressed: false,
    });
    expect(metricDiff(4, 3, 30).delta_pct).toBe(-25);
  });

  it('regresses only when the change is strictly above the tolerance', () => {
    expect(metricDiff(4, 5, 25).regressed).toBe(false);
    expect(metricDiff(4, 5.000001, 25).regressed).toBe(true);
    expect(metricDiff(4, 5, 24.999).regressed).toBe(true);
  });

  it('is 0 % and never regresses when the baseline is 0 or negative', () => {
    expect(metricDiff(0, 5, 20)).toEqual({
      baseline: 0,
      current: 5,
      delta_pct: 0,
      tolerance_pct: 20,
      regressed: false,
    });
    expect(metricDiff(-1, 5, 20).delta_pct).toBe(0);
    expect(metricDiff(0, 5, -1).regressed).toBe(true);
  });

  it('never flags a faster run with a non-negative tolerance', () => {
    expect(metricDiff(10, 1, 0).regressed).toBe(false);
    expect(metricDiff(10, 10, 0).regressed).toBe(false);
  });

  it('computes exactly as the reference, in doubles', () => {
    // ((c − b) / b) × 100 in that order, as the reference's Rust does (values worked out with Python's floats):
    // (c − b) × 100 / b would give 25.977011494252885 and (c / b − 1) × 100 25.97701149425289 for the second.
    expect(metricDiff(7.07, 7.5, 20).delta_pct).toBe(6.0820367751060775);
    expect(metricDiff(0.87, 1.096, 20).delta_pct).toBe(25.97701149425288);
    expect(metricDiff(10, 12, 20)).toMatchObject({ delta_pct: 20, regressed: false });
  });
});
