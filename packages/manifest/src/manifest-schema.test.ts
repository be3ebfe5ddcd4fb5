import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { isReferenceCheck, ManifestSchema } from './manifest-schema.js';

function issuesOf(document: Record<string, unknown>): v.BaseIssue<unknown>[] {
  const result = v.safeParse(ManifestSchema, document, { abortEarly: false });
  if (result.success) throw new Error('expected issues');
  return result.issues;
}

describe('ManifestSchema', () => {
  it('checks shape only: paths are kept as written and not looked up on disk', () => {
    const result = v.safeParse(ManifestSchema, {
      entry: '../nowhere/x.av',
      module_root: 'no-such-folder',
      effects: { disk_root: 'gone' },
    });
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect([result.output.entry, result.output.moduleRoot, result.output.effects.diskRoot]).toEqual([
      '../nowhere/x.av',
      'no-such-folder',
      'gone',
    ]);
  });

  it('marks the reference checks (entry not a string, iterations = 0) and only them', () => {
    const issues = issuesOf({ entry: 3, iterations: 0n, warmup: -1n });
    expect(issues.map((issue) => [issue.message, isReferenceCheck(issue)])).toEqual([
      ['missing required `entry = "..."`', true],
      ['`iterations` must be > 0', true],
      ['`warmup` must be a non-negative integer, found -1', false],
    ]);
    const negative = issuesOf({ entry: 'x.av', iterations: -2n });
    expect(negative.map((issue) => [issue.message, isReferenceCheck(issue)])).toEqual([
      ['`iterations` must be > 0, found -2', false],
    ]);
  });

  it('puts contradicting [expected] bounds on the key that breaks them', () => {
    const issues = issuesOf({
      entry: 'x.av',
      expected: { response_bytes: 10n, response_bytes_min: 4n, response_bytes_max: 3n },
    });
    expect(issues.map((issue) => [issue.path?.map((item) => item.key).join('.'), issue.message])).toEqual([
      [
        'expected.response_bytes_max',
        '`expected.response_bytes_min` (4) must be <= `expected.response_bytes_max` (3)',
      ],
      [
        'expected.response_bytes',
        '`expected.response_bytes` (10) contradicts `expected.response_bytes_max` (3)',
      ],
    ]);
  });
});
