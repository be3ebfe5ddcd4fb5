import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { closest, distance } from 'fastest-levenshtein';

/**
 * Golden programs (`packages/vm-runtime/test/programs/<feature>/*.av`) state what running them must do in
 * directive comments, one per line:
 *
 *   // expect: <line>                   the next line of stdout (all of them, in order)
 *   // expect-stderr: <line>            the next line of stderr
 *   // expect-value: <display>          the display of main's value (`None` for Unit)
 *   // expect-runtime-error: <text>     the run fails with this `AverRuntimeError.format()` text
 *   // expect-main-error: <display>     main returns Result.Err with this display
 *   // run-options: {"timeoutMs": 50}  JSON run options (several lines merge)
 *   // args: a b                        Args.get()
 *   // stdin: <line>                    the next line Console.readLine gets (then Err("EOF"))
 *
 * and, checked by the VM's suite only (they describe the bytecode VM):
 *
 *   // expect-counters: instructions=13 calls=4 allocations=1   the counters of a counting run
 *   // expect-function: fib line=3 calls=177 instructions=1059 allocations=0   the next `byFunction` row (all rows)
 *   // expect-stack: main;fib;fib instructions=12   the next stack of the profile, outermost frame first (all)
 *   // dump: fn                         disassemble function `fn`, and compare it with …
 *   // expect-dump: <line>              … the next line of its disassembly
 *   // expect-verify: <line>            the next line of `aver verify` output (plain, the path is the file name)
 *
 * A directive is a comment line whose first word is lowercase, optionally followed by `[…]`, then a colon; any such
 * line that names no directive is an error, so a misspelled one fails instead of silently checking nothing.
 */

/** One directive: its name, the `[…]` part (without brackets, `null` when absent), the text after `: `. */
export interface Directive {
  readonly name: string;
  readonly bracket: string | null;
  readonly text: string;
  /** 1-based line in the program. */
  readonly line: number;
}

/** What a golden program's directives expect of a run of it. */
export interface GoldenExpectations {
  readonly stdout: readonly string[];
  readonly stderr: readonly string[];
  readonly value: string | null;
  readonly runtimeError: string | null;
  readonly mainError: string | null;
  /** The `run-options` objects merged in order, with `args` as `args`. */
  readonly runOptions: Readonly<Record<string, unknown>>;
  readonly stdin: readonly string[];
  /** VM only: `instructions=… calls=… allocations=…`. */
  readonly counters: string | null;
  readonly functions: readonly string[];
  readonly stacks: readonly string[];
  readonly dump: string | null;
  readonly dumpLines: readonly string[];
  readonly verify: readonly string[];
}

/** The directives of a run's golden program. */
export const GOLDEN_DIRECTIVES = [
  'expect',
  'expect-stderr',
  'expect-value',
  'expect-runtime-error',
  'expect-main-error',
  'run-options',
  'args',
  'stdin',
  'expect-counters',
  'expect-function',
  'expect-stack',
  'dump',
  'expect-dump',
  'expect-verify',
] as const;

const DIRECTIVE = /^\s*\/\/ ([a-z][a-z-]*)(?:\[([^\]]*)\])?: ?(.*)$/;

/**
 * The directives of a program, in order.
 *
 * @param text - The program.
 * @param known - The directive names allowed.
 * @throws Error naming the line and the closest known directive when a line uses a directive not in `known`.
 */
export function readDirectives(text: string, known: readonly string[]): Directive[] {
  const directives: Directive[] = [];
  text.split('\n').forEach((source, index) => {
    const match = DIRECTIVE.exec(source);
    if (match === null) return;
    const [, name, bracket, rest] = match;
    if (!known.includes(name)) {
      const guess = closest(name, known as string[]);
      const hint = distance(name, guess) <= 3 ? ` (did you mean '${guess}'?)` : '';
      throw new Error(
        `line ${index + 1}: unknown directive '${name}'${hint}; known directives: ${known.join(', ')}`,
      );
    }
    directives.push({ name, bracket: bracket ?? null, text: rest, line: index + 1 });
  });
  return directives;
}

/**
 * What a golden program expects of a run (the directives above).
 *
 * @throws Error for an unknown directive, or a `run-options` line that is not a JSON object (naming the line).
 */
export function readGoldenProgram(text: string): GoldenExpectations {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const stdin: string[] = [];
  const functions: string[] = [];
  const stacks: string[] = [];
  const dumpLines: string[] = [];
  const verify: string[] = [];
  let value: string | null = null;
  let runtimeError: string | null = null;
  let mainError: string | null = null;
  let counters: string | null = null;
  let dump: string | null = null;
  let runOptions: Record<string, unknown> = {};
  for (const { name, text: rest, line } of readDirectives(text, GOLDEN_DIRECTIVES)) {
    switch (name as (typeof GOLDEN_DIRECTIVES)[number]) {
      case 'expect':
        stdout.push(rest);
        break;
      case 'expect-stderr':
        stderr.push(rest);
        break;
      case 'expect-value':
        value = rest;
        break;
      case 'expect-runtime-error':
        runtimeError = rest;
        break;
      case 'expect-main-error':
        mainError = rest;
        break;
      case 'run-options':
        runOptions = { ...runOptions, ...jsonObject(rest, line) };
        break;
      case 'args':
        runOptions = { ...runOptions, args: rest === '' ? [] : rest.split(' ') };
        break;
      case 'stdin':
        stdin.push(rest);
        break;
      case 'expect-counters':
        counters = rest;
        break;
      case 'expect-function':
        functions.push(rest);
        break;
      case 'expect-stack':
        stacks.push(rest);
        break;
      case 'dump':
        dump = rest;
        break;
      case 'expect-dump':
        dumpLines.push(rest);
        break;
      case 'expect-verify':
        verify.push(rest);
        break;
    }
  }
  return {
    stdout,
    stderr,
    value,
    runtimeError,
    mainError,
    runOptions,
    stdin,
    counters,
    functions,
    stacks,
    dump,
    dumpLines,
    verify,
  };
}

function jsonObject(text: string, line: number): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`line ${line}: run-options is not JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`line ${line}: run-options must be a JSON object, got ${text}`);
  return parsed as Record<string, unknown>;
}

/** Folders of the programs directory that hold other suites' inputs (checker errors, parser errors). */
const OTHER_SUITES = new Set(['check-errors', 'syntax']);

/**
 * The golden programs under `dir`, sorted: every `.av` file in its folders, except the checker's `check-errors`
 * and the parser's `syntax` folders, and `lib` folders (modules the programs import, not programs).
 */
export function goldenProgramFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!OTHER_SUITES.has(name) && name !== 'lib') found.push(...goldenProgramFiles(path));
    } else if (name.endsWith('.av')) found.push(path);
  }
  return found.sort();
}
