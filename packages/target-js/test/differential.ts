import {
  AverRuntimeError,
  type CompileOptions,
  compileFile,
  displayValue,
  type RunOptions,
  runProgram,
  type Value,
  WrapKind,
  WrapValue,
} from '@aver/vm-runtime';
import { compileJsFile, runJs } from '../src/index.js';

/** Everything a run shows: console lines, the display of main's value, or the runtime error's text. */
export interface Outcome {
  readonly stdout: string[];
  readonly stderr: string[];
  /** `displayValue` of the result (`null` for Unit), or `null` after an error. */
  readonly value: string | null;
  /** The display of `e` when `main` returned `Result.Err(e)`. */
  readonly mainError: string | null;
  /** `AverRuntimeError.format()` of a failed run. */
  readonly error: string | null;
}

/** The options of a run, minus the console and stdin, which `outcomeOf` supplies. */
export type RunSetup = Omit<RunOptions, 'console' | 'stdin'> & { readonly stdinLines?: readonly string[] };

/** Runs `run` with a recording console and the given stdin lines, and collects what it showed. */
function outcomeOf(run: (options: RunOptions) => { value: Value }, setup: RunSetup): Outcome {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const { stdinLines = [], ...options } = setup;
  const lines = [...stdinLines];
  const console = {
    writeOut: (line: string) => stdout.push(line),
    writeErr: (line: string) => stderr.push(line),
  };
  try {
    const { value } = run({ ...options, console, stdin: () => lines.shift() ?? null });
    const mainError =
      value instanceof WrapValue && value.wrap === WrapKind.Err
        ? (displayValue(value.value) ?? 'Unit')
        : null;
    return { stdout, stderr, value: displayValue(value), mainError, error: null };
  } catch (error) {
    if (!(error instanceof AverRuntimeError)) throw error;
    return { stdout, stderr, value: null, mainError: null, error: error.format() };
  }
}

/** Compiles `path` for the VM and runs it. Compile failures fail the test. */
export function runOnVm(path: string, setup: RunSetup = {}, options: CompileOptions = {}): Outcome {
  const compiled = compileFile(path, options);
  if (!compiled.ok) throw new Error(`vm ${compiled.stage}: ${compiled.message}`);
  return outcomeOf((run) => runProgram(compiled.program, run), setup);
}

/** Compiles `path` to JavaScript and runs it. Compile failures fail the test. */
export function runOnJs(path: string, setup: RunSetup = {}, options: CompileOptions = {}): Outcome {
  const compiled = compileJsFile(path, options);
  if (!compiled.ok) throw new Error(`js ${compiled.stage}: ${compiled.message}`);
  return outcomeOf((run) => runJs(compiled.program, run), setup);
}
