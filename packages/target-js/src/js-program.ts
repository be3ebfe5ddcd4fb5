import { runInThisContext } from 'node:vm';
import {
  type Diagnostic,
  type FrontEndFailure,
  type FrontEndOptions,
  type LoweredProgram,
  lowerFile,
  lowerSource,
  type LowerResult,
} from '@aver/vm-runtime';
import { JsCompileError } from './emit/compile-error.js';
import { type EmittedModule, emitModule, type ModuleInstance, type RunState } from './emit/emit-module.js';
import type { ModuleLines } from './error-lines.js';
import { RUNTIME } from './runtime.js';

/** The outcome of compiling to JS: a program, or the failing stage (the front end's, or `compile`). */
export type JsCompileResult =
  | { readonly ok: true; readonly program: JsProgram }
  | FrontEndFailure
  | {
      readonly ok: false;
      readonly stage: 'compile';
      readonly diagnostics: readonly Diagnostic[];
      /** `JS compile: <what> (line N)`: a construct the generator cannot translate (never run on the VM instead). */
      readonly message: string;
    };

/** A loaded module: its instance and where its lines map to. */
export interface LoadedModule extends ModuleLines {
  readonly instance: ModuleInstance;
  busy: boolean;
  /** The options and run state of its last run without a deadline (`runJs` reuses the state for the same options). */
  lastRun: LastRun | null;
}

/** What a run's state was built from: the run options it depends on. */
export interface LastRun {
  readonly console: unknown;
  readonly args: readonly string[] | undefined;
  readonly stdin: unknown;
  readonly sandbox: unknown;
  readonly state: RunState;
}

let modulesLoaded = 0;

/**
 * An Aver program compiled to JavaScript, runnable any number of times with `runJs`. The module is generated once
 * (and again, lazily, with the deadline's call countdown for runs with `timeoutMs`) and loaded into this isolate
 * with a file name of its own, so its stack frames can be mapped back to Aver lines.
 */
export class JsProgram {
  private fast: LoadedModule | null = null;
  private checked: LoadedModule | null = null;

  constructor(
    /** The lowered program it was generated from. */
    readonly lowered: LoweredProgram,
    readonly entryPath: string,
    /** The front end's pipeline stages, in order. */
    readonly passesApplied: readonly string[],
    /** The module without deadline checks (what the bench runs). */
    readonly module: EmittedModule,
  ) {}

  /** `compiler_visible_allocs` of the front end (the same program as the VM's). */
  get compilerVisibleAllocs(): number {
    return this.lowered.compilerVisibleAllocs;
  }

  /** The generated module's source: a function expression taking the runtime. */
  get source(): string {
    return this.module.source;
  }

  /** The module as an ES module file (`export default function (runtime) …`), for `--emit-js`. */
  esModule(): string {
    return `${this.module.source.replace(/^\(function \(\$rt\) \{/, 'export default function instantiate($rt) {').replace(/\}\)$/, '}')}\n`;
  }

  /** The loaded module of a run: with the deadline's countdown when `deadline`. */
  load(deadline: boolean): LoadedModule {
    if (!deadline) {
      this.fast ??= loadModule(this.module, this.entryPath);
      return this.fast;
    }
    this.checked ??= loadModule(
      emitModule(this.lowered, { entryPath: this.entryPath, deadline: true }),
      this.entryPath,
    );
    return this.checked;
  }
}

function loadModule(module: EmittedModule, entryPath: string): LoadedModule {
  const filename = `${entryPath}.aver-js-${++modulesLoaded}.js`;
  const factory = runInThisContext(module.source, { filename }) as (
    runtime: typeof RUNTIME,
  ) => ModuleInstance;
  return { instance: factory(RUNTIME), filename, lineTable: module.lineTable, busy: false, lastRun: null };
}

/**
 * Compiles a lowered program to JavaScript.
 *
 * @param lowered - From `lowerFile` / `lowerSource`.
 * @param entryPath - The entry file (named in the module's header and stack frames).
 * @param passesApplied - The front end's stages.
 * @throws JsCompileError when the program lacks an annotation the generator needs.
 */
export function compileLowered(
  lowered: LoweredProgram,
  entryPath: string,
  passesApplied: readonly string[],
): JsProgram {
  return new JsProgram(lowered, entryPath, passesApplied, emitModule(lowered, { entryPath }));
}

/** Reads, checks and lowers an Aver file and compiles it to JavaScript. Never throws for a bad program. */
export function compileJsFile(entryPath: string, options: FrontEndOptions = {}): JsCompileResult {
  return fromLowered(lowerFile(entryPath, options), entryPath);
}

/** `compileJsFile` from source text, as if it were the file at `path`. */
export function compileJsSource(text: string, path: string, options: FrontEndOptions = {}): JsCompileResult {
  return fromLowered(lowerSource(text, path, options), path);
}

function fromLowered(result: LowerResult, entryPath: string): JsCompileResult {
  if (!result.ok) return result;
  try {
    return { ok: true, program: compileLowered(result.program, entryPath, result.passesApplied) };
  } catch (error) {
    if (!(error instanceof JsCompileError)) throw error;
    return { ok: false, stage: 'compile', diagnostics: [], message: error.message };
  }
}
