import type { Manifest } from '@aver/bench-manifest';
import type { VmMeasurement, VmRuntime } from './measure-vm.js';
import { measureVm, vmJob } from './measure-vm.js';
import { readEntrySource } from './read-entry-source.js';
import { runInWorker } from './run-in-worker.js';
import type { TargetRunContext, TargetRunner, TargetRunResult } from './target-runner.js';

let runtime: Promise<VmRuntime> | null = null;

/** Loads the VM on first inline use, so `aver-bench --help` and manifest errors do not pay for it. */
function loadRuntime(): Promise<VmRuntime> {
  runtime ??= import('@aver/vm-runtime');
  return runtime;
}

/**
 * The worker entry: built next to this file in `dist/`. Under vitest this module runs from `src/*.ts`, and a
 * worker thread is plain Node that vitest does not transform, so it runs the package's build (`test` depends on
 * `build`).
 */
function workerScript(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('../dist/vm-worker.js', import.meta.url)
    : new URL('./vm-worker.js', import.meta.url);
}

/**
 * The in-process bytecode VM (spec §8.1). The entry is read on the calling thread (`readEntrySource`, Rust's
 * `read_to_string` errors); `measureVm` does the rest: compile once with the pass hook, `warmup`
 * untimed runs, then one fresh `runProgram` per timed iteration, timed around the run and the rendering of its
 * value, and one more untimed counted run. With isolation `'worker'` (the default) it runs in a new worker thread
 * (a fresh V8 isolate) per scenario, timed with that thread's `process.hrtime.bigint`; with `'inline'` it runs on
 * the caller's thread with `context.clock`.
 */
export const vmTarget: TargetRunner = {
  name: 'vm',
  async run(manifest: Manifest, context: TargetRunContext): Promise<TargetRunResult> {
    const job = vmJob(manifest, readEntrySource(manifest.entry));
    const measurement =
      context.isolation === 'inline'
        ? measureVm(await loadRuntime(), job, context.clock)
        : await runInWorker(workerScript(), job);
    return targetResult(measurement);
  },
};

function targetResult(measurement: VmMeasurement): TargetRunResult {
  const {
    samplesMs,
    responseText,
    responseBytesSeen,
    passesApplied,
    compilerVisibleAllocs,
    counters,
    averVersion,
  } = measurement;
  return {
    samplesMs,
    responseText,
    responseBytesSeen,
    passesApplied,
    compilerVisibleAllocs,
    counters,
    backend: { averVersion, build: 'release', wasmtimeVersion: null },
  };
}
