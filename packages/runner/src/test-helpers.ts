import path from 'node:path';
import type { Manifest } from '@aver/bench-manifest';
import { DEFAULT_TOLERANCE } from '@aver/bench-manifest';
import type { TempDir } from '@aver/test-utils';
import type { PreparedScenario, TargetRunner } from './target.js';

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
    timeoutMs: 300_000,
    memoryLimitMb: null,
    warnings: [],
    ...overrides,
  };
}

/**
 * A manifest of a real entry file (the runner reads the entry before anything runs); the program text does not
 * matter to a fake target.
 */
export function fakeManifestWithEntry(temp: TempDir, overrides: Partial<Manifest> = {}): Manifest {
  const entry = temp.write('fake.av', 'fn main() -> Int\n    1\n');
  return fakeManifest({ entry, moduleRoot: path.dirname(entry), ...overrides });
}

/** What a `fakeTarget` records about the calls it got. */
export interface FakeTargetLog {
  prepared: number;
  runs: number;
  counted: number;
  disposed: number;
}

/**
 * A target (inline only: its `moduleUrl` is not a module) that renders `'héllo'`, counts `{ 100, 5, 7 }` and
 * logs its calls; override any part of the prepared scenario.
 */
export function fakeTarget(
  name: string,
  overrides: Partial<PreparedScenario> = {},
  log: FakeTargetLog = { prepared: 0, runs: 0, counted: 0, disposed: 0 },
): TargetRunner {
  return {
    name,
    moduleUrl: 'file:///nonexistent/fake-target.js',
    prepare: () => {
      log.prepared++;
      return {
        passesApplied: ['tco', 'typecheck'],
        compilerVisibleAllocs: 2,
        backend: { averVersion: '9.9.9', build: 'release', wasmtimeVersion: null },
        runOnce: () => {
          log.runs++;
          return 'héllo';
        },
        countedRun: () => {
          log.counted++;
          return { instructions: 100, calls: 5, allocations: 7, by_opcode: null, functions: null };
        },
        dispose: () => {
          log.disposed++;
        },
        ...overrides,
      };
    },
  };
}

/**
 * A clock for inline runs whose timed iterations measure exactly `samplesMs`: each call alternates between a
 * start and an end reading. Only valid with a fixed warm-up (which reads no clock).
 */
export function scriptedClock(samplesMs: readonly number[]): () => bigint {
  let now = 1_000_000_000n;
  let reads = 0;
  return () => {
    const index = reads >> 1;
    if (reads % 2 === 1) now += BigInt(Math.round((samplesMs[index] ?? 0) * 1e6));
    reads++;
    return now;
  };
}
