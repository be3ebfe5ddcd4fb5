import type { BenchReport } from '@aver/bench-report';
import { serializeReport } from '@aver/bench-report';

/** What a test varies in a report; everything else is fixed. */
export interface ReportShape {
  readonly name?: string;
  readonly target?: string;
  readonly p50?: number;
  readonly p95?: number;
  readonly os?: string;
  readonly cpus?: number;
  readonly samples?: readonly number[] | null;
  readonly responseBytes?: number | null;
}

/** A valid report whose varied fields come from `shape`. */
export function makeReport(shape: ReportShape = {}): BenchReport {
  const p50 = shape.p50 ?? 2;
  const p95 = shape.p95 ?? 3;
  const target = shape.target ?? 'vm';
  return {
    scenario: { name: shape.name ?? 'fib', entry: 'fib.av', target, iterations_count: 10, warmup_count: 1 },
    backend: { name: target, aver_version: '0.1.0', build: 'release', wasmtime_version: null },
    host: { os: shape.os ?? 'linux', arch: 'x86_64', cpus: shape.cpus ?? 2 },
    iterations: { min_ms: 1, max_ms: 4, mean_ms: 2.5, p50_ms: p50, p95_ms: p95, p99_ms: 4 },
    response_bytes: shape.responseBytes === undefined ? 3 : shape.responseBytes,
    expected_match: null,
    passes_applied: ['tco'],
    compiler_visible_allocs: 0,
    response_sha256: null,
    samples_ms: shape.samples === undefined ? null : shape.samples,
    counters: null,
    replicates: null,
  };
}

/** The compact NDJSON line of a report. */
export function line(shape: ReportShape = {}): string {
  return serializeReport(makeReport(shape));
}
