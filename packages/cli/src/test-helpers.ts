import type { BenchReport } from '@aver/bench-report';
import { captureHost, RunError, registerTarget, unregisterTarget } from '@aver/bench-runner';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { CliIo } from './cli-io.js';
import { runCli } from './run-cli.js';

/** How a missing file is described (Rust's `io::Error` words; Node's code on Windows). */
export const NO_SUCH_FILE = `No such file or directory ${process.platform === 'win32' ? '(ENOENT)' : '(os error 2)'}`;

/** What one in-process `aver-bench` run printed, and its exit code. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Every timed sample of an in-process run, in ms (`FakeTargetControl.sampleMs` sets it). */
const timing = { sampleMs: 1 };

/**
 * A fake monotonic clock that advances `stepMs()` on every read, so every timed sample of an inline run is
 * exactly that long (a sample is the difference of two consecutive reads).
 */
export function steppingClock(stepMs: () => number = () => timing.sampleMs): () => bigint {
  let now = 0n;
  return () => (now += BigInt(Math.round(stepMs() * 1e6)));
}

/**
 * Runs the CLI in-process with buffered streams; `tty` makes stderr a terminal. Scenarios run inline on a
 * stepping clock (every sample `sampleMs`, 1 ms unless a test sets it), so reports are the same from run to run.
 */
export async function runInProcess(
  argv: string[],
  options: { tty?: boolean; env?: Record<string, string | undefined> } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: options.env ?? {},
    stderrIsTTY: options.tty ?? false,
  };
  const code = await runCli(argv, io, { clock: steppingClock() });
  return { code, stdout, stderr };
}

/** Knobs of the `fake` target registered by `useFakeTarget`. */
export interface FakeTargetControl {
  /** Every timed sample of an in-process run, in ms (reset to 1 after each test). */
  sampleMs: number;
  /** When set, the run fails with this `RunError` message (kind `runtime`). */
  failWith: string | null;
  /** When set, the run throws this plain error (a bug, for the internal-error path). */
  crashWith: string | null;
  /** The rendered response of a scenario (default: its name). */
  respond: (scenario: string) => string | null;
  /** Called before each run (a test can change `sampleMs` from run to run). */
  beforeRun: () => void;
}

/**
 * Registers a deterministic target (`fake` unless named) for the tests of this file (removed afterwards): it
 * renders the scenario's name (unless `respond` says otherwise) and cannot count. It runs inline only (`runInProcess` uses a clock, which implies inline).
 */
export function useFakeTarget(name = 'fake'): FakeTargetControl {
  const control: FakeTargetControl = {
    get sampleMs() {
      return timing.sampleMs;
    },
    set sampleMs(value: number) {
      timing.sampleMs = value;
    },
    failWith: null,
    crashWith: null,
    respond: (scenario) => scenario,
    beforeRun: () => {},
  };
  beforeAll(() => {
    registerTarget({
      name,
      moduleUrl: 'file:///nonexistent/fake-target.js',
      prepare: (job) => {
        if (control.failWith !== null) throw new RunError('runtime', control.failWith);
        if (control.crashWith !== null) throw new Error(control.crashWith);
        return {
          passesApplied: ['tco', 'typecheck'],
          compilerVisibleAllocs: 0,
          backend: { averVersion: '0.0.0-fake', build: 'release', wasmtimeVersion: null },
          runOnce: () => {
            control.beforeRun();
            return control.respond(job.scenario);
          },
        };
      },
    });
  });
  afterEach(() => {
    control.sampleMs = 1;
    control.failWith = null;
    control.crashWith = null;
    control.respond = (scenario) => scenario;
    control.beforeRun = () => {};
  });
  afterAll(() => {
    unregisterTarget(name);
  });
  return control;
}

/** The baseline file name `--baseline-dir` looks for on this machine. */
export function hostBaselineName(target: string): string {
  const host = captureHost();
  return `${host.os}-${host.arch}-${target}.json`;
}

/** A copy of `report` whose times are all tiny, so any current run regresses against it. */
export function tinyBaseline(report: BenchReport): BenchReport {
  const ms = 0.000001;
  const iterations = { min_ms: ms, max_ms: ms, mean_ms: ms, p50_ms: ms, p95_ms: ms, p99_ms: ms };
  return { ...report, iterations, samples_ms: report.samples_ms?.map(() => ms) ?? null };
}
