import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliCommand, runCli } from './cli.js';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cliPath = join(packageDir, 'dist', 'cli.js');
const built = existsSync(cliPath);
if (!built)
  console.warn(`[cli] ${cliPath} is missing (run tsc -b first); the end-to-end aver tests are skipped`);

const workDir = mkdtempSync(join(tmpdir(), 'aver-cli-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function write(relativePath: string, text: string): string {
  const path = join(workDir, relativePath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

const clean = write(
  'clean.av',
  ['module Clean', '    depends [Lib.Util]', '', 'fn main() -> Int', '    Lib.Util.twice(21)', ''].join('\n'),
);
write('lib/util.av', ['module Util', '', 'fn twice(n: Int) -> Int', '    n * 2', ''].join('\n'));
const broken = write('broken.av', ['fn main() -> Int', '    x = "a" + 1', '    missing(x)', ''].join('\n'));
const syntax = write('syntax.av', ['fn main( -> Int', '    1', ''].join('\n'));

function aver(args: string[], cwd = workDir, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(!built)('aver check (spawned)', () => {
  it('exits 0 and prints nothing for a clean program, with the module root defaulting to the working directory', () => {
    expect(aver(['check', 'clean.av'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(aver(['check', clean, '--module-root', workDir], tmpdir())).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
  });

  it('exits 1 and prints every diagnostic with position, message, source line and caret to stderr', () => {
    const { code, stdout, stderr } = aver(['check', broken]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      `${broken}:2:9: error: Operator '+' requires matching types (Int+Int, Float+Float, or String+String), got String and Int`,
    );
    expect(stderr).toContain('2 |     x = "a" + 1\n  |         ^^^^^^^');
    expect(stderr).toContain(`${broken}:3:5: error: Call to unknown function 'missing'`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a missing dependency when the module root is wrong', () => {
    const { code, stderr } = aver(['check', clean], tmpdir());
    expect(code).toBe(1);
    expect(stderr).toContain("Module 'Lib.Util' not found");
  });

  it('stops at syntax errors before type checking', () => {
    const { code, stderr } = aver(['check', syntax]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${syntax}:1:`);
    expect(stderr).not.toContain('Unknown identifier');
  });

  it('exits 1 for a file that cannot be read', () => {
    const { code, stderr } = aver(['check', join(workDir, 'nope.av')]);
    expect(code).toBe(1);
    expect(stderr).toContain('nope.av:1:1: error:');
  });

  it('exits 2 with a one-line message and the usage for a bad command line', () => {
    for (const args of [
      ['check'],
      ['check', 'a.av', '--bogus'],
      ['check', 'a.av', 'b.av'],
      ['check', '--module-root'],
    ]) {
      const { code, stderr } = aver(args);
      expect(code).toBe(2);
      expect(stderr.split('\n')[0]).toMatch(/^aver check: /);
      expect(stderr).toContain('Usage: aver check FILE [--module-root DIR]');
    }
    expect(aver([]).code).toBe(2);
    expect(aver(['frobnicate'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("unknown command 'frobnicate'"),
    });
  });

  it('prints the version on stdout and exits 0, for --version and -V', () => {
    // The version in the package's manifest, read here, not through the code under test.
    const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(aver(['--version'])).toEqual({ code: 0, stdout: `aver ${version}\n`, stderr: '' });
    expect(aver(['-V'])).toEqual({ code: 0, stdout: `aver ${version}\n`, stderr: '' });
  });

  it('prints help on stdout and exits 0', () => {
    expect(aver(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('check') });
    expect(aver(['--help']).stdout).toContain('-V, --version  print the version');
    expect(aver(['check', '--help'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('--module-root DIR'),
    });
  });
});

describe.skipIf(!built)('aver run contains runaway programs (spawned)', () => {
  const program = (name: string, lines: string[]) => write(name, `${lines.join('\n')}\n`);
  const noNativeTrace = (stderr: string) => {
    expect(stderr).not.toMatch(/FATAL ERROR|Invalid string length|\n\s+at |node::|v8::/);
  };

  it('stops an endless loop at --timeout, and only counts running, not waiting for stdin', () => {
    const spin = program('spin.av', [
      'fn spin(n: Int) -> Int',
      '    spin(n + 1)',
      '',
      'fn main() -> Int',
      '    spin(0)',
    ]);
    expect(aver(['run', spin, '--timeout', '0.3'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Runtime error [line 2]: deadline of 300 ms exceeded\n',
    });
    const reader = program('reader.av', [
      'fn main() -> Unit',
      '    ! [Console.readLine, Console.print]',
      '    Console.print(Console.readLine())',
    ]);
    const slowInput = spawnSync(
      '/bin/sh',
      ['-c', `(sleep 1; echo hello) | "${process.execPath}" "${cliPath}" run "${reader}" --timeout 0.3`],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect([slowInput.status, slowInput.stdout, slowInput.stderr]).toEqual([0, 'Result.Ok("hello")\n', '']);
  });

  it('fails a verify case that never ends at --timeout, and runs the cases after it (found by bench/fuzz)', () => {
    const verify = program('verify-spin.av', [
      'fn countdown(n: Int) -> Int',
      '    match n',
      '        0 -> 0',
      '        _ -> countdown(n - 1)',
      '',
      'verify countdown',
      '    countdown(-1) => 0',
      '    countdown(3) => 0',
    ]);
    expect(aver(['verify', verify, '--timeout', '0.2'])).toEqual({
      code: 1,
      stdout: [
        `Verify: ${verify}`,
        '  ✗ countdown      1/2 passed (1 runtime error)',
        '    fail[verify-runtime-error]: runtime error',
        `      at: ${verify}:7:5`,
        '      block: countdown',
        '      case: countdown(-1) == 0',
        '      error: Runtime error [line 4]: deadline of 200 ms exceeded',
        '',
        'Summary: 1 file | 1 block | 1/2 cases passed | 1 failed',
        '',
      ].join('\n'),
      stderr: '',
    });
    expect(aver(['verify', verify, '--timeout', 'soon'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "aver verify: invalid value 'soon' for '--timeout': expected a number of seconds (0 for no limit)\n" +
        'Usage: aver verify FILE [--module-root DIR] [--timeout SECONDS] [--verbose]\n',
    });
  });

  it('stops long built-in work at the deadline itself (the line shows it was the VM, not the watchdog)', () => {
    const copies = program('copies.av', [
      'fn spin(v: Vector<Int>, keep: Vector<Int>, n: Int) -> Int',
      '    match n',
      '        0 -> Vector.len(v)',
      '        _ -> spin(Option.withDefault(Vector.set(keep, 1, n), keep), keep, n - 1)',
      '',
      'fn main() -> Int',
      '    v = Vector.new(4000000, 0)',
      '    spin(v, v, 100000)',
    ]);
    expect(aver(['run', copies, '--timeout', '0.3'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Runtime error [line 4]: deadline of 300 ms exceeded\n',
    });
  });

  it('ends work the VM cannot interrupt with its watchdog, shortly after the deadline', () => {
    // Two trees of 2^60 leaves built with sharing in 60 calls: comparing them is one instruction that would
    // take ages, so the VM never gets back to its own deadline check and only the watchdog (at 1 s plus a second
    // of grace) can end the program, however loaded the machine is.
    const equal = program('equal.av', [
      'type Tree',
      '    Leaf',
      '    Node(Tree, Tree)',
      '',
      'fn grow(t: Tree, n: Int) -> Tree',
      '    match n',
      '        0 -> t',
      '        _ -> grow(Tree.Node(t, t), n - 1)',
      '',
      'fn main() -> Bool',
      '    grow(Tree.Leaf, 60) == grow(Tree.Leaf, 60)',
    ]);
    const started = performance.now();
    expect(aver(['run', equal, '--timeout', '1'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Runtime error: deadline of 1000 ms exceeded\n',
    });
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('turns running out of memory into a runtime error with exit 1, not a V8 abort (134)', () => {
    const grow = program('grow.av', [
      'fn grow(xs: List<Int>, n: Int) -> List<Int>',
      '    match n',
      '        0 -> xs',
      '        _ -> grow(List.concat(xs, xs), n - 1)',
      '',
      'fn main() -> Int',
      '    List.len(grow([1, 2, 3], 40))',
    ]);
    const result = spawnSync(process.execPath, [cliPath, 'run', grow], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=64' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^Runtime error: out of memory: the program needed more than the heap limit of \d+ MiB \(raise it with NODE_OPTIONS=--max-old-space-size=MIB\)\n$/,
    );
  });

  it('refuses a Vector beyond the limit and a String beyond the engine limit in its own words', () => {
    const huge = program('huge.av', ['fn main() -> Int', '    Vector.len(Vector.new(1000000000, 0))']);
    expect(aver(['run', huge])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Runtime error [line 2]: Vector.new: size 1000000000 is above the limit of 33554432 elements\n',
    });
    const doubling = program('doubling.av', [
      'fn grow(s: String, n: Int) -> String',
      '    match n',
      '        0 -> s',
      '        _ -> grow("{s}{s}", n - 1)',
      '',
      'fn main() -> Int',
      '    String.len(grow("ab", 40))',
    ]);
    // The String limit follows the heap limit (a power of two within an eighth of it, at most V8's 536,870,888):
    // pin the heap so the number does not depend on this machine's memory.
    const result = aver(['run', doubling], workDir, { NODE_OPTIONS: '--max-old-space-size=8192' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'Runtime error [line 4]: string too long: the result would exceed 536870888 characters\n',
    );
    noNativeTrace(result.stderr);
  });

  it('ends a String that doubles per step under a small heap with the String limit, not a V8 abort', () => {
    // Found by fuzzing: a map interpolated into its own keys aborted the whole process (heap 512 MiB) when V8
    // flattened one huge rope. With a 512 MiB heap the limit is 2^26.
    const mapKeys = program('map_keys.av', [
      'fn build(n: Int, m: Map<String, Int>) -> Map<String, Int>',
      '    match n',
      '        0 -> m',
      '        _ -> build(n - 1, Map.set(m, "key{m}", n))',
      '',
      'fn main() -> Int',
      '    Map.len(build(5000, {}))',
    ]);
    const result = aver(['run', mapKeys], workDir, { NODE_OPTIONS: '--max-old-space-size=512' });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Runtime error [line 4]: string too long: the result would exceed 67108864 characters\n',
    });
  });

  it.skipIf(!existsSync('/dev/full'))('exits 1 with a clear message when stdout cannot be written', () => {
    const hello = program('hello.av', [
      'fn main() -> Unit',
      '    ! [Console.print]',
      '    Console.print("hi")',
    ]);
    const full = spawnSync(process.execPath, [cliPath, 'run', hello], {
      encoding: 'utf8',
      stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'],
    });
    expect([full.status, full.stderr]).toEqual([
      1,
      'aver: cannot write to stdout: No space left on device (os error 28)\n',
    ]);
    const check = spawnSync(process.execPath, [cliPath, 'check', '--help'], {
      encoding: 'utf8',
      stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'],
    });
    expect(check.status).toBe(1);
  });

  it('rejects a --timeout that is not a number of seconds', () => {
    for (const value of ['-1', 'abc', '1e3', '']) {
      const { code, stderr } = aver(['run', 'clean.av', `--timeout=${value}`]);
      expect(code, value).toBe(2);
      expect(stderr, value).toMatch(
        /^aver run: invalid value '.*' for '--timeout': expected a number of seconds/,
      );
    }
  });
});

describe.skipIf(!built)('aver prints no terminal control from its input (spawned)', () => {
  const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

  it('escapes controls in code frames and paths, and cuts a 5 MB line to a window around the error', () => {
    const big = write(
      'big.av',
      `fn main() -> Int\n    x = String.len("${'a'.repeat(5_000_000)}\u001b[2J") + missing\n    x\n`,
    );
    const { code, stderr } = aver(['check', big]);
    expect(code).toBe(1);
    expect(stderr.length).toBeLessThan(1000);
    expect(stderr).toContain(`${big}:2:5000030: error: Unknown identifier 'missing'`);
    expect(stderr).toContain('\\u{1b}[2J") + missing\n');
    expect(stderr).not.toMatch(RAW_CONTROL);
  });

  it('escapes controls in the failing cases aver verify prints', () => {
    const verify = write(
      'verify-esc.av',
      'fn id(s: String) -> String\n    s\n\nverify id\n    id("\u001b]0;pwned\u0007") => "x"\n',
    );
    const { code, stdout } = aver(['verify', verify]);
    expect(code).toBe(1);
    expect(stdout).toContain('case: id("\\u{1b}]0;pwned\\u{7}") == "x"');
    expect(stdout).toContain('actual: "\\u{1b}]0;pwned\\u{7}"');
    expect(stdout).not.toMatch(RAW_CONTROL);
  });
});

describe.skipIf(!built)('aver run is not sandboxed (spawned)', () => {
  it('reads files and the environment, which bench mode denies', () => {
    const data = write('data.txt', 'from disk');
    const reader = write(
      'reader.av',
      `fn main() -> Unit\n    ! [Console.print, Disk.readText, Env.get]\n    Console.print(Disk.readText("${data}"))\n    Console.print(Env.get("AVER_SANDBOX_PROBE"))\n`,
    );
    const result = spawnSync(process.execPath, [cliPath, 'run', reader], {
      encoding: 'utf8',
      env: { ...process.env, AVER_SANDBOX_PROBE: 'visible' },
    });
    expect([result.status, result.stdout, result.stderr]).toEqual([
      0,
      'Result.Ok("from disk")\nOption.Some("visible")\n',
      '',
    ]);
  });
});

describe.skipIf(!built)('aver run reading the process stdin (spawned)', () => {
  const echo = write(
    'echo.av',
    [
      'fn echo(n: Int) -> Int',
      '    ! [Console.readLine, Console.print]',
      '    match Console.readLine()',
      '        Result.Ok(line) -> next(line, n)',
      '        Result.Err(e) -> stop(e, n)',
      '',
      'fn next(line: String, n: Int) -> Int',
      '    ! [Console.readLine, Console.print]',
      '    Console.print("[{line}]")',
      '    echo(n + 1)',
      '',
      'fn stop(e: String, n: Int) -> Int',
      '    ! [Console.print]',
      '    Console.print("{n} lines, then {e}")',
      '    n',
      '',
      'fn main() -> Unit',
      '    ! [Console.readLine, Console.print]',
      '    _ = echo(0)',
      '',
    ].join('\n'),
  );
  const run = (input: Buffer | string) =>
    spawnSync(process.execPath, [cliPath, 'run', echo], { input, encoding: 'utf8', timeout: 30_000 }).stdout;

  it('reads lines without their line ends (CRLF too) until Err("EOF"), the last line without a newline too', () => {
    expect(run('one\r\nżółć\n\nlast')).toBe('[one]\n[żółć]\n[]\n[last]\n4 lines, then EOF\n');
  });

  it('gives Err with the reference read_line text for a line that is not UTF-8', () => {
    expect(run(Buffer.from([0x61, 0xff, 0x0a, 0x62, 0x0a]))).toBe(
      '0 lines, then stream did not contain valid UTF-8\n',
    );
  });
});

describe('runCli', () => {
  function capture() {
    const out: string[] = [];
    const err: string[] = [];
    return {
      out,
      err,
      io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd: workDir, env: {} },
    };
  }

  it('turns an internal failure into one line and exit code 70', async () => {
    const failing: CliCommand = {
      name: 'boom',
      summary: 'fails',
      usage: 'Usage: aver boom',
      run: () => {
        throw new Error('invariant broken\nsecond line');
      },
    };
    const { err, io } = capture();
    expect(await runCli(['boom'], io, [failing])).toBe(70);
    expect(err).toEqual(['internal error: invariant broken']);
  });

  it('adds the stack only when AVER_DEBUG=1', async () => {
    const failing: CliCommand = {
      name: 'boom',
      summary: 'fails',
      usage: 'Usage: aver boom',
      run: () => Promise.reject(new Error('async failure')),
    };
    const { err, io } = capture();
    expect(await runCli(['boom'], { ...io, env: { AVER_DEBUG: '1' } }, [failing])).toBe(70);
    expect(err[0]).toBe('internal error: async failure');
    expect(err[1]).toMatch(/Error: async failure\n\s+at /);
  });

  it('checks in process with the same exit codes', async () => {
    const ok = capture();
    expect(await runCli(['check', 'clean.av'], ok.io)).toBe(0);
    expect([...ok.out, ...ok.err]).toEqual([]);
    const bad = capture();
    expect(await runCli(['check', 'broken.av'], bad.io)).toBe(1);
    expect(bad.err.join('\n')).toContain("broken.av:3:5: error: Call to unknown function 'missing'");
  });
});
