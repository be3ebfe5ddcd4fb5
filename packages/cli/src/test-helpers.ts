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

/** SHA-256 of the fake target's responses (the scenario name), worked out with `printf NAME | sha256sum`. */
const FAKE_RESPONSE_SHA256: Readonly<Record<string, string>> = {
  fib: '97a43d3b29cae29594c83a51f4f9caf046ec595ae1a64addc3c8a44934bb118c',
  a: 'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb',
  b: '3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d',
};

/**
 * The report the fake target yields for a scenario with `iterations = 3` and `warmup = 0` (three samples of 1 ms,
 * the scenario's name as the response), written out by hand in the reference's layout: serde_json's compact form
 * (one NDJSON line), or with `pretty` its `to_string_pretty` form. Only the entry path and the host vary.
 */
export function fakeReportText(
  name: 'fib' | 'a' | 'b',
  entry: string,
  host: { os: string; arch: string; cpus: number },
  options: { pretty?: boolean } = {},
): string {
  const sha = FAKE_RESPONSE_SHA256[name]!;
  const bytes = Buffer.byteLength(name);
  const path = JSON.stringify(entry);
  if (!options.pretty) {
    return (
      `{"scenario":{"name":"${name}","entry":${path},"target":"fake","iterations_count":3,"warmup_count":0},` +
      `"backend":{"name":"fake","aver_version":"0.0.0-fake","build":"release","wasmtime_version":null},` +
      `"host":{"os":"${host.os}","arch":"${host.arch}","cpus":${host.cpus}},` +
      `"iterations":{"min_ms":1.0,"max_ms":1.0,"mean_ms":1.0,"p50_ms":1.0,"p95_ms":1.0,"p99_ms":1.0},` +
      `"response_bytes":${bytes},"expected_match":null,"passes_applied":["tco","typecheck"],` +
      `"compiler_visible_allocs":0,"response_sha256":"${sha}","samples_ms":[1.0,1.0,1.0],"counters":null}`
    );
  }
  return [
    '{',
    '  "scenario": {',
    `    "name": "${name}",`,
    `    "entry": ${path},`,
    '    "target": "fake",',
    '    "iterations_count": 3,',
    '    "warmup_count": 0',
    '  },',
    '  "backend": {',
    '    "name": "fake",',
    '    "aver_version": "0.0.0-fake",',
    '    "build": "release",',
    '    "wasmtime_version": null',
    '  },',
    '  "host": {',
    `    "os": "${host.os}",`,
    `    "arch": "${host.arch}",`,
    `    "cpus": ${host.cpus}`,
    '  },',
    '  "iterations": {',
    '    "min_ms": 1.0,',
    '    "max_ms": 1.0,',
    '    "mean_ms": 1.0,',
    '    "p50_ms": 1.0,',
    '    "p95_ms": 1.0,',
    '    "p99_ms": 1.0',
    '  },',
    `  "response_bytes": ${bytes},`,
    '  "expected_match": null,',
    '  "passes_applied": [',
    '    "tco",',
    '    "typecheck"',
    '  ],',
    '  "compiler_visible_allocs": 0,',
    `  "response_sha256": "${sha}",`,
    '  "samples_ms": [',
    '    1.0,',
    '    1.0,',
    '    1.0',
    '  ],',
    '  "counters": null',
    '}',
  ].join('\n');
}
