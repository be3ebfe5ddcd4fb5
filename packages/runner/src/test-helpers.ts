import type { Manifest } from '@aver/bench-manifest';
import { DEFAULT_TOLERANCE } from '@aver/bench-report';
import type { TargetRunner, TargetRunResult } from './target-runner.js';

/** A manifest built in memory; override any field. */
export function fakeManifest(overrides: Partial<Manifest> = {}): Manifest {
  return {
    path: 'bench/fake.toml',
    name: 'fake',
    entry: 'bench/fake.av',
    moduleRoot: 'bench',
    iterations: 3,
    warmup: 1,
    args: [],
    expected: { responseBytes: null, responseBytesMin: null, responseBytesMax: null },
    tolerance: DEFAULT_TOLERANCE,
    effects: { allow: [], diskRoot: null },
    warnings: [],
    ...overrides,
  };
}

/** A target that returns fixed measurements: samples 1, 2, 3… ms (one per iteration) unless overridden. */
export function fakeTarget(name: string, overrides: Partial<TargetRunResult> = {}): TargetRunner {
  return {
    name,
    run: (manifest) => ({
      samplesMs: Array.from({ length: manifest.iterations }, (_, index) => index + 1),
      responseText: 'héllo',
      passesApplied: ['tco', 'typecheck'],
      compilerVisibleAllocs: 2,
      counters: { instructions: 100, calls: 5, allocations: 7 },
      backend: { averVersion: '9.9.9', build: 'release', wasmtimeVersion: null },
      ...overrides,
    }),
  };
}
