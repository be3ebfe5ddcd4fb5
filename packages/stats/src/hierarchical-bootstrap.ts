import * as messages from './messages.js';
import { quantileSorted } from './quantile.js';
import { checkReplicates, medianOfMedians, type Replicates } from './replicates.js';
import { createSeededRandom, type SeededRandom } from './seeded-random.js';
import { selectMedianInPlace } from './select-median.js';
import { StatsInputError } from './stats-input-error.js';

/** Parameters of the bootstrap; every one has a documented default. */
export interface BootstrapOptions {
  /** Bootstrap resamples. @default 10_000 */
  readonly resamples?: number;
  /** Two-sided confidence level of the interval. @default 0.99 */
  readonly confidence?: number;
  /** Seed of the xoroshiro128+ stream: the same inputs and seed always give the same interval. @default 0x5eed */
  readonly seed?: number;
}

/** Defaults of `BootstrapOptions`. */
export const BOOTSTRAP_DEFAULTS = Object.freeze({ resamples: 10_000, confidence: 0.99, seed: 0x5eed });

/** The effect of a change on the location (median of replicate medians), with its bootstrap interval. */
export interface RatioEstimate {
  /** Location of the base side in milliseconds. */
  readonly base: number;
  /** Location of the head side in milliseconds. */
  readonly head: number;
  /** `head / base`: above 1 is slower. */
  readonly ratio: number;
  /** Percentile-bootstrap interval of the ratio at `confidence`: `[low, high]`. */
  readonly ci: readonly [number, number];
  readonly resamples: number;
  readonly confidence: number;
  readonly seed: number;
}

/**
 * The ratio of the two sides' locations (median of replicate medians, head over base) with a percentile interval
 * from a seeded hierarchical bootstrap. Each resample, for each side (base first): draw as many replicates as the
 * side has, with replacement; for each drawn replicate draw as many samples as it has, with replacement, from
 * that replicate; take each resampled replicate's median, then the median of those. The resampled ratio is head
 * over base. The interval is the `(1 − c)/2` and `(1 + c)/2` quantiles (linear interpolation, NumPy's default)
 * of the resampled ratios.
 *
 * Resampling both levels keeps the two sources of noise apart: how much isolates differ (code placement, JIT
 * decisions) and how much one isolate's samples scatter. Resampling samples only would treat 10 × 30 correlated
 * samples as 300 independent ones and give intervals far too narrow.
 *
 * @param base The base side's replicates.
 * @param head The head side's replicates.
 * @param options Resamples, confidence and seed.
 * @returns The point estimate and its interval.
 * @throws {StatsInputError} On an empty side or replicate, a sample that is not finite and positive, or an option
 *   out of range.
 */
export function bootstrapRatio(
  base: Replicates,
  head: Replicates,
  options: BootstrapOptions = {},
): RatioEstimate {
  const resamples = options.resamples ?? BOOTSTRAP_DEFAULTS.resamples;
  const confidence = options.confidence ?? BOOTSTRAP_DEFAULTS.confidence;
  const seed = options.seed ?? BOOTSTRAP_DEFAULTS.seed;
  if (!Number.isSafeInteger(resamples) || resamples < 1)
    throw new StatsInputError(messages.notPositiveInteger('resamples', resamples));
  if (!(confidence > 0 && confidence < 1))
    throw new StatsInputError(messages.outOfRange('confidence', confidence, '(0, 1)'));
  checkReplicates(base, 'base');
  checkReplicates(head, 'head');

  const baseLocation = medianOfMedians(base);
  const headLocation = medianOfMedians(head);
  const random = createSeededRandom(seed);
  const baseSide = new ResampledSide(base);
  const headSide = new ResampledSide(head);
  const ratios = new Float64Array(resamples);
  for (let at = 0; at < resamples; at++) {
    const baseValue = baseSide.draw(random);
    ratios[at] = headSide.draw(random) / baseValue;
  }
  ratios.sort();
  const tail = (1 - confidence) / 2;
  return {
    base: baseLocation,
    head: headLocation,
    ratio: headLocation / baseLocation,
    ci: [quantileSorted(ratios, tail), quantileSorted(ratios, 1 - tail)],
    resamples,
    confidence,
    seed,
  };
}

/** One side's data in typed arrays, with scratch space, so a resample allocates nothing. */
class ResampledSide {
  private readonly replicates: Float64Array[];
  private readonly medians: Float64Array;
  private readonly scratch: Float64Array;

  constructor(replicates: Replicates) {
    this.replicates = replicates.map((samples) => Float64Array.from(samples));
    this.medians = new Float64Array(replicates.length);
    this.scratch = new Float64Array(Math.max(...replicates.map((samples) => samples.length)));
  }

  /** One hierarchical resample of this side: the median of resampled replicate medians. */
  draw(random: SeededRandom): number {
    const count = this.replicates.length;
    for (let slot = 0; slot < count; slot++) {
      const samples = this.replicates[random.index(count)]!;
      const size = samples.length;
      const drawn = this.scratch;
      for (let at = 0; at < size; at++) drawn[at] = samples[random.index(size)]!;
      this.medians[slot] = selectMedianInPlace(drawn, size);
    }
    return selectMedianInPlace(this.medians);
  }
}
