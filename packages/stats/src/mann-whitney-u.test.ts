import { describe, expect, it } from 'vitest';
import { mannWhitneyU } from './mann-whitney-u.js';
import { closeTo, loadReference } from './test-helpers.js';

const reference = loadReference();

describe('mannWhitneyU', () => {
  it("gives SciPy's U₁ and its exact two-sided p-value when there are no ties", () => {
    for (const testCase of reference.mann_whitney.filter((entry) => entry.p_exact !== undefined)) {
      const result = mannWhitneyU(testCase.x, testCase.y, 'exact');
      expect(result.u, testCase.name).toBe(testCase.u);
      expect(closeTo(result.p, testCase.p_exact!, 1e-9), `${testCase.name}: ${result.p}`).toBe(true);
    }
  });

  it("gives SciPy's asymptotic p-value, with tie and continuity corrections", () => {
    for (const testCase of reference.mann_whitney) {
      const result = mannWhitneyU(testCase.x, testCase.y, 'asymptotic');
      expect(result.u, testCase.name).toBe(testCase.u);
      expect(closeTo(result.p, testCase.p_asymptotic, 1e-9), `${testCase.name}: ${result.p}`).toBe(true);
    }
  });

  it('uses the exact distribution by default without ties, and the approximation with ties or large samples', () => {
    for (const testCase of reference.mann_whitney) {
      const expected = testCase.p_exact !== undefined ? 'exact' : 'asymptotic';
      expect(mannWhitneyU(testCase.x, testCase.y).method, testCase.name).toBe(expected);
    }
  });

  it('is symmetric: swapping the samples swaps U and keeps p', () => {
    const x = [1.2, 3.4, 0.5, 2.2];
    const y = [2.5, 4.1, 3.3, 5.0, 0.1];
    const forward = mannWhitneyU(x, y);
    const backward = mannWhitneyU(y, x);
    expect(forward.u + backward.u).toBe(x.length * y.length);
    expect(backward.p).toBe(forward.p);
  });

  it('rejects an empty sample and non-finite values', () => {
    expect(() => mannWhitneyU([], [1])).toThrow('mannWhitneyU sample needs at least one value');
    expect(() => mannWhitneyU([1], [Number.NaN])).toThrow('mannWhitneyU value must be finite, got NaN');
  });
});
