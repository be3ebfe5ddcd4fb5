import { describe, expect, it } from 'vitest';
import { computeExpectedMatch, expectedMatchOverRuns } from './expected-match.js';

const bounds = (
  responseBytes: number | null,
  responseBytesMin: number | null,
  responseBytesMax: number | null,
) => ({
  responseBytes,
  responseBytesMin,
  responseBytesMax,
});

describe('computeExpectedMatch', () => {
  it('is null when the manifest has no expectations, whatever the response', () => {
    expect(computeExpectedMatch(bounds(null, null, null), 3)).toBeNull();
    expect(computeExpectedMatch(bounds(null, null, null), null)).toBeNull();
  });

  it('is false for a Unit response when any bound is set', () => {
    expect(computeExpectedMatch(bounds(null, 0, null), null)).toBe(false);
  });

  it('checks the exact size', () => {
    expect(computeExpectedMatch(bounds(3, null, null), 3)).toBe(true);
    expect(computeExpectedMatch(bounds(3, null, null), 4)).toBe(false);
  });

  it('checks inclusive min and max bounds', () => {
    expect(computeExpectedMatch(bounds(null, 3, 5), 3)).toBe(true);
    expect(computeExpectedMatch(bounds(null, 3, 5), 5)).toBe(true);
    expect(computeExpectedMatch(bounds(null, 3, 5), 2)).toBe(false);
    expect(computeExpectedMatch(bounds(null, 3, 5), 6)).toBe(false);
  });

  it('requires every bound that is set', () => {
    expect(computeExpectedMatch(bounds(4, 3, 5), 4)).toBe(true);
    expect(computeExpectedMatch(bounds(4, 3, 5), 5)).toBe(false);
  });
});

describe('expectedMatchOverRuns', () => {
  it('is null without bounds, and true only when every size meets every bound', () => {
    expect(expectedMatchOverRuns(bounds(null, null, null), [1, null])).toBeNull();
    expect(expectedMatchOverRuns(bounds(null, 2, 4), [2, 3, 4])).toBe(true);
    expect(expectedMatchOverRuns(bounds(null, 2, 4), [2, 5])).toBe(false);
    expect(expectedMatchOverRuns(bounds(3, null, null), [3, null])).toBe(false);
  });
});
