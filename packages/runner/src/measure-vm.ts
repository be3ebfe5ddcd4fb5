import type { Manifest } from '@aver/bench-manifest';
import type { RunCounters } from '@aver/bench-report';
import type { CompileResult, RunOptions } from '@aver/vm-runtime';
import * as messages from './messages.js';
import type { RunErrorKind } from './run-error.js';
import { RunError } from './run-error.js';

/** The VM package, passed in so that the inline path can keep loading it lazily. */
export type VmRuntime = typeof import('@aver/vm-runtime');

/**
 * The manifest fields a VM measurement needs, plus the entry's source (read once, on the calling thread, by
 * `readEntrySource`): plain data, so that it can be sent to a worker as `workerData`.
 */
export type VmJob = Pick<Manifest, 'entry' | 'moduleRoot' | 'args' | 'warmup' | 'iterations'> & {
  readonly source: string;
};

/** What one VM measurement yields: plain data, so that a worker can post it back. */
export interface VmMeasurement {
  readonly samplesMs: number[];
  readonly responseText: string | null;
  /** Every distinct response size (UTF-8 bytes, `null` for Unit) seen over the timed iterations. */
  readonly responseBytesSeen: (number | null)[];
  readonly passesApplied: string[];
  readonly compilerVisibleAllocs: number;
  readonly counters: RunCounters | null;
  readonly averVersion: string;
}

/**
 * @param manifest The scenario.
 * @param source The text of `manifest.entry`.
 * @returns The plain-data part of `manifest` that `measureVm` needs, with the entry's source.
 */
export function vmJob(manifest: Manifest, source: string): VmJob {
  const { entry, moduleRoot, args, warmup, iterations } = manifest;
  return { entry, moduleRoot, args: [...args], warmup, iterations, source };
}

/**
 * The measurement of the `vm` target (spec §8.1), the same whether it runs inline or inside a worker: compile
 * the entry's source (its dependencies are read from the module root) once with the pass hook, `warmup` untimed runs, then one fresh `runProgram` per timed iteration with the
 * console silenced and the manifest's args, timed with `clock` around the run and the rendering of its value.
 * Every timed iteration's response size is recorded after its clock stops, so `expected_match` can hold each
 * iteration to the bounds (nothing is "fast because broken" on some iterations). Counters come from one more,
 * untimed, counted run.
 * @param vm The loaded `@aver/vm-runtime`.
 * @param job The manifest fields of the run.
 * @param clock Monotonic nanoseconds.
 * @returns The measurement.
 * @throws {RunError} When the program (or a module it depends on) cannot be read, parsed, checked, compiled or
 *   run.
 */
export function measureVm(vm: VmRuntime, job: VmJob, clock: () => bigint): VmMeasurement {
  const passesApplied: string[] = [];
  const compiled = vm.compileSource(job.source, job.entry, {
    moduleRoot: job.moduleRoot,
    onAfterPass: (stage) => {
      passesApplied.push(stage);
    },
  });
  if (!compiled.ok) throw compileFailure(job.entry, compiled);
  const program = compiled.program;
  const runOptions: RunOptions = { args: [...job.args], console: 'silent' };
  const samplesMs = new Array<number>(job.iterations);
  let responseText: string | null = null;
  const responseBytesSeen = new Set<number | null>();
  let counted: ReturnType<VmRuntime['runProgram']>;
  try {
    for (let run = 0; run < job.warmup; run++) vm.runProgram(program, runOptions);
    for (let iteration = 0; iteration < job.iterations; iteration++) {
      const start = clock();
      const { value } = vm.runProgram(program, runOptions);
      responseText = vm.displayValue(value);
      const end = clock();
      samplesMs[iteration] = Number(end - start) / 1e6;
      responseBytesSeen.add(responseText === null ? null : Buffer.byteLength(responseText, 'utf8'));
    }
    counted = vm.runProgram(program, { ...runOptions, count: true });
  } catch (error) {
    if (error instanceof vm.AverRuntimeError) throw new RunError('runtime', error.format());
    throw error;
  }
  const counters = counted.counters;
  return {
    samplesMs,
    responseText,
    responseBytesSeen: [...responseBytesSeen],
    passesApplied,
    compilerVisibleAllocs: program.compilerVisibleAllocs,
    counters:
      counters === null
        ? null
        : {
            instructions: counters.instructions,
            calls: counters.calls,
            allocations: counters.allocations,
            by_opcode: { ...counters.byOpcode },
            functions: null,
          },
    averVersion: vm.VERSION,
  };
}

const STAGE_KIND: Readonly<Record<string, RunErrorKind>> = {
  read: 'read',
  parse: 'parse',
  typecheck: 'typecheck',
  compile: 'compile',
};

/** Maps a failed compile to the reference's `RunError` variant and text (spec §8.1 steps 2–5). */
function compileFailure(entry: string, failure: Extract<CompileResult, { ok: false }>): RunError {
  const kind = STAGE_KIND[failure.stage] ?? 'compile';
  switch (kind) {
    case 'read':
      return new RunError(
        'read',
        failure.message.startsWith(entry) ? failure.message : messages.readEntry(entry, failure.message),
      );
    case 'compile':
      return new RunError(
        'compile',
        failure.message.startsWith('VM compile: ') ? failure.message : messages.vmCompile(failure.message),
      );
    default:
      return new RunError(kind, failure.message);
  }
}
