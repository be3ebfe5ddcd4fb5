import { beforeEach, describe, expect, it } from 'vitest';
import { NONE, type Value, type WrapValue } from '../values.js';
import {
  clearCodePointCache,
  codePointAt,
  codePointCacheStats,
  codePointLength,
  codePointSlice,
} from './code-point-index.js';
import { callBuiltin } from './test-helpers.js';

/** Walks `String.charAt(s, 0..)` until None, as an Aver loop would, and returns the joined chars. */
function walk(text: string): string {
  let out = '';
  for (let i = 0; ; i++) {
    const char: Value = callBuiltin('String.charAt', text, i);
    if (char === NONE) return out;
    out += (char as WrapValue).value as string;
  }
}

describe('code-point indexing', () => {
  beforeEach(() => clearCodePointCache());

  it('indexes strings with and without surrogates', () => {
    const astral = 'x'.repeat(40) + '😀' + 'y'.repeat(40) + '\u{10000}';
    expect(codePointLength(astral)).toBe(82);
    expect(codePointAt(astral, 40)).toBe('😀');
    expect(codePointAt(astral, 41)).toBe('y');
    expect(codePointAt(astral, 81)).toBe('\u{10000}');
    expect(codePointAt(astral, 82)).toBeUndefined();
    expect(codePointSlice(astral, 39, 42)).toBe('x😀y');
    expect(codePointAt('short😀', 5)).toBe('😀');
  });

  it('scans a long string once for a whole charAt walk (one miss, then only hits)', () => {
    const text = 'ab😀'.repeat(5_000);
    expect(walk(text)).toBe(text);
    expect(codePointCacheStats()).toEqual({ misses: 1, hits: 15_000 });
  });

  it('keeps the scan count constant as the walk grows tenfold, also for an all-BMP string', () => {
    walk('abc'.repeat(3_334));
    const small = codePointCacheStats();
    clearCodePointCache();
    walk('abc'.repeat(33_334));
    const large = codePointCacheStats();
    expect(small.misses).toBe(1);
    expect(large.misses).toBe(1);
    expect(large.hits).toBe(100_002);
  });

  it('serves two strings walked side by side from the cache', () => {
    const left = 'l😀'.repeat(100);
    const right = 'r'.repeat(300);
    for (let i = 0; i < 200; i++) {
      callBuiltin('String.charAt', left, i);
      callBuiltin('String.charAt', right, i);
    }
    expect(codePointCacheStats().misses).toBe(2);
  });

  it('makes String.len and String.slice reuse the cached scan', () => {
    const text = 'é😀'.repeat(1_000);
    expect(callBuiltin('String.len', text)).toBe(2_000);
    expect(callBuiltin('String.slice', text, 1, 3)).toBe('😀é');
    expect(codePointCacheStats()).toEqual({ misses: 1, hits: 1 });
  });
});
