import * as messages from './messages.js';
import { normalSurvival } from './normal-survival.js';
import { StatsInputError } from './stats-input-error.js';

/** How the p-value is computed: the exact null distribution of U, or the normal approximation. */
export type MannWhitneyMethod = 'exact' | 'asymptotic';

/** Result of a two-sided Mann-Whitney U test. */
export interface MannWhitneyResult {
  /** U of the first sample: how many (x, y) pairs have x > y, ties counting ½ (SciPy's `U1`). */
  readonly u: number;
  /** Two-sided p-value. */
  readonly p: number;
  readonly method: MannWhitneyMethod;
}

/**
 * Largest `n₁ · n₂` for which `auto` uses the exact distribution (the exact computation grows as
 * (n₁ + n₂) · min(n₁, n₂) · n₁ n₂; at this size it takes milliseconds).
 */
export const EXACT_LIMIT = 2500;

/**
 * Two-sided Mann-Whitney U test of "x and y come from the same distribution", as SciPy's
 * `mannwhitneyu(x, y, alternative='two-sided')` computes it: U₁ from mid-ranks, the statistic `max(U₁, U₂)`, and
 * `p = min(1, 2 · P(U ≥ max(U₁, U₂)))`.
 *
 * - `exact`: P from the exact null distribution of U (the Gaussian binomial coefficient [n₁+n₂ choose n₁]_q,
 *   built by q-Pascal additions only, so it stays accurate). Valid without ties.
 * - `asymptotic`: the normal approximation with the tie correction and a continuity correction of ½.
 * - `auto` (default): `exact` when there are no ties and n₁ · n₂ ≤ `EXACT_LIMIT`, else `asymptotic`. (SciPy's
 *   `auto` switches to the approximation from 9 values per side; the exact value is better and cheap here.)
 *
 * @param x First sample (for us: head's replicate medians).
 * @param y Second sample (base's).
 * @param method The p-value method.
 * @returns U₁, the p-value and the method used.
 * @throws {StatsInputError} On an empty sample or a value that is not finite.
 */
export function mannWhitneyU(
  x: readonly number[],
  y: readonly number[],
  method: MannWhitneyMethod | 'auto' = 'auto',
): MannWhitneyResult {
  if (x.length === 0 || y.length === 0) throw new StatsInputError(messages.empty('mannWhitneyU sample'));
  for (const value of [...x, ...y])
    if (!Number.isFinite(value)) throw new StatsInputError(messages.notFinite('mannWhitneyU value', value));
  const n1 = x.length;
  const n2 = y.length;
  const { ranks, tieTerm } = midRanks([...x, ...y]);
  let rankSum = 0;
  for (let at = 0; at < n1; at++) rankSum += ranks[at]!;
  const u1 = rankSum - (n1 * (n1 + 1)) / 2;
  const u = Math.max(u1, n1 * n2 - u1);
  const chosen: MannWhitneyMethod =
    method === 'auto' ? (tieTerm === 0 && n1 * n2 <= EXACT_LIMIT ? 'exact' : 'asymptotic') : method;
  const upper = chosen === 'exact' ? exactSurvival(u, n1, n2) : asymptoticSurvival(u, n1, n2, tieTerm);
  return { u: u1, p: Math.min(1, Math.max(0, 2 * upper)), method: chosen };
}

/** Mid-ranks (1-based, ties share their average rank) and the tie term Σ(t³ − t) over tie groups. */
function midRanks(values: readonly number[]): { ranks: Float64Array; tieTerm: number } {
  const order = values.map((_, index) => index).sort((left, right) => values[left]! - values[right]!);
  const ranks = new Float64Array(values.length);
  let tieTerm = 0;
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && values[order[end]!] === values[order[start]!]) end++;
    const rank = (start + 1 + end) / 2;
    for (let at = start; at < end; at++) ranks[order[at]!] = rank;
    const size = end - start;
    tieTerm += size * size * size - size;
    start = end;
  }
  return { ranks, tieTerm };
}

/** P(U ≥ u) under the normal approximation, tie-corrected, with the continuity correction. */
function asymptoticSurvival(u: number, n1: number, n2: number, tieTerm: number): number {
  const n = n1 + n2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (!(variance > 0)) return 0.5; // every value tied: no evidence either way (p becomes 1)
  return normalSurvival((u - (n1 * n2) / 2 - 0.5) / Math.sqrt(variance));
}

/**
 * P(U ≥ u) from the exact null distribution: the number of arrangements with U = d is the coefficient of q^d in
 * the Gaussian binomial [n₁+n₂ choose k]_q (k = min(n₁, n₂)), built row by row with q-Pascal's rule
 * `[i choose j] = [i−1 choose j−1] + q^j [i−1 choose j]`.
 */
function exactSurvival(u: number, n1: number, n2: number): number {
  const total = n1 + n2;
  const k = Math.min(n1, n2);
  const degree = n1 * n2;
  const rows: Float64Array[] = [];
  for (let j = 0; j <= k; j++) rows.push(new Float64Array(degree + 1));
  rows[0]![0] = 1;
  for (let i = 1; i <= total; i++) {
    for (let j = Math.min(i, k); j >= 1; j--) {
      const row = rows[j]!;
      const previous = rows[j - 1]!;
      const maxDegree = j * (i - j);
      for (let d = maxDegree; d >= 0; d--) row[d] = previous[d]! + (d >= j ? row[d - j]! : 0);
    }
  }
  const counts = rows[k]!;
  let all = 0;
  let tail = 0;
  const from = Math.ceil(u - 1e-9);
  for (let d = degree; d >= 0; d--) {
    all += counts[d]!;
    if (d >= from) tail += counts[d]!;
  }
  return tail / all;
}
