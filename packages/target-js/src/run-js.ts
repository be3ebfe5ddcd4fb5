import {
  AverRuntimeError,
  checkDeadline,
  createHost,
  DEFAULT_MAX_FRAMES,
  type LimitState,
  limitHost,
  releaseCodePointStrings,
  type RunOptions,
  RuntimeMessages,
  UNIT,
  type Value,
} from '@aver/vm-runtime';
import { withAverLine } from './error-lines.js';
import type { RunState } from './emit/emit-module.js';
import type { JsProgram, LoadedModule } from './js-program.js';
import { JsMessages } from './messages.js';
import { jsStackBudget, measuredStackBudget, PROVISIONAL_STACK_BUDGET } from './stack-budget.js';

/** Options of a js run: the VM's `RunOptions` without instruction counting (`count`, `stepBudget`). */
export type JsRunOptions = Omit<RunOptions, 'count' | 'stepBudget'> & {
  /** Refused: the js target executes no VM instructions. */
  readonly count?: false;
  readonly stepBudget?: undefined;
  /**
   * How many Aver calls nest as plain JS calls before deeper ones continue on the heap. By default `jsStackBudget()`,
   * measured per thread after the first run that needed more than `PROVISIONAL_STACK_BUDGET` (used until then). Smaller is slower, never wrong: it only moves where the generator twins take over.
   */
  readonly stackBudget?: number;
};

/** The js target cannot do what was asked (count VM instructions); a usage error, not the program's failure. */
export class JsUnsupportedError extends Error {
  override readonly name = 'JsUnsupportedError';
}

/**
 * The run state of a run without a deadline: nothing in it changes while it runs (its host holds no per-run state),
 * so runs with the same console, args, stdin, sandbox and depths reuse the last one, as the bench's timed runs do.
 */
function unlimitedRunState(
  loaded: LoadedModule,
  options: JsRunOptions | RunOptions,
  fastDepth: number,
  maxFrames: number,
): RunState {
  const last = loaded.lastRun;
  if (
    last !== null &&
    last.console === options.console &&
    last.args === options.args &&
    last.stdin === options.stdin &&
    last.sandbox === options.sandbox &&
    last.state.fastDepth === fastDepth &&
    last.state.maxFrames === maxFrames
  )
    return last.state;
  const state: RunState = {
    host: createHost(options.console, options.args, options.stdin, options.sandbox),
    fastDepth,
    maxFrames,
    checkDeadline: noDeadline,
  };
  loaded.lastRun = {
    console: options.console,
    args: options.args,
    stdin: options.stdin,
    sandbox: options.sandbox,
    state,
  };
  return state;
}

/** Never called: a module without the deadline countdown has no deadline to check. */
function noDeadline(): void {}

/** The run state of a run with a deadline: its own limits, charged by the host and checked by the countdown. */
function limitedRunState(
  options: JsRunOptions | RunOptions,
  timeoutMs: number,
  fastDepth: number,
  maxFrames: number,
): RunState {
  const limits: LimitState = {
    deadline: performance.now() + timeoutMs,
    workSinceClock: 0,
    timeoutMs,
    stepBudget: null,
    counting: null,
  };
  const host = limitHost(
    createHost(options.console, options.args, options.stdin, options.sandbox),
    limits,
    () => limits,
  );
  return {
    host,
    fastDepth,
    maxFrames,
    checkDeadline: () => {
      checkDeadline(limits);
    },
  };
}

/** How much of the JS stack generated code uses; 64 frames is enough to find the innermost generated one. */
const STACK_TRACE_FRAMES = 64;

/**
 * Runs a program compiled to JavaScript, like the VM's `runProgram`: fresh globals, `__top_level__` (when there are
 * top-level statements; a `?` that fails there ends the run with its `Err`), then `main()` with no arguments (Unit
 * without `main`). Console, args, stdin, `timeoutMs` and `maxFrames` behave as on the VM, with the VM's messages and
 * lines.
 *
 * @param program - From `compileJsFile` / `compileJsSource`.
 * @param options - Console, args, stdin and limits.
 * @returns `main`'s value (counters are `null`: compiled code executes no VM instructions).
 * @throws AverRuntimeError on a runtime error or an exceeded limit, with the source line.
 * @throws JsUnsupportedError for `count` or `stepBudget`.
 */
export function runJs(
  program: JsProgram,
  options: JsRunOptions | RunOptions = {},
): { value: Value; counters: null } {
  if ((options as RunOptions).stepBudget !== undefined)
    throw new JsUnsupportedError(JsMessages.stepBudgetUnsupported());
  if ((options as RunOptions).count === true) throw new JsUnsupportedError(JsMessages.countersUnsupported());
  const timeoutMs = options.timeoutMs ?? null;
  const loaded = program.load(timeoutMs !== null);
  if (loaded.busy) throw new Error(JsMessages.reentrantRun());
  const maxFrames = options.maxFrames ?? DEFAULT_MAX_FRAMES;
  const givenBudget = (options as JsRunOptions).stackBudget;
  const budget = givenBudget ?? measuredStackBudget();
  const fastDepth = Math.min(budget ?? PROVISIONAL_STACK_BUDGET, maxFrames);
  const instance = loaded.instance;
  instance.start(
    timeoutMs === null
      ? unlimitedRunState(loaded, options, fastDepth, maxFrames)
      : limitedRunState(options, timeoutMs, fastDepth, maxFrames),
  );
  const traceFrames = Error.stackTraceLimit;
  if (traceFrames < STACK_TRACE_FRAMES) Error.stackTraceLimit = STACK_TRACE_FRAMES;
  loaded.busy = true;
  try {
    if (instance.hasTopLevel) {
      const failed = instance.topLevel(0) as Value;
      if (failed !== UNIT) return { value: failed, counters: null };
    }
    if (instance.main === null) return { value: UNIT, counters: null };
    if (instance.mainArity !== 0)
      throw new AverRuntimeError(RuntimeMessages.mainHasParameters(instance.mainArity));
    return { value: instance.main(0) as Value, counters: null };
  } catch (error) {
    throw withAverLine(error, loaded);
  } finally {
    loaded.busy = false;
    Error.stackTraceLimit = traceFrames;
    releaseCodePointStrings();
    // Measured here, on a shallow stack, once a run shows the program recurses past the provisional budget.
    if (budget === null && instance.wentDeep()) jsStackBudget();
  }
}
