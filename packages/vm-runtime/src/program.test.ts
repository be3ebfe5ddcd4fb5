import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clearCodePointCache, codePointCacheStats } from './builtins/code-point-index.js';
import { displayValue } from './display.js';
import { AverRuntimeError } from './errors.js';
import { compileFile, compileSource, runProgram } from './program.js';
import { compileText, runCaptured, source } from './test-helpers.js';
import { UNIT } from './values.js';
import { VERSION } from './version.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'aver-program-'));
}

function failure(run: () => unknown): AverRuntimeError {
  try {
    run();
  } catch (error) {
    if (error instanceof AverRuntimeError) return error;
    throw error;
  }
  throw new Error('expected a runtime error');
}

describe('compileFile and compileSource', () => {
  it('reports an unreadable entry as a read failure naming the file', () => {
    const path = join(tempDir(), 'missing.av');
    expect(compileFile(path)).toEqual({
      ok: false,
      stage: 'read',
      diagnostics: [],
      message: `${path}: No such file or directory (os error 2)`,
    });
  });

  it('reports syntax errors as a parse failure with `error[L:C]: msg` lines', () => {
    const result = compileSource('fn main() -> Int\n    val x = 1\n', 'main.av');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.stage).toBe('parse');
    expect(result.message).toMatch(/^error\[2:5\]: /);
  });

  it('reports type errors as a typecheck failure, after announcing only tco', () => {
    const stages: string[] = [];
    const result = compileSource('fn main() -> Int\n    "text"\n', 'main.av', {
      onAfterPass: (s) => stages.push(s),
    });
    expect(result).toMatchObject({
      ok: false,
      stage: 'typecheck',
      message: "error[2:5]: Function 'main': body returns String but declared return type is Int",
    });
    expect(stages).toEqual(['tco']);
  });

  it('compiles a program with the pass list, main flag and allocation sites', () => {
    const stages: string[] = [];
    const result = compileSource('fn main() -> List<Int>\n    [1, 2]\n', 'main.av', {
      onAfterPass: (stage) => stages.push(stage),
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.program.passesApplied).toEqual(stages);
    expect(stages).toHaveLength(7);
    expect(result.program.hasMain).toBe(true);
    expect(result.program.compilerVisibleAllocs).toBe(1);
    expect(result.program.entryPath).toBe('main.av');
  });

  it("resolves `depends` against the entry file's directory by default", () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'util.av'), 'module Util\n\nfn twice(n: Int) -> Int\n    n * 2\n');
    writeFileSync(
      join(dir, 'main.av'),
      'module Main\n    depends [Data.Util]\n\nfn main() -> Int\n    Data.Util.twice(21)\n',
    );
    const result = compileFile(join(dir, 'main.av'));
    if (!result.ok) throw new Error(result.message);
    expect(runProgram(result.program, { console: 'silent' }).value).toBe(42);
  });
});

