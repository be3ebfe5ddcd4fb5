import type { Manifest } from '@aver/bench-manifest';
import type { BenchReport, HostInfo, ReplicateRecord } from '@aver/bench-report';
import { statsFromSamples } from '@aver/bench-report';
import { captureHost } from './capture-host.js';
import { computeExpectedMatch } from './expected-match.js';
import { firstDifference } from './first-difference.js';
import * as messages from './messages.js';
import { RunError } from './run-error.js';
import type { Replicate } from './run-replicate.js';

/**
 * Assembles the report of one scenario on one target from its replicates (bench spec: "Report JSON",
 * "Running a scenario"). The top-level statistics and `samples_ms` cover every timed sample of every replicate, in
 * run order; `counters` come from the first replicate that counted. `scenario.warmup_count` is the warm-up actually
 * used (the most any replicate used, for `warmup = "auto"`). The per-replicate detail (`replicates`) is added only
 * when it says more than the top-level keys: several replicates, an automatic warm-up, or samples still trending
 * down; so a plain run of one replicate gives exactly the reference's keys plus `response_sha256`, `samples_ms` and
 * `counters`.
 * @param manifest The scenario.
 * @param replicates At least one replicate, all of the same target.
 * @param host The host block. @default captureHost()
 * @returns The report.
 * @throws {RunError} `nondeterministic` when two replicates rendered different responses; `setup` for an empty
 *   list or replicates of different targets.
 */
export function buildReport(
  manifest: Manifest,
  replicates: readonly Replicate[],
  host: HostInfo = captureHost(),
): BenchReport {
  const first = replicates[0];
  if (first === undefined) throw new RunError('setup', messages.noReplicates(manifest.name));
  replicates.forEach((replicate, index) => {
    if (replicate.target !== first.target)
      throw new RunError('setup', messages.mixedTargets(first.target, replicate.target));
    const difference = firstDifference(first.responseText, replicate.responseText);
    if (difference !== null) {
      throw new RunError(
        'nondeterministic',
        messages.replicateResponseChanged(index + 1, difference.offset, difference.left, difference.right),
      );
    }
  });
  const samples = replicates.flatMap((replicate) => replicate.samplesMs);
  return {
    scenario: {
      name: manifest.name,
      entry: manifest.entry,
      target: first.target,
      iterations_count: first.samplesMs.length,
      warmup_count: Math.max(...replicates.map((replicate) => replicate.warmupRuns)),
    },
    backend: {
      name: first.target,
      aver_version: first.backend.averVersion,
      build: first.backend.build,
      wasmtime_version: first.backend.wasmtimeVersion,
    },
    host,
    iterations: statsFromSamples(samples),
    response_bytes: first.responseBytes,
    expected_match: computeExpectedMatch(manifest.expected, first.responseBytes),
    passes_applied: [...first.passesApplied],
    compiler_visible_allocs: first.compilerVisibleAllocs,
    response_sha256: first.responseSha256,
    samples_ms: samples,
    counters: replicates.find((replicate) => replicate.counters !== null)?.counters ?? null,
    replicates: needsDetail(replicates) ? replicates.map(replicateRecord) : null,
  };
}

function needsDetail(replicates: readonly Replicate[]): boolean {
  return (
    replicates.length > 1 ||
    replicates.some(
      (replicate) => replicate.warmupStable !== null || replicate.steadyState?.trending === true,
    )
  );
}

function replicateRecord(replicate: Replicate): ReplicateRecord {
  const trend = replicate.steadyState;
  return {
    samples_ms: [...replicate.samplesMs],
    warmup_count: replicate.warmupRuns,
    warmup_stable: replicate.warmupStable,
    steady_state:
      trend === null
        ? null
        : {
            kendall_tau: trend.kendallTau,
            p_value: trend.pValue,
            early_late_ratio: trend.earlyLateRatio,
            trending: trend.trending,
          },
  };
}
