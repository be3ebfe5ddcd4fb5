import { describe, expect, it } from 'vitest';
import { holmAdjust } from './holm.js';
import { closeTo, loadReference } from './test-helpers.js';

const reference = loadReference();

describe('holmAdjust', () => {
  it("matches statsmodels' multipletests(method='holm')", () => {
    for (const testCase of reference.holm) {
      const adjusted = holmAdjust(testCase.p);
      testCase.adjusted.forEach((expected, index) => {
        expect(closeTo(adjusted[index]!, expected, 1e-12)).toBe(true);
      });
    }
  });

  it('multiplies the smallest by m, the next by m − 1, keeps the order monotone and caps at 1', () => {
    // Worked by hand: sorted 0.005, 0.01, 0.03, 0.04 → 0.02, 0.03, 0.06, max(0.06, 0.04) = 0.06.
    expect(holmAdjust([0.01, 0.04, 0.03, 0.005])).toEqual([0.03, 0.06, 0.06, 0.02]);
    expect(holmAdjust([0.6, 0.9])).toEqual([1, 1]);
    expect(holmAdjust([])).toEqual([]);
  });

  it('rejects a p-value outside [0, 1]', () => {
    expect(() => holmAdjust([0.5, 1.2])).toThrow('p-value must be in [0, 1], got 1.2');
  });
});
