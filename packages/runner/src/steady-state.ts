import { median } from '@aver/bench-report';

/**
 * The steady-state test of one replicate's timed samples: are they still getting faster (the JIT still
 * arriving) while they are timed?
 */
export interface TrendResult {
  /** Kendall's tau-b between sample index and duration; negative when later samples are faster. */
  readonly kendallTau: number;
  /** One-sided p-value of "later samples are faster" (asymptotic normal, ties corrected). */
  readonly pValue: number;
  /** Median of the first third of the samples over the median of the last third. */
  readonly earlyLateRatio: number;
  /** Whether the samples are still trending down: `pValue` below 0.01 and `earlyLateRatio` at least 1.05. */
  readonly trending: boolean;
}

/** Fewer samples than this cannot show a trend (thirds of two samples each). */
export const TREND_MIN_SAMPLES = 6;
/** Significance level of the trend test. */
export const TREND_P_VALUE = 0.01;
/** Longer series are tested over this many block medians (the test is quadratic in its input). */
export const TREND_MAX_POINTS = 1000;
/** How much slower the first third must be than the last third for a significant trend to matter. */
export const TREND_MIN_RATIO = 1.05;

/**
 * Tests whether timed samples are still trending down, with the Mann–Kendall test: Kendall's tau-b between the
 * sample index and the duration, its asymptotic one-sided p-value (the tie-corrected variance, no continuity
 * correction, as `scipy.stats.kendalltau(..., alternative='less', method='asymptotic')` computes it), and the
 * ratio of the first third's median to the last third's. A trend counts when it is both significant
 * (`p < 0.01`) and large enough to matter (the first third at least 5 % slower): a long run on a busy machine
 * can show a significant but tiny drift, and a JIT still warming up shows a large one.
 * @param samples Durations in measurement order.
 * Series longer than `TREND_MAX_POINTS` are tested over that many block medians.
 * @returns The test's figures, or `null` for fewer than `TREND_MIN_SAMPLES` samples or when every sample is
 *   equal (no order to test).
 */
export function testTrend(samples: readonly number[]): TrendResult | null {
  if (samples.length < TREND_MIN_SAMPLES) return null;
  const points = samples.length > TREND_MAX_POINTS ? blockMedians(samples, TREND_MAX_POINTS) : samples;
  return mannKendall(points);
}

function mannKendall(samples: readonly number[]): TrendResult | null {
  const n = samples.length;
  let score = 0;
  for (let i = 0; i < n; i++) {
    const earlier = samples[i];
    for (let j = i + 1; j < n; j++) score += Math.sign(samples[j] - earlier);
  }
  const { pairs, correction } = tieGroups(samples);
  const total = (n * (n - 1)) / 2;
  if (pairs === total) return null;
  const kendallTau = score / Math.sqrt(total) / Math.sqrt(total - pairs);
  const m = n * (n - 1);
  const variance = (m * (2 * n + 5) - correction) / 18;
  const pValue = normalCdf(score / Math.sqrt(variance));
  const third = Math.floor(n / 3);
  const earlyLateRatio = median(samples.slice(0, third)) / median(samples.slice(n - third));
  return {
    kendallTau,
    pValue,
    earlyLateRatio,
    trending: pValue < TREND_P_VALUE && earlyLateRatio >= TREND_MIN_RATIO,
  };
}

/** The medians of `count` consecutive blocks of (nearly) equal size, in order. */
function blockMedians(samples: readonly number[], count: number): number[] {
  const blocks: number[] = [];
  for (let block = 0; block < count; block++) {
    const from = Math.floor((block * samples.length) / count);
    const to = Math.floor(((block + 1) * samples.length) / count);
    blocks.push(median(samples.slice(from, to)));
  }
  return blocks;
}

/** Tied pairs `Σ t(t−1)/2` and the variance correction `Σ t(t−1)(2t+5)` over groups of equal samples. */
function tieGroups(samples: readonly number[]): { pairs: number; correction: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  let pairs = 0;
  let correction = 0;
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && sorted[i] === sorted[start]) continue;
    const t = i - start;
    pairs += (t * (t - 1)) / 2;
    correction += t * (t - 1) * (2 * t + 5);
    start = i;
  }
  return { pairs, correction };
}

/**
 * The standard normal CDF, through the complementary error function of Numerical Recipes (`erfcc`, Chebyshev
 * fit, fractional error below 1.2e-7 everywhere), plenty for a significance threshold.
 */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Coefficients of `erfcc`'s exponent polynomial in t, lowest power first. */
const ERFC_COEFFICIENTS = [
  -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587,
  -0.82215223, 0.17087277,
];

function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  let polynomial = 0;
  for (let index = ERFC_COEFFICIENTS.length - 1; index >= 0; index--) {
    polynomial = polynomial * t + ERFC_COEFFICIENTS[index];
  }
  const value = t * Math.exp(-z * z + polynomial);
  return x >= 0 ? value : 2 - value;
}
