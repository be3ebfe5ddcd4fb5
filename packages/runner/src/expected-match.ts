import type { ExpectedShape } from '@aver/bench-manifest';

/**
 * The documented meaning of `expected_match` (spec §4.5; the reference always writes `null`): `null` when the
 * manifest sets no `[expected]` bound, otherwise `true` only when the response is non-null and meets every bound
 * that is set (`== response_bytes`, `>= response_bytes_min`, `<= response_bytes_max`).
 * @param expected The manifest's bounds.
 * @param responseBytes The response size, `null` for a Unit result.
 * @returns The verdict.
 */
export function computeExpectedMatch(expected: ExpectedShape, responseBytes: number | null): boolean | null {
  const { responseBytes: exact, responseBytesMin: min, responseBytesMax: max } = expected;
  if (exact === null && min === null && max === null) return null;
  if (responseBytes === null) return false;
  if (exact !== null && responseBytes !== exact) return false;
  if (min !== null && responseBytes < min) return false;
  if (max !== null && responseBytes > max) return false;
  return true;
}
