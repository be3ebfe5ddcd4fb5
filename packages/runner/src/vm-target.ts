import type { ProfiledCounters } from './profiled-counters.js';
import type { RunOptions } from '@aver/vm-runtime';
import { RunError } from './run-error.js';
import type { PreparedScenario, TargetJob, TargetRunner } from './target.js';

/** The VM package, loaded on first use so that `aver-bench --help` and manifest errors do not pay for it. */
type VmRuntime = typeof import('@aver/vm-runtime');

let runtime: Promise<VmRuntime> | null = null;

function loadRuntime(): Promise<VmRuntime> {
  runtime ??= import('@aver/vm-runtime');
  return runtime;
}

/**
 * The module an isolate imports for this target: one bundle of this file and `@aver/vm-runtime`, built next to
 * it in `dist/` (one file with a code cache starts much faster than the runtime's hundred ES modules). Under
 * vitest this module runs from `src/`, and the isolate runs the build.
 */
function bundleUrl(): string {
  const here = import.meta.url;
  return here.endsWith('.ts')
    ? new URL('../dist/vm-target.bundle.cjs', here).href
    : new URL('./vm-target.bundle.cjs', here).href;
}

/**
 * The in-process bytecode VM (bench spec: "Running a scenario: `vm`"). `prepare` compiles the job's source once (its
 * dependencies are read from the module root) with the pass hook, so `passes_applied` is what ran; a failure becomes
 * a `RunError` of the compile's own stage (`read`, `parse`, `typecheck` or `compile`) with its message. Each
 * `runOnce` is a fresh `runProgram` (console silenced, the manifest's args) plus `displayValue` of its result (`null`
 * for Unit); `countedRun` is one more run with counting on. A run whose `main` returns `Result.Err` fails like
 * `aver run`. Every run is sandboxed (`job.sandbox`): an effect `main` declares that bench mode denies is a `sandbox`
 * error before anything runs; a denied call at run time is a `runtime` error.
 */
export const vmTarget: TargetRunner = {
  name: 'vm',
  moduleUrl: bundleUrl(),
  async prepare(job: TargetJob): Promise<PreparedScenario> {
    return prepareVm(await loadRuntime(), job);
  },
};

/** The `target` export an isolate takes from this module (the `@aver/bench-target-NAME` convention). */
export const target = vmTarget;

/** The job's sandbox; a policy naming an unknown effect (or a disk root that went away) is a `setup` error. */
function createSandbox(vm: VmRuntime, job: TargetJob): InstanceType<VmRuntime['Sandbox']> {
  try {
    return new vm.Sandbox(job.sandbox);
  } catch (error) {
    if (error instanceof vm.EffectPolicyError) throw new RunError('setup', error.message);
    throw error;
  }
}

function prepareVm(vm: VmRuntime, job: TargetJob): PreparedScenario {
  const passesApplied: string[] = [];
  const compiled = vm.compileSource(job.source, job.entry, {
    moduleRoot: job.moduleRoot,
    onAfterPass: (stage) => {
      passesApplied.push(stage);
    },
  });
  if (!compiled.ok) throw new RunError(compiled.stage, compiled.message);
  const program = compiled.program;
  const sandbox = createSandbox(vm, job);
  const denied = sandbox.deniedDeclarations(program.mainEffects);
  if (denied.length > 0) throw new RunError('sandbox', denied.join('\n'));
  const runOptions: RunOptions = { args: [...job.args], console: 'silent', sandbox };
  const run = (options: RunOptions) => {
    let result: ReturnType<VmRuntime['runProgram']>;
    try {
      result = vm.runProgram(program, options);
    } catch (error) {
      if (error instanceof vm.AverRuntimeError) throw new RunError('runtime', error.format());
      throw error;
    }
    // A `main` that returns `Result.Err` failed (it makes `aver run` exit 1): timings of a program that says it
    // failed are not a benchmark of it.
    const failure = vm.mainErrorMessage(result.value);
    if (failure !== null) throw new RunError('runtime', failure);
    return result;
  };
  return {
    passesApplied,
    compilerVisibleAllocs: program.compilerVisibleAllocs,
    backend: { averVersion: vm.VERSION, build: 'release', wasmtimeVersion: null },
    runOnce: () => vm.displayValue(run(runOptions).value),
    countedRun: (): ProfiledCounters | null => {
      const counters = run({ ...runOptions, count: true }).counters;
      if (counters === null) return null;
      const functions = counters.byFunction.map(({ name, file, line, calls, instructions, allocations }) => ({
        name,
        file,
        line,
        calls,
        instructions,
        allocations,
      }));
      return {
        instructions: counters.instructions,
        calls: counters.calls,
        allocations: counters.allocations,
        by_opcode: { ...counters.byOpcode },
        functions,
        stacks: counters.stacks.map(({ parent, function: fn, instructions }) => ({
          parent,
          function: fn,
          instructions,
        })),
        stacks_truncated: counters.stacksTruncated,
      };
    },
  };
}
