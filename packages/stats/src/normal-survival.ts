import jstat from 'jstat';

/**
 * P(Z > z) for a standard normal Z, from jStat's normal CDF by symmetry (`Φ(−z)`). jStat computes it as
 * `½(1 + erf(x/√2))`, accurate to about 1e-16 absolute: ample for p-values compared with α = 0.01.
 *
 * @param z The standardized statistic (±∞ allowed).
 * @returns The upper-tail probability.
 */
export function normalSurvival(z: number): number {
  if (z === Number.POSITIVE_INFINITY) return 0;
  if (z === Number.NEGATIVE_INFINITY) return 1;
  return Math.min(1, Math.max(0, jstat.jStat.normal.cdf(-z, 0, 1)));
}
