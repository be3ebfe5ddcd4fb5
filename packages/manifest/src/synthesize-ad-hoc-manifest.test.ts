import { describe, expect, it } from 'vitest';
import { ManifestError } from './manifest-error.js';
import { synthesizeAdHocManifest } from './synthesize-ad-hoc-manifest.js';

describe('synthesizeAdHocManifest', () => {
  it('uses the file stem, the path as given and the ad-hoc defaults 30/3', () => {
    expect(synthesizeAdHocManifest('bench/../fib.AV')).toEqual({
      path: 'bench/../fib.AV',
      name: 'fib',
      entry: 'bench/../fib.AV',
      moduleRoot: 'bench/..',
      iterations: 30,
      warmup: 3,
      args: [],
      expected: { responseBytes: null, responseBytesMin: null, responseBytesMax: null },
      tolerance: { wall_time_p50_pct: 20, wall_time_p95_pct: 30 },
      effects: { allow: [], diskRoot: null },
      timeoutMs: 300_000,
      memoryLimitMb: null,
      warnings: [],
    });
  });

  it('takes explicit counts, including warmup 0, and a bare name gets module root `.`', () => {
    const manifest = synthesizeAdHocManifest('fib.av', { iterations: 5, warmup: 0 });
    expect([manifest.iterations, manifest.warmup, manifest.moduleRoot]).toEqual([5, 0, '.']);
  });

  it('rejects zero iterations with a clear error instead of panicking later', () => {
    expect(() => synthesizeAdHocManifest('fib.av', { iterations: 0 })).toThrowError(
      new ManifestError('validate', 'fib.av', [
        { message: 'fib.av: `iterations` must be > 0', key: 'iterations', line: null, column: null },
      ]),
    );
    expect(() => synthesizeAdHocManifest('fib.av', { iterations: 0 })).toThrow(
      'fib.av: `iterations` must be > 0',
    );
  });

  it('takes a time limit, 300,000 ms by default, and refuses zero', () => {
    expect(synthesizeAdHocManifest('fib.av').timeoutMs).toBe(300_000);
    expect(synthesizeAdHocManifest('fib.av', { timeoutMs: 50 }).timeoutMs).toBe(50);
    expect(() => synthesizeAdHocManifest('fib.av', { timeoutMs: 0 })).toThrow(
      'fib.av: `timeout_ms` must be a positive integer, found 0',
    );
  });

  it('takes warmup "auto"', () => {
    expect(synthesizeAdHocManifest('fib.av', { warmup: 'auto' }).warmup).toBe('auto');
  });

  it('rejects negative or fractional counts', () => {
    expect(() => synthesizeAdHocManifest('fib.av', { warmup: -1 })).toThrow(
      'fib.av: `warmup` must be a non-negative integer, found -1',
    );
    expect(() => synthesizeAdHocManifest('fib.av', { iterations: 1.5 })).toThrow(
      'fib.av: `iterations` must be a non-negative integer, found 1.5',
    );
  });
});
