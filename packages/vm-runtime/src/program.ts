import type { EffectRef } from './ast.js';
import { type CompiledCode, compileProgram } from './compiler.js';
import { CompileError } from './compiler/compile-error.js';
import type { Diagnostic } from './diagnostics.js';
import { AverRuntimeError } from './errors.js';
import {
  type FrontEndFailure,
  type FrontEndOptions,
  type InternalFrontEndOptions,
  lowerWith,
  readEntry,
} from './frontend.js';
import { type ConsoleOption, createHost } from './run-host.js';
import { limitHost } from './run-limits.js';
import type { Sandbox } from './sandbox.js';
import { RuntimeMessages } from './runtime-messages.js';
import { UNIT, type Value } from './values.js';
import { CountingState, type RunCounters } from './counting-state.js';
import { runLoop } from './vm.js';
import { growStack, Run, STACK_SLACK } from './vm-support.js';
import { runLoopCounting } from './vm-counting.js';
import { releaseCodePointStrings } from './builtins/code-point-index.js';

/** Options of `compileFile` / `compileSource`: those of the front end. */
export type CompileOptions = FrontEndOptions;

/** The outcome of a compile: a program, or the stage that failed with its diagnostics and one message. */
export type CompileResult =
  | { readonly ok: true; readonly program: CompiledProgram }
  | FrontEndFailure
  | {
      readonly ok: false;
      readonly stage: 'compile';
      readonly diagnostics: readonly Diagnostic[];
      /** `VM compile: <what> (line N)`. */
      readonly message: string;
    };

/** A program compiled once and runnable any number of times with `runProgram`. */
export interface CompiledProgram {
  readonly entryPath: string;
  /** The pipeline stages that ran, in order (language reference: "End-to-end flow"). */
  readonly passesApplied: readonly string[];
  /** Allocation sites left in the entry file after the pipeline (defined in the README). */
  readonly compilerVisibleAllocs: number;
  readonly hasMain: boolean;
  /** Checker warnings (never errors). */
  readonly warnings: readonly Diagnostic[];
  /** `main`'s declared `! [..]` entries with their places (empty without `main`), for `Sandbox.deniedDeclarations`. */
  readonly mainEffects: readonly EffectRef[];
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
  /**
   * Fail with a `limit` error once the run has taken this long: checked on calls and during long built-in work;
   * time blocked on stdin does not count, `Time.sleep` does.
   */
  readonly timeoutMs?: number;
  /**
   * Fail with a `limit` error after this many steps (runs the counting loop): instructions, plus one step per element
   * or character of long built-in work (work-cost.ts).
   */
  readonly stepBudget?: number;
  /** Open frames allowed before a `stack overflow` limit error; default 1,000,000. */
  readonly maxFrames?: number;
  /** Count instructions (total and per opcode), calls and allocations (see the README). */
  readonly count?: boolean;
  /**
   * Bench mode: the effects the sandbox denies fail with a runtime error and Disk paths are confined
   * (`new Sandbox(policy)`, sandbox.ts). Absent: the program may use every effect (`aver run`).
   */
  readonly sandbox?: Sandbox;
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
  const read = readEntry(entryPath);
  if (typeof read !== 'string') return read;
  return compileSource(read, entryPath, options);
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

/** Options of `compileWith` beyond the public ones (those of the front end). */
export type InternalCompileOptions = InternalFrontEndOptions;

/** `compileSource` with internal options. */
export function compileWith(
  text: string,
  path: string,
  options: CompileOptions,
  internal: InternalCompileOptions,
): CompileResult {
  const lowered = lowerWith(text, path, options, internal);
  if (!lowered.ok) return lowered;
  let code: CompiledCode;
  try {
    code = compileProgram(lowered.program);
  } catch (error) {
    if (!(error instanceof CompileError)) throw error;
    return { ok: false, stage: 'compile', diagnostics: [], message: error.message };
  }
  const program: CompiledProgram = {
    entryPath: path,
    passesApplied: lowered.passesApplied,
    compilerVisibleAllocs: lowered.program.compilerVisibleAllocs,
    hasMain: code.mainIndex !== null,
    warnings: lowered.program.warnings,
    mainEffects: lowered.program.checked.functions.get('main')?.decl.effects ?? [],
    code,
  };
  return { ok: true, program };
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
 * arguments; without `main` the result is Unit (language reference: "Evaluation order and program start"). Each run
 * starts from fresh globals and an empty stack. A `main` that returns `Result.Err` is a normal result here (the `run`
 * command reports it).
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
    if (session.run.counting !== null) session.run.counting.fnCalls[code.mainIndex]++;
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
      ? new CountingState(code.chunks.length, options.stepBudget ?? Number.MAX_SAFE_INTEGER)
      : null;
  // Unset globals are `undefined` until their top-level binding runs (LOAD_GLOBAL reports an early read).
  const globals: Value[] = code.globalCount === 0 ? [] : new Array<Value>(code.globalCount).fill(UNSET);
  const limits = { timeoutMs: options.timeoutMs ?? null, stepBudget: options.stepBudget ?? null };
  // The host's limit closures only run while the run does, after `run` is assigned.
  let run: Run;
  const host = limitHost(
    createHost(options.console, options.args, options.stdin, options.sandbox),
    limits,
    () => run,
  );
  run = new Run(
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
      const counters =
        counting === null || options.count !== true
          ? null
          : counting.toCounters(
              code.chunks.map((chunk) => chunk.name),
              code.chunkSources,
            );
      return { value, counters };
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
