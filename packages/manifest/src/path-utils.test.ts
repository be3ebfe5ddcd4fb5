import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileStem, joinPathVerbatim, parentDirVerbatim } from './path-utils.js';

describe('joinPathVerbatim', () => {
  it('keeps `..` segments as written', () => {
    expect(joinPathVerbatim('bench/scenarios', '../../tools/edge/bench.av')).toBe(
      `bench/scenarios${path.sep}../../tools/edge/bench.av`,
    );
  });

  it('leaves the path alone for an empty base and replaces the base for an absolute path', () => {
    expect(joinPathVerbatim('', 'fib.av')).toBe('fib.av');
    expect(joinPathVerbatim('bench', '/abs/fib.av')).toBe('/abs/fib.av');
  });

  it('does not double a trailing separator', () => {
    expect(joinPathVerbatim('bench/scenarios/', 'fib.toml')).toBe('bench/scenarios/fib.toml');
  });
});

describe('parentDirVerbatim', () => {
  it('is empty for a bare file name, like Rust Path::parent', () => {
    expect(parentDirVerbatim('fib.toml')).toBe('');
    expect(parentDirVerbatim('./fib.toml')).toBe('.');
    expect(parentDirVerbatim('a/../b/fib.toml')).toBe('a/../b');
    expect(parentDirVerbatim('/fib.toml')).toBe('/');
  });
});

describe('fileStem', () => {
  it('drops the last extension only and falls back for an empty stem', () => {
    expect(fileStem('bench/fib.toml', 'scenario')).toBe('fib');
    expect(fileStem('a.b.av', 'scenario')).toBe('a.b');
    expect(fileStem('.hidden', 'scenario')).toBe('.hidden');
    expect(fileStem('', 'scenario')).toBe('scenario');
  });
});
