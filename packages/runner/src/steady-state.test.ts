import { describe, expect, it } from 'vitest';
import { normalCdf, testTrend } from './steady-state.js';

// Reference values: scipy 1.17.1,
//   scipy.stats.kendalltau(numpy.arange(len(v)), v, alternative='less', method='asymptotic')
// (statistic = tau-b, pvalue one-sided). Ratios worked out by hand from the thirds of each series.
const CASES = [
  {
    name: 'strictly decreasing',
    samples: [5, 4, 3, 2, 1, 0.5],
    tau: -0.9999999999999999,
    p: 0.0024161204344480703,
    ratio: 4.5 / 0.75,
    trending: true,
  },
  {
    name: 'the JIT arriving half way',
    samples: [0.7, 0.69, 0.71, 0.7, 0.68, 0.06, 0.061, 0.059, 0.06, 0.062, 0.06, 0.058],
    tau: -0.6565706694547585,
    p: 0.00179460152128419,
    ratio: 0.7 / 0.06,
    trending: true,
  },
  {
    name: 'ties, not significant at 1 %',
    samples: [3, 3, 2, 2, 1, 1, 1, 2],
    tau: -0.6185895741317419,
    p: 0.023472363489240897,
    ratio: 3 / 1.5,
    trending: false,
  },
  {
    name: 'noise',
    samples: [1.0, 1.2, 0.9, 1.1, 1.0, 0.95, 1.05, 1.15, 0.9, 1.0],
    tau: -0.1164050492949297,
    p: 0.32426587937948204,
    ratio: 1,
    trending: false,
  },
  {
    name: 'getting slower',
    samples: [1, 2, 3, 4, 5, 6, 7],
    tau: 1,
    p: 0.9991946025180537,
    ratio: 1.5 / 6.5,
    trending: false,
  },
];

describe('testTrend', () => {
  for (const example of CASES) {
    it(`matches scipy's Kendall tau-b and one-sided p-value: ${example.name}`, () => {
      const result = testTrend(example.samples);
      expect(result).not.toBeNull();
      expect(result!.kendallTau).toBeCloseTo(example.tau, 12);
      expect(result!.pValue).toBeCloseTo(example.p, 6);
      expect(result!.earlyLateRatio).toBeCloseTo(example.ratio, 12);
      expect(result!.trending).toBe(example.trending);
    });
  }

  it('does not call a significant but small drift a trend', () => {
    const samples = Array.from({ length: 60 }, (_, index) => 1.02 - (0.02 * index) / 59);
    const result = testTrend(samples)!;
    expect(result.pValue).toBeLessThan(1e-6);
    // First third's median: samples 9 and 10; last third's: samples 49 and 50.
    expect(result.earlyLateRatio).toBeCloseTo((1.02 - (0.02 * 9.5) / 59) / (1.02 - (0.02 * 49.5) / 59), 12);
    expect(result.trending).toBe(false);
  });

  it('cannot test fewer than six samples, or samples that are all equal', () => {
    expect(testTrend([5, 4, 3, 2, 1])).toBeNull();
    expect(testTrend([2, 2, 2, 2, 2, 2, 2])).toBeNull();
  });

  it('tests a long series over 1,000 block medians', () => {
    const series = Array.from({ length: 1000 }, (_, index) => 2 + Math.sin(index) - index / 500);
    const tripled = series.flatMap((value) => [value, value, value]);
    expect(testTrend(tripled)).toEqual(testTrend(series));
  });
});

describe('normalCdf', () => {
  it('matches the standard normal CDF to 1e-7', () => {
    // scipy.stats.norm.cdf
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(-1.959963984540054)).toBeCloseTo(0.025, 7);
    expect(normalCdf(-2.3263478740408408)).toBeCloseTo(0.01, 7);
    expect(normalCdf(1.6448536269514722)).toBeCloseTo(0.95, 7);
  });
});
