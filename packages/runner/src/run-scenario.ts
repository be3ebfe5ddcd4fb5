import { createHash } from 'node:crypto';
import type { Manifest } from '@aver/bench-manifest';
import type { BenchReport, HostInfo } from '@aver/bench-report';
import { statsFromSamples } from '@aver/bench-report';
import { captureHost } from './capture-host.js';
import { expectedMatchOverRuns } from './expected-match.js';
import * as messages from './messages.js';
import { RunError } from './run-error.js';
import { resolveTarget } from './target-registry.js';
import type { ScenarioIsolation, TargetRunner, TargetRunResult } from './target-runner.js';

/** Seams for callers that need control over the environment (tests, reproducible reports). */
export interface RunScenarioOptions {
  /** Monotonic clock in nanoseconds, for inline runs. @default process.hrtime.bigint */
  readonly clock?: () => bigint;
  /**
   * `'worker'`: a fresh V8 isolate per scenario, so results do not depend on which scenarios ran before;
   * `'inline'`: the caller's thread (cheaper to start, but scenarios share JIT state). A clock cannot cross into a
   * worker, so injecting one implies `'inline'`.
   * @default 'worker', or 'inline' when `clock` is given
   */
  readonly isolation?: ScenarioIsolation;
  /** The host block. @default captureHost() */
  readonly host?: HostInfo;
}

/**
 * Runs one scenario on one target and assembles its report (spec §8). Always asynchronous, so that targets which
 * spawn processes or load their backend lazily fit the same contract; the in-process `vm` target measures in a
 * worker thread unless `isolation` is `'inline'`.
 * @param manifest The validated manifest.
 * @param target A registered target name (`'vm'`) or a `TargetRunner`.
 * @param options Isolation, clock and host overrides.
 * @returns The report, with `response_sha256`, `samples_ms` and `counters` filled in.
 * @throws {TargetError} When `target` is a name that is not registered.
 * @throws {TypeError} When `clock` is given together with isolation `'worker'`.
 * @throws {RunError} When the program cannot be read, parsed, checked, compiled or run, or the target misbehaves.
 */
export async function runScenario(
  manifest: Manifest,
  target: string | TargetRunner,
  options: RunScenarioOptions = {},
): Promise<BenchReport> {
  return (await runScenarioDetailed(manifest, target, options)).report;
}

/** A report and the rendered response it only summarises (size and hash), for messages about the response. */
export interface ScenarioRun {
  readonly report: BenchReport;
  /** The last timed iteration's rendered response; `null` when `main` returned Unit. */
  readonly responseText: string | null;
}

/**
 * `runScenario`, also returning the rendered response, so that a caller can show it (an `[expected]` mismatch
 * shows the start of the response). Same arguments, errors and report.
 */
export async function runScenarioDetailed(
  manifest: Manifest,
  target: string | TargetRunner,
  options: RunScenarioOptions = {},
): Promise<ScenarioRun> {
  const isolation = options.isolation ?? (options.clock === undefined ? 'worker' : 'inline');
  if (isolation === 'worker' && options.clock !== undefined) throw new TypeError(messages.clockNeedsInline());
  const runner = typeof target === 'string' ? resolveTarget(target) : target;
  if (!Number.isSafeInteger(manifest.iterations) || manifest.iterations < 1) {
    throw new RunError('setup', messages.noIterations(manifest.name));
  }
  const host = options.host ?? captureHost();
  const result = await runner.run(manifest, { clock: options.clock ?? process.hrtime.bigint, isolation });
  checkSamples(runner.name, manifest.iterations, result.samplesMs);
  return { report: buildReport(manifest, runner.name, host, result), responseText: result.responseText };
}

function checkSamples(target: string, iterations: number, samples: readonly number[]): void {
  if (samples.length !== iterations) {
    throw new RunError('setup', messages.wrongSampleCount(target, iterations, samples.length));
  }
  samples.forEach((sample, index) => {
    if (!Number.isFinite(sample) || sample < 0)
      throw new RunError('setup', messages.badSample(target, index, sample));
  });
}

function buildReport(
  manifest: Manifest,
  target: string,
  host: HostInfo,
  result: TargetRunResult,
): BenchReport {
  const text = result.responseText;
  const responseBytes = text === null ? null : Buffer.byteLength(text, 'utf8');
  return {
    scenario: {
      name: manifest.name,
      entry: manifest.entry,
      target,
      iterations_count: manifest.iterations,
      warmup_count: manifest.warmup,
    },
    backend: {
      name: target,
      aver_version: result.backend.averVersion,
      build: result.backend.build,
      wasmtime_version: result.backend.wasmtimeVersion,
    },
    host,
    iterations: statsFromSamples(result.samplesMs),
    response_bytes: responseBytes,
    expected_match: expectedMatchOverRuns(manifest.expected, result.responseBytesSeen ?? [responseBytes]),
    passes_applied: [...result.passesApplied],
    compiler_visible_allocs: result.compilerVisibleAllocs,
    response_sha256: text === null ? null : createHash('sha256').update(text, 'utf8').digest('hex'),
    samples_ms: [...result.samplesMs],
    counters: result.counters,
  };
}
