import type { BenchReport } from '@aver/bench-report';

/** What a diff looks at, with everything else filled in. */
export interface ReportShape {
  readonly name?: string;
  readonly target?: string;
  readonly p50?: number;
  readonly p95?: number;
  readonly passes?: readonly string[];
  readonly responseBytes?: number | null;
  readonly allocs?: number | null;
  readonly sha256?: string | null;
  readonly instructions?: number | null;
}

/** A valid report whose compared fields come from `shape`. */
export function makeReport(shape: ReportShape = {}): BenchReport {
  const p50 = shape.p50 ?? 7.07;
  const p95 = shape.p95 ?? 7.42;
  const target = shape.target ?? 'vm';
  return {
    scenario: {
      name: shape.name ?? 'fib',
      entry: 'bench/scenarios/fib.av',
      target,
      iterations_count: 30,
      warmup_count: 3,
    },
    backend: { name: target, aver_version: '0.15.2', build: 'release', wasmtime_version: null },
    host: { os: 'macos', arch: 'aarch64', cpus: 12 },
    iterations: { min_ms: p50 / 2, max_ms: p95 * 2, mean_ms: p50, p50_ms: p50, p95_ms: p95, p99_ms: p95 },
    response_bytes: shape.responseBytes === undefined ? 3 : shape.responseBytes,
    expected_match: null,
    passes_applied: shape.passes ?? ['tco'],
    compiler_visible_allocs: shape.allocs === undefined ? 0 : shape.allocs,
    response_sha256: shape.sha256 ?? null,
    samples_ms: null,
    counters:
      shape.instructions === undefined || shape.instructions === null
        ? null
        : { instructions: shape.instructions, calls: 1, allocations: 0, by_opcode: null, functions: null },
    replicates: null,
  };
}
