import { dirname, resolve } from 'node:path';
import { OPCODE_LIMIT, opcodeInfo } from './chunk.js';
import { type CompiledCode, compileProgram } from './compiler.js';
import { CompileError } from './compiler/compile-error.js';
import { type Diagnostic, formatDiagnosticLine, hasErrors } from './diagnostics.js';
import { AverRuntimeError } from './errors.js';
import { loadProgram } from './module-loader.js';
import { type PipelineOptions, type PipelineStage, runPipeline } from './pipeline.js';
import { type ConsoleOption, createHost } from './run-host.js';
import { RuntimeMessages } from './runtime-messages.js';
import { InvalidUtf8Error, readTextFile } from './text-file.js';
import { UNIT, type Value } from './values.js';
import { runLoop } from './vm.js';
import { type CountingState, growStack, Run, STACK_SLACK } from './vm-support.js';
import { runLoopCounting } from './vm-counting.js';
import { VmMessages } from './vm-messages.js';
import { releaseCodePointStrings } from './builtins/code-point-index.js';

/** Options of `compileFile` / `compileSource`. */
export interface CompileOptions {
  /** Where `depends [A.B]` finds `a/b.av`; default: the entry file's directory (what the bench uses, §1.9). */
  readonly moduleRoot?: string;
  /** Called with each pipeline stage's name right after it ran (`passes_applied`, §5.1). */
  readonly onAfterPass?: (stage: string) => void;
}

/** The outcome of a compile: a program, or the stage that failed with its diagnostics and one message. */
export type CompileResult =
  | { readonly ok: true; readonly program: CompiledProgram }
  | {
      readonly ok: false;
      readonly stage: 'read' | 'parse' | 'typecheck' | 'compile';
      readonly diagnostics: readonly Diagnostic[];
      /** For `parse`/`typecheck`: the errors as `error[L:C]: msg` lines joined by `\n`. */
      readonly message: string;
    };

/** A program compiled once and runnable any number of times with `runProgram`. */
export interface CompiledProgram {
  readonly entryPath: string;
  /** The pipeline stages that ran, in order (§5.1). */
  readonly passesApplied: readonly string[];
  /** Allocation sites left in the entry file after the pipeline (defined in the README). */
  readonly compilerVisibleAllocs: number;
  readonly hasMain: boolean;
  /** Checker warnings (never errors). */
  readonly warnings: readonly Diagnostic[];
  /** The bytecode and tables (internal: read by `disassemble` and the `verify` command). */
  readonly code: CompiledCode;
}

/** Options of one `runProgram` call. */
export interface RunOptions {
  /** What `Args.get()` returns. */
  readonly args?: readonly string[];
  /** `inherit` (default): the process streams; `silent`: discard; or receive each line. */
  readonly console?: ConsoleOption;
  /** `Console.readLine` source: one line per call, `null` at end of input (default: process stdin with `inherit`). */
  readonly stdin?: () => string | null;
  /** Fail with a `limit` error once the run has taken this long (checked on calls). */
  readonly timeoutMs?: number;
  /** Fail with a `limit` error after this many instructions (runs the counting loop). */
  readonly stepBudget?: number;
  /** Open frames allowed before a `stack overflow` limit error; default 1,000,000. */
  readonly maxFrames?: number;
  /** Count instructions (total and per opcode), calls and allocations (see the README). */
  readonly count?: boolean;
}

/** Exact counts of a counting run (definitions in the README). */
export interface RunCounters {
  readonly instructions: number;
  readonly calls: number;
  readonly allocations: number;
  readonly byOpcode: Readonly<Record<string, number>>;
}

/** What a run gives: `main`'s value (Unit without `main`) and the counters of a counting run. */
export interface RunResult {
  readonly value: Value;
  readonly counters: RunCounters | null;
}

/** Default of `RunOptions.maxFrames`. */
export const DEFAULT_MAX_FRAMES = 1_000_000;

