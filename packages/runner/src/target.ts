import type { RunCounters } from '@aver/bench-report';

/**
 * Where a replicate is measured: `'worker'`, a new worker thread (a fresh V8 isolate) per replicate, so no
 * scenario inherits the JIT state of those before it; `'process'`, a new Node process per replicate (pyperf's
 * model, the strictest); `'inline'`, the caller's thread (tests with a fake clock, tools that own the process).
 */
export type ScenarioIsolation = 'worker' | 'process' | 'inline';

/**
 * What a target gets to prepare a scenario: plain, structured-cloneable data, so it crosses into a worker or a
 * child process unchanged. Built by the runner from the manifest; later versions may add fields (a target
 * ignores the ones it does not know).
 */
export interface TargetJob {
  /** The scenario's name (the manifest's `name`). */
  readonly scenario: string;
  /** The entry program's path, as resolved from the manifest (for diagnostics and module lookup). */
  readonly entry: string;
  /** The entry's source text, read once by the runner (like Rust's `read_to_string`) before any isolate starts. */
  readonly source: string;
  /** Where `depends [...]` modules are looked up. */
  readonly moduleRoot: string;
  /** What `Args.get()` returns. */
  readonly args: readonly string[];
  /**
   * Bench mode's sandbox: a target must deny `Disk`, `Env`, `Http`, `HttpServer`, `Tcp` and `Terminal` effects
   * unless `allow` names them, and keep Disk paths inside `diskRoot` when it is set (vm-runtime's `Sandbox` does
   * both, before the run for what `main` declares and at run time for every call).
   */
  readonly sandbox: TargetSandbox;
}

/** The manifest's `[effects]`, and where to change it (plain data, the shape of vm-runtime's `EffectPolicy`). */
export interface TargetSandbox {
  /** Effects allowed beyond the defaults: a method (`Disk.readText`) or a namespace (`Disk`). */
  readonly allow: readonly string[];
  /** The folder Disk paths must stay in (relative paths resolve against it), or `null`. */
  readonly diskRoot: string | null;
  /** Where to allow more, named in every denial: the manifest's path. */
  readonly origin: string;
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

/**
 * A scenario compiled once by `TargetRunner.prepare`, ready to run any number of times. The runner owns the
 * protocol: it calls `runOnce` for the warm-up and every timed iteration (the clock runs around the call, and
 * around the settling of its promise when it returns one), then `countedRun` once, untimed.
 */
export interface PreparedScenario {
  /** Compiler pipeline stages that ran, in order (`passes_applied`). */
  readonly passesApplied: readonly string[];
  /** IR-level allocation-site count, or `null` when the target cannot tell (`compiler_visible_allocs`). */
  readonly compilerVisibleAllocs: number | null;
  readonly backend: TargetBackend;
  /**
   * Runs the program once and renders its response: for the VM, `displayValue` of `main`'s result, `null` for
   * Unit. Its UTF-8 length is `response_bytes`; its SHA-256 must be the same on every timed iteration. Throws
   * `RunError` (kind `runtime`) when the program fails. Synchronous targets should return the text directly:
   * a promise costs a microtask turn inside the timed region.
   */
  runOnce(): string | null | Promise<string | null>;
  /**
   * One more, untimed run that counts deterministic events; the result becomes the report's `counters`
   * verbatim. Absent (or returning `null`) when the target cannot count.
   */
  countedRun?(): RunCounters | null | Promise<RunCounters | null>;
  /** Releases what `prepare` acquired (temp files, processes); called once after the last run, also on failure. */
  dispose?(): void | Promise<void>;
}

/** What a target's isolate needs beyond Node's defaults (worker `resourceLimits`). */
export interface IsolateNeeds {
  /** Stack size of the isolate's thread in MiB (deep non-tail recursion). @default Node's (4 MiB) */
  readonly stackSizeMb?: number;
  /** Heap limit in MiB, unless the manifest sets a memory limit. @default the process's own heap limit */
  readonly maxOldGenerationSizeMb?: number;
}

/** A program as a target compiled it, for people to read (`aver-bench --emit-js DIR` writes the js target's). */
export interface EmittedProgram {
  /** A file name for it, e.g. `fib.mjs`. */
  readonly fileName: string;
  readonly text: string;
}

/**
 * A place a scenario can run (bench spec: "Running a scenario"), implemented by `@aver/bench-target-NAME` packages:
 * the package's main module exports it as `target`. The runner imports `moduleUrl` inside each fresh isolate (a
 * worker or a child process), takes its `target` export and calls `prepare` there, so the object must be reachable at
 * that URL (`moduleUrl: import.meta.url` in the module that defines it).
 */
export interface TargetRunner {
  /** The `--target` name and the report's `scenario.target` / `backend.name`: lowercase letters, digits, `-`. */
  readonly name: string;
  /** URL of the module whose `target` export is this object (ESM, or `.cjs` for the fastest isolate start). */
  readonly moduleUrl: string;
  /** Resources the isolate needs (a larger stack for deep recursion, a heap limit). */
  readonly isolate?: IsolateNeeds;
  /**
   * Compiles the scenario once. Throws `RunError` with kind `read`, `parse`, `typecheck`, `compile` or `setup`
   * for a program or target that cannot be prepared; anything else it throws is treated as a bug.
   */
  prepare(job: TargetJob): PreparedScenario | Promise<PreparedScenario>;
  /**
   * Optional: the program the target compiles for `job`, as text (the js target's generated module). Throws
   * `RunError` like `prepare` for a program that cannot be compiled.
   */
  emitProgram?(job: TargetJob): EmittedProgram | Promise<EmittedProgram>;
}
