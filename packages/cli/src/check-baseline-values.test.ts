import { readdirSync, readFileSync } from 'node:fs';
import type { BenchReport } from '@aver/bench-report';
import { parseReports } from '@aver/bench-report';
import { describe, expect, it } from 'vitest';
import { checkBaselineValues } from './check-baseline-values.js';

const BASELINES = new URL('../../../bench/baselines/', import.meta.url);

function report(iterations: Partial<BenchReport['iterations']>): BenchReport {
  return {
    scenario: { name: 'fib', entry: 'fib.av', target: 'vm', iterations_count: 3, warmup_count: 0 },
    backend: { name: 'vm', aver_version: '0.1.0', build: 'release', wasmtime_version: null },
    host: { os: 'linux', arch: 'x86_64', cpus: 2 },
    iterations: { min_ms: 1, p50_ms: 2, p95_ms: 3, p99_ms: 4, max_ms: 5, mean_ms: 2.5, ...iterations },
    response_bytes: 2,
    expected_match: null,
    passes_applied: [],
    compiler_visible_allocs: null,
    response_sha256: null,
    samples_ms: null,
    counters: null,
    replicates: null,
  };
}

describe('checkBaselineValues', () => {
  it('accepts ordered statistics, equal values, and every committed baseline', () => {
    expect(checkBaselineValues(report({}))).toBeNull();
    expect(
      checkBaselineValues(report({ min_ms: 7, p50_ms: 7, p95_ms: 7, p99_ms: 7, max_ms: 7, mean_ms: 7 })),
    ).toBeNull();
    const files = readdirSync(BASELINES).filter((name) => name.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      for (const baseline of parseReports(readFileSync(new URL(file, BASELINES), 'utf8'))) {
        expect(checkBaselineValues(baseline), `${file}: ${baseline.scenario.name}`).toBeNull();
      }
    }
  });

  it('names the first key out of order', () => {
    expect(checkBaselineValues(report({ min_ms: 2.5 }))?.key).toBe('iterations.min_ms');
    expect(checkBaselineValues(report({ p95_ms: 4.5 }))).toEqual({
      key: 'iterations.p95_ms',
      message: 'iterations.p95_ms: 4.5 is above iterations.p99_ms (4), which no sample set can give',
    });
    expect(checkBaselineValues(report({ p99_ms: 6 }))?.key).toBe('iterations.p99_ms');
  });

  it('rejects a mean outside min..max and a zero p50 or p95', () => {
    expect(checkBaselineValues(report({ mean_ms: 5.5 }))).toEqual({
      key: 'iterations.mean_ms',
      message: 'iterations.mean_ms: 5.5 is outside min_ms..max_ms (1..5), which no sample set can give',
    });
    expect(checkBaselineValues(report({ mean_ms: 0.5 }))?.key).toBe('iterations.mean_ms');
    expect(checkBaselineValues(report({ min_ms: 0, p50_ms: 0 }))?.key).toBe('iterations.p50_ms');
    expect(checkBaselineValues(report({ min_ms: 0, p50_ms: 0, p95_ms: 0 }))?.key).toBe('iterations.p50_ms');
  });
});
