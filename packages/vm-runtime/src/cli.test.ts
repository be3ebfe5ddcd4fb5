import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

function aver(args: string[], cwd = workDir) {
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
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

  it('prints help on stdout and exits 0', () => {
    expect(aver(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('check') });
    expect(aver(['check', '--help'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('--module-root DIR'),
    });
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