/**
 * Compiles an Aver file and the modules it depends on: load and parse, the seven-stage pipeline (tco, typecheck,
 * interp_lower, buffer_build, resolve, last_use, analyze), then bytecode. Never throws for a bad program.
 *
 * @param entryPath - The file to compile.
 * @param options - Module root and the pass hook.
 * @returns The program, or the failing stage with its diagnostics.
 */
export function compileFile(entryPath: string, options: CompileOptions = {}): CompileResult {
  let text: string;
  try {
    text = readTextFile(entryPath);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'No such file or directory'
        : error instanceof InvalidUtf8Error
          ? error.message
          : String(error);
    return { ok: false, stage: 'read', diagnostics: [], message: VmMessages.cannotRead(entryPath, reason) };
  }
  return compileSource(text, entryPath, options);
}

/**
 * Compiles source text as if it were the file at `path` (dependencies are still read from the module root).
 *
 * @param text - The entry file's source.
 * @param path - Its path (for diagnostics and the default module root).
 * @param options - Module root and the pass hook.
 * @returns The program, or the failing stage with its diagnostics.
 */
export function compileSource(text: string, path: string, options: CompileOptions = {}): CompileResult {
  return compileWith(text, path, options, {});
}

/** Options of `compileWith` beyond the public ones. */
export interface InternalCompileOptions {
  /** Stages to leave out (tests compare outputs with and without an optimisation). */
  readonly skip?: ReadonlySet<PipelineStage>;
  /** Reads dependency files (the commands resolve paths against their working directory). */
  readonly readFile?: (path: string) => string | null;
}

/** `compileSource` with internal options. */
export function compileWith(
  text: string,
  path: string,
  options: CompileOptions,
  internal: InternalCompileOptions,
): CompileResult {
  const moduleRoot = options.moduleRoot ?? dirname(path);
  const entryId = resolve(path);
  const readFile = internal.readFile ?? readIfExists;
  const loaded = loadProgram(path, moduleRoot, (file) => (resolve(file) === entryId ? text : readFile(file)));
  if (hasErrors(loaded.diagnostics)) return failure('parse', loaded.diagnostics);
  const pipeline: PipelineOptions = { onAfterPass: options.onAfterPass, skip: internal.skip };
  const outcome = runPipeline(loaded, pipeline);
  if (!outcome.ok) return failure('typecheck', outcome.diagnostics);
  let code: CompiledCode;
  try {
    code = compileProgram(outcome.program);
  } catch (error) {
    if (!(error instanceof CompileError)) throw error;
    return { ok: false, stage: 'compile', diagnostics: [], message: error.message };
  }
  const program: CompiledProgram = {
    entryPath: path,
    passesApplied: outcome.passesApplied,
    compilerVisibleAllocs: outcome.program.compilerVisibleAllocs,
    hasMain: code.mainIndex !== null,
    warnings: outcome.program.warnings,
    code,
  };
  return { ok: true, program };
}

function failure(stage: 'parse' | 'typecheck', diagnostics: readonly Diagnostic[]): CompileResult {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  return { ok: false, stage, diagnostics, message: errors.map(formatDiagnosticLine).join('\n') };
}

