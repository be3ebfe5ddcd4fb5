// Seeded randomness for the fuzzer: pure-rand's xoroshiro128+ and its unbiased uniformInt, behind the few draws
// the mutators need. One Random is one reproducible stream: the same seed gives the same draws.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export class Random {
  /** @param {number} seed A 32-bit integer seed. */
  constructor(seed) {
    this.generator = xoroshiro128plus(seed | 0);
  }

  /** A uniform integer in [from, to] (both included). */
  int(from, to) {
    return uniformInt(this.generator, from, to);
  }

  /** A uniform index in [0, n). */
  index(n) {
    return uniformInt(this.generator, 0, n - 1);
  }

  /** One element of a non-empty array. */
  pick(items) {
    return items[this.index(items.length)];
  }

  /** True with probability `numerator / denominator`. */
  chance(numerator, denominator) {
    return this.index(denominator) < numerator;
  }

  /** A fresh 32-bit seed, to give a sub-task its own stream. */
  seed() {
    return uniformInt(this.generator, -0x80000000, 0x7fffffff);
  }

  /** One of `[weight, value]` pairs, drawn in proportion to the weights. */
  weighted(pairs) {
    const total = pairs.reduce((sum, [weight]) => sum + weight, 0);
    let draw = this.index(total);
    for (const [weight, value] of pairs) {
      if (draw < weight) return value;
      draw -= weight;
    }
    throw new Error('unreachable: the draw is below the total weight');
  }
}
