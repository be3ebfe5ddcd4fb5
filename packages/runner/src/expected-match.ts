import type { ExpectedShape } from '@aver/bench-manifest';

/**
 * The documented meaning of `expected_match` (bench spec: "Report JSON: `expected_match`"; the reference always
 * writes `null`): `null` when the manifest sets no `[expected]` bound, otherwise `true` only when the response is
 * non-null and meets every bound that is set (`== response_bytes`, `>= response_bytes_min`, `<= response_bytes_max`).
 * @param expected The manifest's bounds.
 * @param responseBytes The response size, `null` for a Unit result.
 * @returns The verdict.
 */
export function computeExpectedMatch(expected: ExpectedShape, responseBytes: number | null): boolean | null {
  return expectedMatchOverRuns(expected, [responseBytes]);
}

/**
 * `expected_match` over several timed iterations: `null` without bounds, otherwise `true` only when every
 * iteration's response size meets every bound (see `computeExpectedMatch`).
 * @param expected The manifest's bounds.
 * @param sizes The response size of each iteration (or each distinct one), `null` for a Unit result.
 * @returns The verdict.
 */
export function expectedMatchOverRuns(
  expected: ExpectedShape,
  sizes: readonly (number | null)[],
): boolean | null {
  const { responseBytes: exact, responseBytesMin: min, responseBytesMax: max } = expected;
  if (exact === null && min === null && max === null) return null;
  return sizes.every((size) => meetsBounds(expected, size));
}

function meetsBounds(expected: ExpectedShape, responseBytes: number | null): boolean {
  const { responseBytes: exact, responseBytesMin: min, responseBytesMax: max } = expected;
  if (responseBytes === null) return false;
  if (exact !== null && responseBytes !== exact) return false;
  if (min !== null && responseBytes < min) return false;
  if (max !== null && responseBytes > max) return false;
  return true;
}