function readIfExists(path: string): string | null {
  try {
    return readTextFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
}

/** The value stack and frame array a program reuses across its runs (fully reset between them). */
interface ReusableState {
  readonly stack: Value[];
  readonly frames: number[];
  busy: boolean;
}

/** The value of a global before its top-level binding runs. */
const UNSET = undefined as unknown as Value;
const INITIAL_STACK = 256;
const INITIAL_FRAMES = 3 * 256;
const states = new WeakMap<CompiledCode, ReusableState>();

function freshState(): ReusableState {
  const stack: Value[] = [];
  growStack(stack, INITIAL_STACK);
  const frames: number[] = [];
  for (let i = 0; i < INITIAL_FRAMES; i++) frames.push(0);
  return { stack, frames, busy: false };
}

/**
 * Runs a compiled program: `__top_level__` (when there are top-level statements), then `main()` with no
 * arguments; without `main` the result is Unit (§4.9). Each run starts from fresh globals and an empty stack.
 * A `main` that returns `Result.Err` is a normal result here (the `run` command reports it).
 *
 * @param program - From `compileFile` / `compileSource`.
 * @param options - Console, args, stdin, limits and counting.
 * @returns `main`'s value, and the counters when `count` (or a step budget) is set.
 * @throws AverRuntimeError on a runtime error or an exceeded limit (`kind: 'limit'`), with the source line.
 */
export function runProgram(program: CompiledProgram, options: RunOptions = {}): RunResult {
  const session = openSession(program, options);
  try {
    const code = program.code;
    if (code.hasTopLevel) {
      const failed = session.call(code.topLevelIndex, []);
      if (failed !== UNIT) return session.finish(failed);
    }
    if (code.mainIndex === null) return session.finish(UNIT);
    const arity = code.chunks[code.mainIndex].arity;
    if (arity !== 0) throw new AverRuntimeError(RuntimeMessages.mainHasParameters(arity));
    if (session.run.counting !== null) session.run.counting.calls++;
    return session.finish(session.call(code.mainIndex, []));
  } finally {
    session.close();
  }
}

/** A sequence of calls into one program sharing globals and host (a run, or an `aver verify` session). */
export interface Session {
  readonly run: Run;
  /** Calls chunk `index` with `args`; returns its result. */
  call(index: number, args: readonly Value[]): Value;
  finish(value: Value): RunResult;
  close(): void;
}

/** Starts a session over a program: fresh globals, the reusable stack (or a new one when already in use). */
export function openSession(program: CompiledProgram, options: RunOptions = {}): Session {
  const code = program.code;
  let state = states.get(code);
  if (state === undefined || state.busy) {
    const created = freshState();
    if (state === undefined) states.set(code, created);
    state = created;
  }
  state.busy = true;
  const counting: CountingState | null =
    options.count === true || options.stepBudget !== undefined
      ? {
          opCounts: new Float64Array(OPCODE_LIMIT),
          calls: 0,
          allocations: 0,
          stepsLeft: options.stepBudget ?? Number.MAX_SAFE_INTEGER,
        }
      : null;
  // Unset globals are `undefined` until their top-level binding runs (LOAD_GLOBAL reports an early read).
  const globals: Value[] = code.globalCount === 0 ? [] : new Array<Value>(code.globalCount).fill(UNSET);
  const host = createHost(options.console, options.args, options.stdin);
  const run = new Run(
    code,
    state.stack,
    state.frames,
    globals,
    host,
    options.maxFrames ?? DEFAULT_MAX_FRAMES,
    options.timeoutMs ?? null,
    options.stepBudget ?? null,
    counting,
  );
  const owned = state;
  const loop = counting === null ? runLoop : runLoopCounting;
  return {
    run,
    call(index, args) {
      if (args.length + STACK_SLACK > owned.stack.length) growStack(owned.stack, args.length);
      for (let i = 0; i < args.length; i++) owned.stack[i] = args[i];
      return loop(run, index);
    },
    finish(value) {
      return { value, counters: counting === null || options.count !== true ? null : countersOf(counting) };
    },
    close() {
      resetState(owned);
      releaseCodePointStrings();
    },
  };
}

/**
 * Drops every reference the last run left on the stack. The capacity stays: a program that once needed a deep
 * stack needs it on every run, and the stack only grows on demand, so its length is at most twice the deepest use.
 */
function resetState(state: ReusableState): void {
  state.stack.fill(UNIT);
  state.busy = false;
}

function countersOf(counting: CountingState): RunCounters {
  const byOpcode: Record<string, number> = {};
  let instructions = 0;
  counting.opCounts.forEach((count, code) => {
    if (count === 0) return;
    instructions += count;
    byOpcode[opcodeInfo(code)?.name ?? String(code)] = count;
  });
  return { instructions, calls: counting.calls, allocations: counting.allocations, byOpcode };
}
