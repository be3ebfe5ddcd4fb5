import type { Manifest } from '@aver/bench-manifest';
import type { RunCounters } from '@aver/bench-report';

/**
 * Where an in-process target measures a scenario: `'worker'`, a new worker thread (a fresh V8 isolate) per
 * scenario, so that no scenario inherits the JIT state of those before it; or `'inline'`, the caller's thread.
 */
export type ScenarioIsolation = 'worker' | 'inline';

/** What a target gets besides the manifest. */
export interface TargetRunContext {
  /**
   * The monotonic clock to time inline iterations with, in nanoseconds. `process.hrtime.bigint` unless a caller
   * (a test) injects another; a worker cannot use it and times with its own `process.hrtime.bigint`.
   */
  readonly clock: () => bigint;
  /** How to isolate the scenario (targets that run it out of process ignore this). */
  readonly isolation: ScenarioIsolation;
}

/** Describes the build that ran the scenario; becomes the report's `backend` (with the target's name). */
export interface TargetBackend {
  /** Version of the runtime that executed the program (`backend.aver_version`). */
  readonly averVersion: string;
  /** Build profile (`backend.build`). */
  readonly build: 'release' | 'debug';
  /** Runtime version of wasm targets, otherwise `null` (`backend.wasmtime_version`). */
  readonly wasmtimeVersion: string | null;
}

/** The measurements of one scenario on one target; the runner turns them into a `BenchReport`. */
export interface TargetRunResult {
  /** One wall-clock duration per timed iteration, in milliseconds, in measurement order. */
  readonly samplesMs: readonly number[];
  /**
   * The rendered response of the last timed iteration (for the VM: `displayValue` of `main`'s result), or `null`
   * when there is none (`main` returned Unit). Its UTF-8 length is `response_bytes`.
   */
  readonly responseText: string | null;
  /**
   * Every distinct response size (UTF-8 bytes, `null` for Unit) over the timed iterations, when the target
   * records it; `expected_match` then requires every one of them to meet the manifest's bounds. Without it only
   * the last response is checked.
   */
  readonly responseBytesSeen?: readonly (number | null)[];
  /** Compiler pipeline stages that ran, in order. */
  readonly passesApplied: readonly string[];
  /** IR-level allocation-site count, or `null` when the target cannot tell. */
  readonly compilerVisibleAllocs: number | null;
  /** Deterministic counters of one untimed counted run, or `null` when the target cannot count. */
  readonly counters: RunCounters | null;
  readonly backend: TargetBackend;
}

/**
 * A place a scenario can run. A new target is a package that implements this and calls `registerTarget`; the
 * runner needs no edit. `run` does the whole measurement: build once, `manifest.warmup` untimed runs, then
 * `manifest.iterations` timed runs with `context.clock`. It throws `RunError` for failures of the program or the
 * target's setup; anything else it throws is treated as a bug.
 */
export interface TargetRunner {
  /** The `--target` name and the report's `scenario.target` / `backend.name`. */
  readonly name: string;
  run(manifest: Manifest, context: TargetRunContext): TargetRunResult | Promise<TargetRunResult>;
}
