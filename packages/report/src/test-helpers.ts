import type { BenchReport } from './types.js';

/** The example report of the bench spec ("Report JSON: shape") (reference keys), with the additions set to `null`. */
export function sampleReport(overrides: Partial<BenchReport> = {}): BenchReport {
  return {
    scenario: {
      name: 'fib',
      entry: 'bench/scenarios/fib.av',
      target: 'vm',
      iterations_count: 30,
      warmup_count: 3,
    },
    backend: { name: 'vm', aver_version: '0.15.2', build: 'release', wasmtime_version: null },
    host: { os: 'macos', arch: 'aarch64', cpus: 12 },
    iterations: {
      min_ms: 0.0927,
      max_ms: 0.1133,
      mean_ms: 0.0961,
      p50_ms: 0.0951,
      p95_ms: 0.1052,
      p99_ms: 0.1133,
    },
    response_bytes: 3,
    expected_match: null,
    passes_applied: ['tco', 'typecheck', 'interp_lower', 'buffer_build', 'resolve', 'last_use', 'analyze'],
    compiler_visible_allocs: 0,
    response_sha256: null,
    samples_ms: null,
    counters: null,
    replicates: null,
    ...overrides,
  };
}
