import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';

const workDir = mkdtempSync(join(tmpdir(), 'aver-run-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function write(relativePath: string, text: string): void {
  const path = join(workDir, relativePath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** Runs `aver …` in-process with captured streams. */
async function aver(
  args: string[],
  extra: { isTTY?: boolean; env?: Record<string, string>; stdin?: string[] } = {},
) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const lines = [...(extra.stdin ?? [])];
  const code = await runCli(args, {
    stdout: (text) => stdout.push(text),
    stderr: (text) => stderr.push(text),
    cwd: workDir,
    env: extra.env ?? {},
    isTTY: extra.isTTY,
    stdin: () => lines.shift() ?? null,
  });
  return { code, stdout, stderr };
}

write(
  'hello.av',
  'module Hello\n    depends [Lib.Names]\n\nfn main() -> Unit\n    ! [Console.print, Args.get, Console.readLine]\n    Console.print("hi {Lib.Names.first()} {Args.get()}")\n    Console.print(Console.readLine())\n',
);
write('lib/names.av', 'module Names\n\nfn first() -> String\n    "Ada"\n');
write(
  'crash.av',
  'fn main() -> Int\n    ! [Console.print]\n    Console.print("before")\n    n = 0\n    1 / n\n',
);
write('failing.av', 'fn main() -> Result<Int, String>\n    Result.Err("no luck")\n');
write('typo.av', 'fn main() -> Int\n    "text"\n');

describe('aver run', () => {
  it('runs main with the args after --, stdin lines, and the module root defaulting to the working directory', async () => {
    expect(await aver(['run', 'hello.av', '--', 'x', 'y z'], { stdin: ['line'] })).toEqual({
      code: 0,
      stdout: ['hi Ada ["x", "y z"]', 'Result.Ok("line")'],
      stderr: [],
    });
  });

  it('prints a runtime error with its line on stderr and exits 1', async () => {
    expect(await aver(['run', 'crash.av'])).toEqual({
      code: 1,
      stdout: ['before'],
      stderr: ['Runtime error [line 5]: division by zero'],
    });
  });

  it('reports a main that returns Result.Err and exits 1, in red on a terminal unless NO_COLOR is set', async () => {
    expect(await aver(['run', 'failing.av'])).toEqual({
      code: 1,
      stdout: [],
      stderr: ['main returned error: no luck'],
    });
    expect((await aver(['run', 'failing.av'], { isTTY: true })).stderr).toEqual([
      '\u001b[31mmain returned error: no luck\u001b[0m',
    ]);
    expect((await aver(['run', 'failing.av'], { isTTY: true, env: { NO_COLOR: '1' } })).stderr).toEqual([
      'main returned error: no luck',
    ]);
  });

  it('prints type errors with source excerpts and runs nothing', async () => {
    const { code, stdout, stderr } = await aver(['run', 'typo.av']);
    expect(code).toBe(1);
    expect(stdout).toEqual([]);
    expect(stderr.join('\n')).toContain(
      "typo.av:2:5: error: Function 'main': body returns String but declared return type is Int",
    );
  });

  it('dumps the bytecode before running with --dump', async () => {
    const { code, stdout } = await aver(['run', 'crash.av', '--dump']);
    expect(code).toBe(1);
    expect(stdout[0]).toContain('== main (arity 0');
    expect(stdout[0]).toContain('DIV_INT');
    expect(stdout[1]).toBe('before');
  });

  it('reports a source file that is not valid UTF-8, like read_to_string', async () => {
    writeFileSync(
      join(workDir, 'latin1.av'),
      Buffer.from('fn main() -> Unit\n    Unit // caf\xe9\n', 'latin1'),
    );
    expect(await aver(['run', 'latin1.av'])).toEqual({
      code: 1,
      stdout: [],
      stderr: ["latin1.av:1:1: error: Cannot read 'latin1.av': stream did not contain valid UTF-8"],
    });
  });

  it('reports a missing file or a bad command line without running', async () => {
    const missing = await aver(['run', 'nope.av']);
    expect(missing.code).toBe(1);
    expect(missing.stderr[0]).toMatch(/^nope\.av:1:1: error: /);
    for (const args of [['run'], ['run', 'a.av', '--bogus'], ['run', 'a.av', 'b.av']]) {
      const { code, stderr } = await aver(args);
      expect(code).toBe(2);
      expect(stderr[0]).toMatch(/^aver run: /);
    }
    expect((await aver(['verify', 'a.av', '--dump'])).code).toBe(2);
  });
});

describe('aver verify', () => {
  write(
    'checked.av',
    'fn double(n: Int) -> Int\n    n * 2\n\nverify double\n    double(2) => 4\n\nverify double law positive\n    given n: Int = 1..3\n    double(n) > n => true\n',
  );
  write(
    'wrong.av',
    'fn double(n: Int) -> Int\n    n + 2\n\nverify double\n    double(2) => 4\n    double(3) => 6\n',
  );

  it('prints one line per block and the summary, exit 0 when everything passes', async () => {
    expect(await aver(['verify', 'checked.av'])).toEqual({
      code: 0,
      stdout: [
        'Verify: checked.av',
        '  ✓ double      1/1',
        '  ✓ double spec positive      3/3',
        '',
        'Summary: 1 file | 2 blocks | 4/4 cases passed | 0 failed',
      ],
      stderr: [],
    });
  });

  it('exits 1 with the failures shown when a case fails', async () => {
    const { code, stdout } = await aver(['verify', 'wrong.av']);
    expect(code).toBe(1);
    expect(stdout).toEqual([
      'Verify: wrong.av',
      '  ✗ double      1/2 passed (1 mismatch)',
      '    fail[verify-mismatch]: assertion failed',
      '      at: wrong.av:6:5',
      '      block: double',
      '      case: double(3) == 6',
      '      expected: 6',
      '      actual: 5',
      '',
      'Summary: 1 file | 1 block | 1/2 cases passed | 1 failed',
    ]);
  });

  it('exits 1 for a file with type errors', async () => {
    expect((await aver(['verify', 'typo.av'])).code).toBe(1);
  });

  it('details the first three failures of a block, or all of them with --verbose', async () => {
    write(
      'four.av',
      'fn id(n: Int) -> Int\n    n\n\nverify id law shifted\n    given n: Int = 1..4\n    id(n) => n + 1\n',
    );
    const failure = (n: number) => [
      '    fail[verify-mismatch]: law violated',
      '      at: four.av:6:5',
      '      block: id spec shifted',
      '      law: shifted',
      '      case: id(n) == n + 1',
      `      given: n = ${n}`,
      `      expected: ${n + 1}`,
      `      actual: ${n}`,
    ];
    const header = ['Verify: four.av', '  ✗ id spec shifted      0/4 passed (4 mismatch)'];
    const summary = ['', 'Summary: 1 file | 1 block | 0/4 cases passed | 4 failed'];
    expect((await aver(['verify', 'four.av'])).stdout).toEqual([
      ...header,
      ...[1, 2, 3].flatMap(failure),
      ...summary,
    ]);
    expect(await aver(['verify', 'four.av', '--verbose'])).toEqual({
      code: 1,
      stdout: [...header, ...[1, 2, 3, 4].flatMap(failure), ...summary],
      stderr: [],
    });
    expect((await aver(['run', 'four.av', '--verbose'])).code).toBe(2);
  });
});

describe('aver run --timeout (in process)', () => {
  write('spin.av', 'fn spin(n: Int) -> Int\n    spin(n + 1)\n\nfn main() -> Int\n    spin(0)\n');

  it('stops the program at the limit with a runtime error', async () => {
    expect(await aver(['run', 'spin.av', '--timeout', '0.05'])).toEqual({
      code: 1,
      stdout: [],
      stderr: ['Runtime error [line 2]: deadline of 50 ms exceeded'],
    });
  });

  it('takes fractions of a second, 0 for no limit, and rejects other values as usage errors', async () => {
    expect((await aver(['run', 'hello.av', '--timeout', '0', '--'], { stdin: ['x'] })).code).toBe(0);
    expect((await aver(['run', 'hello.av', '--timeout=2.5'], { stdin: ['x'] })).code).toBe(0);
    for (const value of ['-1', '1s', 'nan', '.']) {
      const { code, stderr } = await aver(['run', 'spin.av', `--timeout=${value}`]);
      expect(code, value).toBe(2);
      expect(stderr[0], value).toBe(
        `aver run: invalid value '${value}' for '--timeout': expected a number of seconds (0 for no limit)`,
      );
    }
    expect((await aver(['run', 'spin.av', '--timeout', '-1'])).stderr[0]).toBe(
      "aver run: option '--timeout' needs a number of seconds",
    );
    expect((await aver(['check', 'spin.av', '--timeout', '1'])).stderr[0]).toBe(
      "aver check: unknown option '--timeout'",
    );
  });
});
