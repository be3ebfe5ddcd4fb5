import type { Manifest } from '@aver/bench-manifest';
import type { CompiledProgram, CompileResult, RunOptions } from '@aver/vm-runtime';
import * as messages from './messages.js';
import type { RunErrorKind } from './run-error.js';
import { RunError } from './run-error.js';
import type { TargetRunContext, TargetRunner, TargetRunResult } from './target-runner.js';

type VmRuntime = typeof import('@aver/vm-runtime');

let runtime: Promise<VmRuntime> | null = null;

/** Loads the VM on first use, so `aver-bench --help` and manifest errors do not pay for it. */
function loadRuntime(): Promise<VmRuntime> {
  runtime ??= import('@aver/vm-runtime');
  return runtime;
}

/**
 * The in-process bytecode VM (spec §8.1): compile once with the pass hook, `warmup` untimed runs, then one fresh
 * `runProgram` per timed iteration with the console silenced and the manifest's args, timed with the monotonic
 * clock around the run and the rendering of its value. Counters come from one more, untimed, counted run.
 */
export const vmTarget: TargetRunner = {
  name: 'vm',
  async run(manifest: Manifest, context: TargetRunContext): Promise<TargetRunResult> {
    const vm = await loadRuntime();
    const passesApplied: string[] = [];
    const compiled = vm.compileFile(manifest.entry, {
      moduleRoot: manifest.moduleRoot,
      onAfterPass: (stage) => {
        passesApplied.push(stage);
      },
    });
    if (!compiled.ok) throw compileFailure(manifest, compiled);
    const program: CompiledProgram = compiled.program;
    const runOptions: RunOptions = { args: [...manifest.args], console: 'silent' };
    const { clock } = context;
    const samplesMs = new Array<number>(manifest.iterations);
    let responseText: string | null = null;
    let counted: ReturnType<VmRuntime['runProgram']>;
    try {
      for (let run = 0; run < manifest.warmup; run++) vm.runProgram(program, runOptions);
      for (let iteration = 0; iteration < manifest.iterations; iteration++) {
        const start = clock();
        const { value } = vm.runProgram(program, runOptions);
        responseText = vm.displayValue(value);
        const end = clock();
        samplesMs[iteration] = Number(end - start) / 1e6;
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
      passesApplied,
      compilerVisibleAllocs: program.compilerVisibleAllocs,
      counters:
        counters === null
          ? null
          : { instructions: counters.instructions, calls: counters.calls, allocations: counters.allocations },
      backend: { averVersion: vm.VERSION, build: 'release', wasmtimeVersion: null },
    };
  },
};

const STAGE_KIND: Readonly<Record<string, RunErrorKind>> = {
  read: 'read',
  parse: 'parse',
  typecheck: 'typecheck',
  compile: 'compile',
};

/** Maps a failed compile to the reference's `RunError` variant and text (spec §8.1 steps 2–5). */
function compileFailure(manifest: Manifest, failure: Extract<CompileResult, { ok: false }>): RunError {
  const kind = STAGE_KIND[failure.stage] ?? 'compile';
  switch (kind) {
    case 'read':
      return new RunError(
        'read',
        failure.message.startsWith(manifest.entry)
          ? failure.message
          : messages.readEntry(manifest.entry, failure.message),
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
