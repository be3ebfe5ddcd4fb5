import type { Tolerance } from '@aver/bench-manifest';
import {
  type BootstrapOptions,
  bootstrapRatio,
  holmAdjust,
  mannWhitneyU,
  type Replicates,
  replicateMedians,
} from '@aver/bench-stats';

/** A verdict of a statistical comparison. */
export type Verdict = 'regression' | 'improvement' | 'unchanged' | 'inconclusive';

/** The significance level of the gate: Holm-adjusted p-values below it are significant. */
export const GATE_ALPHA = 0.01;

/**
 * The default smallest change of the median time, in percent, that a statistical verdict calls a regression or an
 * improvement (the manifest's `[tolerance] wall_time_effect_pct` overrides it). 5 % is the effect-size guard
 * recommended for shared CI runners; noise is handled by the interval and the rank test, not by this threshold.
 */
export const DEFAULT_EFFECT_PCT = 5;

/**
 * The tolerance of a statistical time verdict: the manifest's `wall_time_effect_pct`, else `DEFAULT_EFFECT_PCT`.
 * The reference tolerances (`wall_time_p50_pct`, `wall_time_p95_pct`) are for comparing one sample set with another
 * and are not read: they must absorb the noise themselves, which the statistics here measure instead.
 */
export function effectTolerancePct(tolerance: Pick<Tolerance, 'wall_time_effect_pct'>): number {
  return tolerance.wall_time_effect_pct ?? DEFAULT_EFFECT_PCT;
}

/** What the data say about one scenario's time, before any verdict: effect, interval and rank test. */
export interface TimeEffect {
  /** Location of base (median of replicate medians), ms. */
  readonly base_ms: number;
  /** Location of head, ms. */
  readonly head_ms: number;
  /** `head_ms / base_ms`. */
  readonly ratio: number;
  /** Hierarchical-bootstrap interval of the ratio at `confidence`. */
  readonly ci: readonly [number, number];
  readonly confidence: number;
  /** Two-sided Mann-Whitney U p-value of head's replicate medians against base's (unadjusted). */
  readonly p_value: number;
  readonly replicates: { readonly base: number; readonly head: number };
}

/** A judged time comparison: the effect, the family-adjusted p-value, the threshold and the verdict. */
export interface TimeComparison extends TimeEffect {
  readonly verdict: Verdict;
  /** `p_value` after Holm's adjustment over the family (the folder) it was judged in. */
  readonly p_adjusted: number;
  readonly alpha: number;
  /** The manifest's `wall_time_effect_pct` (default `DEFAULT_EFFECT_PCT`). */
  readonly tolerance_pct: number;
  /** The calibrated noise floor in percent, or `null` when the scenario was not calibrated. */
  readonly noise_floor_pct: number | null;
  /** `max(tolerance_pct, noise_floor_pct)`: the smallest change that may be called a regression. */
  readonly threshold_pct: number;
}

/** One scenario to judge: its effect and what it tolerates. */
export interface TimeCase {
  readonly effect: TimeEffect;
  readonly tolerancePct: number;
  readonly noiseFloorPct: number | null;
}

/**
 * Measures the effect of head against base: the ratio of locations with its seeded hierarchical-bootstrap interval,
 * and the Mann-Whitney U test on one median per replicate.
 * @param base Base replicates (each a list of timed samples, ms).
 * @param head Head replicates.
 * @param bootstrap Resamples, confidence and seed (defaults of `@aver/bench-stats`).
 * @returns The effect.
 * @throws {StatsInputError} On an empty side or replicate, or a sample that is not finite and positive.
 */
export function measureTimeEffect(
  base: Replicates,
  head: Replicates,
  bootstrap: BootstrapOptions = {},
): TimeEffect {
  const estimate = bootstrapRatio(base, head, bootstrap);
  const test = mannWhitneyU(replicateMedians(head), replicateMedians(base));
  return {
    base_ms: estimate.base,
    head_ms: estimate.head,
    ratio: estimate.ratio,
    ci: estimate.ci,
    confidence: estimate.confidence,
    p_value: test.p,
    replicates: { base: base.length, head: head.length },
  };
}

/**
 * Judges a family of scenarios together (a folder, or the scenarios of one confirmation round): Holm's adjustment
 * over their p-values, then each one's verdict (see `timeVerdict`).
 * @param cases One per scenario.
 * @param alpha The family-wise significance level. @default GATE_ALPHA
 * @returns One comparison per case, in order.
 */
export function judgeTimes(cases: readonly TimeCase[], alpha: number = GATE_ALPHA): TimeComparison[] {
  const adjusted = holmAdjust(cases.map(({ effect }) => effect.p_value));
  return cases.map(({ effect, tolerancePct, noiseFloorPct }, index) => {
    const thresholdPct = Math.max(tolerancePct, noiseFloorPct ?? 0);
    const pAdjusted = adjusted[index]!;
    return {
      ...effect,
      verdict: timeVerdict(effect, pAdjusted, thresholdPct, alpha),
      p_adjusted: pAdjusted,
      alpha,
      tolerance_pct: tolerancePct,
      noise_floor_pct: noiseFloorPct,
      threshold_pct: thresholdPct,
    };
  });
}

/**
 * The verdict rule, with `t = thresholdPct / 100`:
 *
 * - `regression`: significant (`pAdjusted < alpha`), the interval above 1, and the ratio above `1 + t`; so a change
 *   smaller than the tolerance or the noise floor is never a regression;
 * - `improvement`: significant, the interval below 1, and the ratio below `1 / (1 + t)`;
 * - `unchanged`: the whole interval within `[1 / (1 + t), 1 + t]`: whatever changed is within tolerance;
 * - `inconclusive`: anything else: the data can neither show a change beyond the threshold nor rule one out.
 */
export function timeVerdict(
  effect: TimeEffect,
  pAdjusted: number,
  thresholdPct: number,
  alpha: number,
): Verdict {
  const upper = 1 + thresholdPct / 100;
  const lower = 1 / upper;
  const [low, high] = effect.ci;
  const significant = pAdjusted < alpha;
  if (significant && low > 1 && effect.ratio > upper) return 'regression';
  if (significant && high < 1 && effect.ratio < lower) return 'improvement';
  if (low >= lower && high <= upper) return 'unchanged';
  return 'inconclusive';
}
