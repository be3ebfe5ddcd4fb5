import { describe, expect, it } from 'vitest';
import { normalSurvival } from './normal-survival.js';
import { closeTo, loadReference } from './test-helpers.js';

describe('normalSurvival', () => {
  it("matches SciPy's norm.sf", () => {
    for (const { z, sf } of loadReference().normal_sf)
      expect(closeTo(normalSurvival(z), sf, 1e-9), `z=${z}`).toBe(true);
  });

  it('is 0 and 1 at the infinities', () => {
    expect(normalSurvival(Number.POSITIVE_INFINITY)).toBe(0);
    expect(normalSurvival(Number.NEGATIVE_INFINITY)).toBe(1);
  });
});
