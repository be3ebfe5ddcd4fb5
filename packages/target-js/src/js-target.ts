import type { EmittedProgram, PreparedScenario, TargetJob, TargetRunner } from '@aver/bench-runner';
import { RunError } from '@aver/bench-runner';
import {
  AverRuntimeError,
  displayValue,
  EffectPolicyError,
  mainErrorMessage,
  Sandbox,
  VERSION,
} from '@aver/vm-runtime';
import { compileJsSource, type JsProgram } from './js-program.js';
import { type JsRunOptions, runJs } from './run-js.js';

/**
 * The module an isolate imports for this target: one bundle of this file and `@aver/vm-runtime`, built next to it in
 * `dist/` by `scripts/bundle-target.mjs` (one CommonJS file with a V8 code cache starts several times faster than
 * the runtime's hundred ES modules; its `target` export is this object). Under vitest this file runs from `src/`,
 * and isolates run the build.
 */
function bundleUrl(): string {
  const here = import.meta.url;
  return here.endsWith('.ts')
    ? new URL('../dist/js-target.bundle.cjs', here).href
    : new URL('./js-target.bundle.cjs', here).href;
}

/**
 * The `js` bench target: `prepare` runs the front end (`passes_applied` is the stages that ran) and
 * compiles the lowered program to JavaScript once; a failure is a `RunError` of its stage (`read`, `parse`,
 * `typecheck`, or `compile` for a construct the generator cannot translate, never a silent run on the VM). Each
 * `runOnce` is a fresh `runJs` (console silenced, the manifest's args) plus `displayValue` of the result, exactly
 * as the `vm` target renders it; a `main` that returns `Result.Err` fails like `aver run`. There are no counters:
 * compiled JavaScript executes no VM instructions. Every run is sandboxed like the vm target's (`job.sandbox`): an
 * effect `main` declares that bench mode denies is a `sandbox` error before anything runs.
 */
export const jsTarget: TargetRunner = {
  name: 'js',
  moduleUrl: bundleUrl(),
  prepare(job: TargetJob): PreparedScenario {
    const program = compileJob(job);
    const sandbox = createSandbox(job);
    const mainEffects = program.lowered.checked.functions.get('main')?.decl.effects ?? [];
    const denied = sandbox.deniedDeclarations(mainEffects);
    if (denied.length > 0) throw new RunError('sandbox', denied.join('\n'));
    const options: JsRunOptions = { args: [...job.args], console: 'silent', sandbox };
    return {
      passesApplied: program.passesApplied,
      compilerVisibleAllocs: program.compilerVisibleAllocs,
      backend: { averVersion: VERSION, build: 'release', wasmtimeVersion: null },
      runOnce: () => {
        let value: ReturnType<typeof runJs>['value'];
        try {
          value = runJs(program, options).value;
        } catch (error) {
          if (error instanceof AverRuntimeError) throw new RunError('runtime', error.format());
          throw error;
        }
        const failure = mainErrorMessage(value);
        if (failure !== null) throw new RunError('runtime', failure);
        return displayValue(value);
      },
    };
  },

  /** The generated module of `job`'s program, as an ES module file (`aver-bench --emit-js DIR`). */
  emitProgram(job: TargetJob): EmittedProgram {
    return { fileName: `${job.scenario}.mjs`, text: compileJob(job).esModule() };
  },
};

/** The `target` export the runner and the CLI take from this package (the `@aver/bench-target-NAME` convention). */
export const target = jsTarget;

/** The job's sandbox (bench mode denies world-touching effects); a bad policy is a `setup` error. */
function createSandbox(job: TargetJob): Sandbox {
  try {
    return new Sandbox(job.sandbox);
  } catch (error) {
    if (error instanceof EffectPolicyError) throw new RunError('setup', error.message);
    throw error;
  }
}

/**
 * Compiles a bench job to JavaScript, or throws the `RunError` of the failing stage.
 *
 * @param job - The runner's job (entry, source, module root).
 * @returns The program.
 */
export function compileJob(job: TargetJob): JsProgram {
  const compiled = compileJsSource(job.source, job.entry, { moduleRoot: job.moduleRoot });
  if (!compiled.ok) throw new RunError(compiled.stage, compiled.message);
  return compiled.program;
}
