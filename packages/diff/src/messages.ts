/**
 * Every user-facing text of @aver/bench-diff, in one place (bench spec: "Comparison: `diff`" to
 * "Comparison: `format_diff`"). Dashes are U+2014.
 */

/** Note 1: the reports come from different targets. */
export const targetChanged = (baseline: string, current: string): string =>
  `target changed: baseline=${baseline} current=${current} — different units, do not trust the diff`;

/** Note 2: the pipeline ran different passes (lists in Rust Debug form). */
export const passesChanged = (baseline: string, current: string): string =>
  `passes_applied changed: baseline=${baseline} current=${current}`;

/** Note 3 (gated): the rendered response changed size. */
export const responseBytesChanged = (baseline: number, current: number): string =>
  `response_bytes: baseline=${baseline} current=${current} — regression`;

/** Note 4a (gated): more allocation sites than the baseline. */
export const allocsGrew = (baseline: number, current: number): string =>
  `compiler_visible_allocs grew: baseline=${baseline} current=${current} — regression`;

/** Note 4b (not gated): fewer allocation sites than the baseline. */
export const allocsShrank = (baseline: number, current: number): string =>
  `compiler_visible_allocs shrank: baseline=${baseline} current=${current} — improvement`;

/**
 * Note 5 (gated; our addition): the response has the same size but different content (its `response_sha256`
 * differs), which the reference cannot see. Digests are shortened to 12 hex digits.
 */
export const responseContentChanged = (baseline: string, current: string): string =>
  `response changed: baseline sha256=${baseline.slice(0, 12)} current sha256=${current.slice(0, 12)} (same size) — regression`;

/**
 * Note 6 (not gated; our addition): the VM executed a different number of instructions. Counts are exact and
 * machine-independent, so this explains a wall-time change (or its absence) without noise.
 */
export const instructionsChanged = (baseline: number, current: number, deltaPct: string): string =>
  `counters.instructions changed: baseline=${baseline} current=${current} (${deltaPct}%)`;

/**
 * Note 6, gated variant (our addition): instructions grew beyond the manifest's opt-in `instructions_pct`.
 * `limit` is the tolerance already formatted as `{:.0}`.
 */
export const instructionsGrew = (
  baseline: number,
  current: number,
  deltaPct: string,
  limit: string,
): string =>
  `counters.instructions grew: baseline=${baseline} current=${current} (${deltaPct}%, limit +${limit}%) — regression`;

/** First line of `formatDiff`. */
export const diffHeader = (scenario: string, regressed: boolean): string =>
  `${scenario}: ${regressed ? 'REGRESSION' : 'ok'}`;

/** A metric's verdict in `formatDiff`; `limit` is the tolerance already formatted as `{:.0}`. */
export const metricVerdict = (regressed: boolean, limit: string): string =>
  regressed ? `REGRESSION (limit +${limit}%)` : 'ok';

/** Heads the functions and opcodes whose counts changed most, under a diff. */
export const changedMost = 'changed most:';

/** The limit of a statistical time verdict: `limit +5%`, or `limit +6.4%, the noise floor` when the floor set it. */
export const statLimit = (pct: string, fromNoiseFloor: boolean): string =>
  `limit +${pct}%${fromNoiseFloor ? ', the noise floor' : ''}`;

/** Under a statistical diff decided by a confirmation round. */
export const confirmedBy = (firstVerdict: string): string =>
  `confirmed by a second round (first round: ${firstVerdict})`;

/** In the summary line: how many verdicts a confirmation round decided. */
export const confirmedCount = (count: number): string => `${count} decided by a confirmation round`;
