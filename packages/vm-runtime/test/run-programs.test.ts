import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { disassembleChunk } from '../src/debug.js';
import { displayValue } from '../src/display.js';
import { AverRuntimeError } from '../src/errors.js';
import { compileFile, type RunOptions, runProgram } from '../src/program.js';
import { WrapKind, WrapValue } from '../src/values.js';
import { formatVerifyReport, verifyProgram } from '../src/verify.js';
import { readDirectives } from './golden-directives.js';

// Golden programs (test/programs/<feature>/*.av, except the checker's check-errors and the parser's syntax
// folders). Each program states what running it must do, in comments:
//   // expect: <line>                   the next line of stdout (all of them, in order)
//   // expect-stderr: <line>            the next line of stderr
//   // expect-value: <display>          the display of main's value (`None` for Unit)
//   // expect-runtime-error: <text>     the run fails with this `AverRuntimeError.format()` text
//   // expect-main-error: <display>     main returns Result.Err with this display
//   // run-options: {"timeoutMs": 50}  JSON RunOptions for the run
//   // args: a b                        Args.get()
//   // stdin: <line>                    the next line Console.readLine gets (then Err("EOF"))
//   // expect-counters: instructions=13 calls=4 allocations=1   the counters of a counting run
//   // expect-function: fib line=3 calls=177 instructions=1059 allocations=0   the next `byFunction` row (all rows)
//   // expect-stack: main;fib;fib instructions=12   the next stack of the profile, outermost frame first (all)
//   // dump: fn                         disassemble function `fn`, and compare it with …
//   // expect-dump: <line>              … the next line of its disassembly
//   // expect-verify: <line>            the next line of `aver verify` output (plain, the path is the file name)
// Any other `// word:` comment line is an error (a misspelled directive must not silently check nothing).
// The program's folder is the module root. Files under a `lib` folder are modules, not programs.

const programsDir = resolve(dirname(fileURLToPath(import.meta.url)), 'programs');
const OTHER_SUITES = new Set(['check-errors', 'syntax']);

function programFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!OTHER_SUITES.has(name) && name !== 'lib') found.push(...programFiles(path));
    } else if (name.endsWith('.av')) found.push(path);
  }
  return found.sort();
}

interface Expectations {
  stdout: string[];
  stderr: string[];
  value: string | null;
  runtimeError: string | null;
  mainError: string | null;
  options: RunOptions;
  counters: string | null;
  functions: string[];
  stacks: string[];
  dump: string | null;
  dumpLines: string[];
  verify: string[];
  stdin: string[];
}

function expectationsOf(text: string): Expectations {
  const result: Expectations = {
    stdout: [],
    stderr: [],
    value: null,
    runtimeError: null,
    mainError: null,
    options: {},
    counters: null,
    functions: [],
    stacks: [],
    dump: null,
    dumpLines: [],
    verify: [],
    stdin: [],
  };
  const directives: Record<string, (rest: string) => void> = {
    expect: (rest) => result.stdout.push(rest),
    'expect-stderr': (rest) => result.stderr.push(rest),
    'expect-value': (rest) => {
      result.value = rest;
    },
    'expect-runtime-error': (rest) => {
      result.runtimeError = rest;
    },
    'expect-main-error': (rest) => {
      result.mainError = rest;
    },
    'run-options': (rest) => {
      result.options = { ...result.options, ...JSON.parse(rest) };
    },
    args: (rest) => {
      result.options = { ...result.options, args: rest === '' ? [] : rest.split(' ') };
    },
    'expect-counters': (rest) => {
      result.counters = rest;
    },
    'expect-function': (rest) => result.functions.push(rest),
    'expect-stack': (rest) => result.stacks.push(rest),
    dump: (rest) => {
      result.dump = rest;
    },
    'expect-dump': (rest) => result.dumpLines.push(rest),
    'expect-verify': (rest) => result.verify.push(rest),
    stdin: (rest) => result.stdin.push(rest),
  };
  for (const directive of readDirectives(text, Object.keys(directives)))
    directives[directive.name](directive.text);
  return result;
}

const programs = programFiles(programsDir);

describe('golden programs (test/programs)', () => {
  it('has programs for every feature folder', () => {
    expect(programs.length).toBeGreaterThan(20);
  });

  it.each(programs.map((path) => [relative(programsDir, path), path]))(
    '%s runs as its comments say',
    (_name, path) => {
      const expected = expectationsOf(readFileSync(path, 'utf8'));
      const compiled = compileFile(path);
      if (!compiled.ok) throw new Error(`${compiled.stage}: ${compiled.message}`);
      const stdout: string[] = [];
      const stderr: string[] = [];
      const console = {
        writeOut: (line: string) => stdout.push(line),
        writeErr: (line: string) => stderr.push(line),
      };
      if (expected.dump !== null) {
        const chunk = compiled.program.code.chunks.find((candidate) => candidate.name === expected.dump);
        if (chunk === undefined) throw new Error(`no function ${expected.dump} to dump`);
        expect(disassembleChunk(chunk, compiled.program.code).split('\n')).toEqual(expected.dumpLines);
      }
      if (expected.verify.length > 0) {
        const report = verifyProgram(compiled.program);
        const style = { colour: false, maxFailures: 3 };
        expect(formatVerifyReport(basename(path), report, style)).toEqual(expected.verify);
      }
      let value: unknown = null;
      let failure: string | null = null;
      try {
        const lines = [...expected.stdin];
        const stdin = () => lines.shift() ?? null;
        const count =
          expected.counters !== null || expected.functions.length > 0 || expected.stacks.length > 0;
        const options = { ...expected.options, console, stdin, count };
        const result = runProgram(compiled.program, options);
        value = result.value;
        if (expected.counters !== null) {
          const { instructions, calls, allocations } = result.counters!;
          expect(`instructions=${instructions} calls=${calls} allocations=${allocations}`).toBe(
            expected.counters,
          );
        }
        if (expected.functions.length > 0) {
          const rows = result.counters!.byFunction.map(
            (row) =>
              `${row.name} line=${row.line ?? '-'} calls=${row.calls} instructions=${row.instructions} allocations=${row.allocations}`,
          );
          expect(rows).toEqual(expected.functions);
        }
        if (expected.stacks.length > 0) {
          const { byFunction, stacks } = result.counters!;
          const path = (index: number | null): string[] =>
            index === null ? [] : [...path(stacks[index].parent), byFunction[stacks[index].function].name];
          const lines = stacks.map(
            (stack, index) => `${path(index).join(';')} instructions=${stack.instructions}`,
          );
          expect(lines).toEqual(expected.stacks);
        }
      } catch (error) {
        if (!(error instanceof AverRuntimeError)) throw error;
        failure = error.format();
      }
      expect(stdout).toEqual(expected.stdout);
      expect(stderr).toEqual(expected.stderr);
      expect(failure).toBe(expected.runtimeError);
      if (failure !== null) return;
      if (expected.mainError !== null) {
        expect(value).toBeInstanceOf(WrapValue);
        expect((value as WrapValue).wrap).toBe(WrapKind.Err);
        expect(displayValue((value as WrapValue).value)).toBe(expected.mainError);
      }
      if (expected.value !== null) expect(displayValue(value as never) ?? 'None').toBe(expected.value);
    },
  );
});
