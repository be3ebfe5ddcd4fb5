import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A deterministic source of uniform indices: the same seed always gives the same sequence. */
export interface SeededRandom {
  /** A uniform integer in [0, n). */
  index(n: number): number;
}

/**
 * A seeded xoroshiro128+ generator (pure-rand), drawn with pure-rand's unbiased `uniformInt`. The generator is
 * advanced in place: one instance is one reproducible stream.
 *
 * @param seed A 32-bit integer seed.
 * @returns The stream.
 */
export function createSeededRandom(seed: number): SeededRandom {
  const generator = xoroshiro128plus(seed | 0);
  return { index: (n) => uniformInt(generator, 0, n - 1) };
}