describe('runProgram', () => {
  it("returns main's value, or Unit without main after running the top-level statements", () => {
    expect(runProgram(compileText('fn main() -> Int\n    6 * 7\n')).value).toBe(42);
    const noMain = runCaptured(compileText('Console.print("top")\n'));
    expect(noMain.value).toBe(UNIT);
    expect(noMain.stdout).toEqual(['top']);
  });

  it('starts every run afresh: top-level statements run again and globals are rebuilt', () => {
    const program = compileText(
      source(`
        base = List.len(Args.get())
        Console.print("init {base}")

        fn main() -> Int
            ! [Args.get]
            base + 1
      `),
    );
    const first = runCaptured(program, { args: ['a'] });
    const second = runCaptured(program, { args: ['a', 'b', 'c'] });
    expect([first.stdout, first.value]).toEqual([['init 1'], 2]);
    expect([second.stdout, second.value]).toEqual([['init 3'], 4]);
  });

  it("leaves no string in the code-point cache after a run, so the next run's equal string is not compared by content", () => {
    // Each run builds an equal but distinct 40,000-unit string and walks it with charAt. A cache entry left over
    // from the previous run would match only through a full content comparison on every call (O(n) each).
    const program = compileText(
      source(`
        fn build(n: Int, acc: String) -> String
            match n
                0 -> acc
                _ -> build(n - 1, "{acc}ab😀 ")

        fn walk(s: String, i: Int, n: Int, acc: Int) -> Int
            match i == n
                true -> acc
                false -> match String.charAt(s, i)
                    Option.Some(c) -> walk(s, i + 1, n, acc + String.len(c))
                    Option.None -> acc

        fn main() -> Int
            s = build(8000, "")
            walk(s, 0, String.len(s), 0)
      `),
    );
    clearCodePointCache();
    expect(runProgram(program).value).toBe(32000);
    expect(codePointCacheStats().misses).toBe(1);
    expect(runProgram(program).value).toBe(32000);
    // The second run starts with an empty cache: String.len misses once, then every charAt hits its own string.
    expect(codePointCacheStats()).toEqual({ hits: 2 * 32000, misses: 2 });
  });

  it('sends output to the caller, to nowhere, and reads stdin lines from the caller', () => {
    const program = compileText(
      source(`
        fn main() -> Unit
            ! [Console.print, Console.error, Console.readLine]
            line = Console.readLine()
            Console.print("got {line}")
            Console.error("oops")
            Console.print(Console.readLine())
      `),
    );
    const lines = ['hello'];
    const captured = runCaptured(program, { stdin: () => lines.shift() ?? null });
    expect(captured.stdout).toEqual(['got Result.Ok("hello")', 'Result.Err("EOF")']);
    expect(captured.stderr).toEqual(['oops']);
    expect(runProgram(program, { console: 'silent', stdin: () => null }).value).toBe(UNIT);
  });

  it('counts instructions (per opcode), calls and allocations exactly when asked, and only then', () => {
    const program = compileText(
      source(`
        fn count(n: Int) -> Int
            match n
                0 -> 0
                _ -> count(n - 1)

        fn main() -> Result<Int, String>
            Result.Ok(count(2))
      `),
    );
    expect(runProgram(program).counters).toBeNull();
    const { value, counters } = runProgram(program, { count: true });
    expect(displayValue(value)).toBe('Result.Ok(0)');
    expect(counters).toEqual({
      instructions: 13,
      calls: 4,
      allocations: 1,
      byOpcode: {
        INT: 2,
        CALL: 1,
        MATCH_INT: 3,
        LOCAL_SUB_INT_IMM: 2,
        TAIL_CALL_SELF: 2,
        RETURN: 2,
        WRAP: 1,
      },
      // count(2) and count(1) run MATCH_INT, LOCAL_SUB_INT_IMM, TAIL_CALL_SELF; count(0) MATCH_INT, INT, RETURN.
      byFunction: [
        { name: 'count', file: 'main.av', line: 1, calls: 3, instructions: 9, allocations: 0 },
        { name: 'main', file: 'main.av', line: 6, calls: 1, instructions: 4, allocations: 1 },
      ],
      stacks: [
        { parent: null, function: 1, instructions: 4 },
        { parent: 0, function: 0, instructions: 9 },
      ],
      stacksTruncated: false,
    });
  });

  it('profiles frames beyond the JS call depth like the others, and bounds the number of stacks', () => {
    const program = (depth: number) =>
      compileText(
        source(`
          fn sum(n: Int) -> Int
              match n
                  0 -> 0
                  _ -> n + sum(n - 1)

          fn main() -> Int
              sum(${depth})
        `),
      );
    // sum(k > 0): MATCH_INT, LOAD_LOCAL_2, SUB_INT_IMM, CALL, ADD_INT, RETURN; sum(0): MATCH_INT, INT, RETURN.
    // main: INT, CALL, RETURN. Each depth is its own stack: main;sum, main;sum;sum, ...
    const deep = runProgram(program(100), { count: true }).counters!;
    expect(deep.byFunction.map((row) => [row.name, row.calls, row.instructions])).toEqual([
      ['sum', 101, 100 * 6 + 3],
      ['main', 1, 3],
    ]);
    expect(deep.stacks.length).toBe(102);
    expect(deep.stacks[0]).toEqual({ parent: null, function: 1, instructions: 3 });
    expect(deep.stacks[1]).toEqual({ parent: 0, function: 0, instructions: 6 });
    expect(deep.stacks[100]).toEqual({ parent: 99, function: 0, instructions: 6 });
    expect(deep.stacks[101]).toEqual({ parent: 100, function: 0, instructions: 3 });
    expect(deep.stacksTruncated).toBe(false);

    // 10,000 stacks are kept (main's and 9,999 depths); the deeper frames count on the deepest one kept.
    const capped = runProgram(program(10_050), { count: true }).counters!;
    expect(capped.stacks.length).toBe(10_000);
    expect(capped.stacksTruncated).toBe(true);
    expect(capped.stacks[9_999]).toEqual({
      parent: 9_998,
      function: 0,
      instructions: (10_050 - 9_998) * 6 + 3,
    });
    expect(capped.instructions).toBe(10_050 * 6 + 3 + 3);
  });

  it('counts built-in calls that build heap values as allocations', () => {
    const program = compileText(
      source(`
        fn main() -> Int
            xs = List.reverse([1, 2, 3])
            n = List.len(xs)
            m = Map.set({}, "k", n)
            Map.len(m) + String.len("abc")
      `),
    );
    // [1, 2, 3], List.reverse and Map.set allocate; List.len, Map.len and String.len do not.
    expect(runProgram(program, { count: true }).counters?.allocations).toBe(3);
  });

  it('does not count time blocked on stdin against the deadline, but cuts a sleep at it', () => {
    const reader = compileText(
      'fn main() -> String\n    ! [Console.readLine]\n    a = Console.readLine()\n    b = Console.readLine()\n    "{a}{b}"\n',
    );
    const slowUser = () => {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120);
      return 'x';
    };
    const read = runProgram(reader, { timeoutMs: 100, stdin: slowUser, console: 'silent' });
    expect(read.value).toBe('Result.Ok("x")Result.Ok("x")');
    const sleeper = compileText('fn main() -> Unit\n    ! [Time.sleep]\n    Time.sleep(60000)\n');
    const started = performance.now();
    const slept = failure(() => runProgram(sleeper, { timeoutMs: 50 }));
    expect([slept.kind, slept.message]).toEqual(['limit', 'deadline of 50 ms exceeded']);
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  it('fails with a limit error at the deadline, the step budget or the frame limit', () => {
    const spin = compileText('fn spin(n: Int) -> Int\n    spin(n + 1)\n\nfn main() -> Int\n    spin(0)\n');
    const deadline = failure(() => runProgram(spin, { timeoutMs: 20 }));
    expect([deadline.kind, deadline.message]).toEqual(['limit', 'deadline of 20 ms exceeded']);
    const budget = failure(() => runProgram(spin, { stepBudget: 500 }));
    expect([budget.kind, budget.message]).toEqual(['limit', 'step budget of 500 steps exhausted']);
    expect(runProgram(compileText('fn main() -> Int\n    1 + 2\n'), { stepBudget: 3 }).value).toBe(3);

    const deep = compileText(
      'fn depth(n: Int) -> Int\n    match n\n        0 -> 0\n        _ -> 1 + depth(n - 1)\n\nfn main() -> Int\n    depth(100)\n',
    );
    expect(runProgram(deep, { maxFrames: 101 }).value).toBe(100);
    const overflow = failure(() => runProgram(deep, { maxFrames: 100 }));
    expect([overflow.kind, overflow.message]).toEqual(['limit', 'stack overflow: more than 100 frames']);
  });

  it('throws runtime errors with the source line and stays usable afterwards', () => {
    const program = compileText('fn main() -> Int\n    x = 0\n    10 / x\n');
    const error = failure(() => runProgram(program));
    expect(error.format()).toBe('Runtime error [line 3]: division by zero');
    const fine = compileText('fn main() -> Int\n    10 / 2\n');
    expect(runProgram(fine).value).toBe(5);
    expect(failure(() => runProgram(program)).line).toBe(3);
  });

  it('runs 300,000 frames of non-tail recursion and then a small program on the same stack', () => {
    const program = compileText(
      source(`
        fn build(n: Int, acc: List<Int>) -> List<Int>
            match n
                0 -> acc
                _ -> build(n - 1, List.prepend(n, acc))

        fn sum(xs: List<Int>) -> Int
            match xs
                [] -> 0
                [h, ..t] -> h + sum(t)

        fn main() -> Int
            sum(build(300000, []))
      `),
    );
    expect(runProgram(program).value).toBe(45000150000);
    expect(runProgram(program).value).toBe(45000150000);
  });
});

describe('VERSION', () => {
  it("is this package's version", () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(VERSION).toBe(manifest.version);
  });
});
