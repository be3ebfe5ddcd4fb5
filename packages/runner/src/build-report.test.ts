import { describe, expect, it } from 'vitest';
import { buildReport } from './build-report.js';
import { RunError } from './run-error.js';
import type { Replicate } from './run-replicate.js';
import { fakeManifest } from './test-helpers.js';

const HOST = { os: 'linux', arch: 'x86_64', cpus: 2 };

function replicate(overrides: Partial<Replicate> = {}): Replicate {
  return {
    target: 'fake',
    samplesMs: [1, 2, 3],
    warmupRuns: 1,
    warmupStable: null,
    responseText: '42',
    responseBytes: 2,
    responseSha256: '73475cb40a568e8da8a045ced110137e159f890ac4da883b6b17dc651b3a8049',
    passesApplied: ['typecheck'],
    compilerVisibleAllocs: 0,
    backend: { averVersion: '1.0.0', build: 'release', wasmtimeVersion: null },
    counters: null,
    steadyState: null,
    ...overrides,
  };
}

describe('buildReport', () => {
  it('writes no per-replicate detail for one replicate with a fixed warm-up and no trend', () => {
    const report = buildReport(fakeManifest(), [replicate()], HOST);
    expect(report.replicates).toBeNull();
  });

  it('computes the top-level statistics over every sample of every replicate', () => {
    const report = buildReport(
      fakeManifest(),
      [
        replicate({ samplesMs: [5, 1] }),
        replicate({
          samplesMs: [2, 4],
          counters: { instructions: 9, calls: 1, allocations: 0, by_opcode: null, functions: null },
        }),
      ],
      HOST,
    );
    expect(report.samples_ms).toEqual([5, 1, 2, 4]);
    expect(report.iterations).toEqual({ min_ms: 1, max_ms: 5, mean_ms: 3, p50_ms: 2, p95_ms: 5, p99_ms: 5 });
    expect(report.counters).toEqual({
      instructions: 9,
      calls: 1,
      allocations: 0,
      by_opcode: null,
      functions: null,
    });
    expect(report.replicates?.map((record) => record.samples_ms)).toEqual([
      [5, 1],
      [2, 4],
    ]);
  });

  it('records an automatic warm-up: the most runs any replicate used, and each one', () => {
    const report = buildReport(
      fakeManifest({ warmup: 'auto' }),
      [
        replicate({ warmupRuns: 21, warmupStable: true }),
        replicate({ warmupRuns: 1000, warmupStable: false }),
      ],
      HOST,
    );
    expect(report.scenario.warmup_count).toBe(1000);
    expect(report.replicates?.map((record) => [record.warmup_count, record.warmup_stable])).toEqual([
      [21, true],
      [1000, false],
    ]);
  });

  it('records one replicate whose samples are still trending down, with the test figures', () => {
    const steadyState = { kendallTau: -0.8, pValue: 0.001, earlyLateRatio: 3, trending: true };
    const report = buildReport(fakeManifest(), [replicate({ steadyState })], HOST);
    expect(report.replicates).toEqual([
      {
        samples_ms: [1, 2, 3],
        warmup_count: 1,
        warmup_stable: null,
        steady_state: { kendall_tau: -0.8, p_value: 0.001, early_late_ratio: 3, trending: true },
      },
    ]);
  });

  it('fails as nondeterministic when two replicates rendered different responses', () => {
    expect(() =>
      buildReport(fakeManifest(), [replicate(), replicate(), replicate({ responseText: '43' })], HOST),
    ).toThrowError(
      new RunError(
        'nondeterministic',
        'the response changed between replicates: replicate 3 differs from replicate 1 at byte 1: ' +
          'replicate 1 "2", replicate 3 "3"',
      ),
    );
  });

  it('refuses no replicates and replicates of different targets', () => {
    expect(() => buildReport(fakeManifest(), [], HOST)).toThrowError(
      "scenario 'fake' has no replicates to report",
    );
    expect(() =>
      buildReport(fakeManifest(), [replicate(), replicate({ target: 'other' })], HOST),
    ).toThrowError("cannot report replicates of targets 'fake' and 'other' together");
  });
});
