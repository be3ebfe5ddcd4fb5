import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AverRuntimeError } from './errors.js';
import { compileSource, runProgram } from './program.js';
import { EffectPolicyError, Sandbox } from './sandbox.js';

const work = realpathSync(mkdtempSync(path.join(tmpdir(), 'aver-sandbox-')));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const root = path.join(work, 'data');
mkdirSync(path.join(root, 'inner'), { recursive: true });
writeFileSync(path.join(root, 'input.txt'), 'inside');
writeFileSync(path.join(work, 'secret.txt'), 'outside');
symlinkSync(work, path.join(root, 'up')); // a link inside the root to the folder above it
symlinkSync(path.join(root, 'inner'), path.join(root, 'in')); // a link that stays inside
symlinkSync(path.join(work, 'created-outside.txt'), path.join(root, 'dangling')); // points outside, to nothing yet

const policy = (allow: string[], diskRoot: string | null = null) => ({ allow, diskRoot, origin: 'io.toml' });

function denial(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof AverRuntimeError || error instanceof EffectPolicyError) return error.message;
    throw error;
  }
  throw new Error('expected a denial');
}

describe('Sandbox', () => {
  it('denies the outside world by default and allows Console, Time, Random and Args', () => {
    const sandbox = new Sandbox(policy([]));
    for (const effect of [
      'Disk.readText',
      'Env.get',
      'Http.get',
      'Tcp.connect',
      'HttpServer.listen',
      'Terminal.clear',
    ])
      expect(sandbox.allows(effect), effect).toBe(false);
    for (const effect of ['Console.print', 'Time.now', 'Random.int', 'Args.get'])
      expect(sandbox.allows(effect), effect).toBe(true);
    expect(denial(() => sandbox.require('Disk.deleteDir'))).toBe(
      'Disk.deleteDir is denied in bench mode; allow it in io.toml with [effects] allow = ["Disk.deleteDir"]',
    );
  });

  it('allows one method or a whole namespace', () => {
    const one = new Sandbox(policy(['Disk.readText']));
    expect([one.allows('Disk.readText'), one.allows('Disk.writeText')]).toEqual([true, false]);
    const all = new Sandbox(policy(['Disk', 'Env.get']));
    expect([all.allows('Disk.writeText'), all.allows('Env.get'), all.allows('Env.set')]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('rejects an unknown effect name, suggesting the closest, and a disk root that is not a folder', () => {
    expect(denial(() => new Sandbox(policy(['Disk.readtext'])))).toBe(
      "io.toml: [effects] allow names an unknown effect 'Disk.readtext'; did you mean 'Disk.readText'?",
    );
    expect(denial(() => new Sandbox(policy(['Network'])))).toBe(
      "io.toml: [effects] allow names an unknown effect 'Network'",
    );
    expect(denial(() => new Sandbox(policy(['Disk'], path.join(work, 'secret.txt'))))).toBe(
      `io.toml: [effects] disk_root '${path.join(work, 'secret.txt')}' is not a folder`,
    );
  });

  it('confines Disk paths to the disk root, following symlinks and .. where they are', () => {
    const sandbox = new Sandbox(policy(['Disk'], root));
    expect(sandbox.diskPath('Disk.readText', 'input.txt')).toBe(path.join(root, 'input.txt'));
    expect(sandbox.diskPath('Disk.readText', path.join(root, 'input.txt'))).toBe(
      path.join(root, 'input.txt'),
    );
    expect(sandbox.diskPath('Disk.writeText', 'new/deeper/file.txt')).toBe(
      path.join(root, 'new/deeper/file.txt'),
    );
    expect(sandbox.diskPath('Disk.readText', 'in/../input.txt')).toBe(path.join(root, 'input.txt'));
    expect(sandbox.diskPath('Disk.listDir', '.')).toBe(root);
    const outside = [
      '../secret.txt',
      path.join(work, 'secret.txt'),
      'up/secret.txt',
      'inner/../../secret.txt',
      'dangling',
      '/etc/hostname',
      // `in` is a link to data/inner: its `..` is data, so this stays inside; through `up` it does not.
      'up/data/../secret.txt',
    ];
    for (const target of outside) {
      expect(
        denial(() => sandbox.diskPath('Disk.readText', target)),
        target,
      ).toMatch(/^Disk\.readText: '.*' is outside the disk root '.*' \(\[effects\] disk_root in io\.toml\)$/);
    }
    expect(sandbox.diskPath('Disk.readText', 'in/../inner/../input.txt')).toBe(path.join(root, 'input.txt'));
  });

  it('finds the effects main declares that the policy denies, with their places', () => {
    const compiled = compileSource(
      'fn main() -> Unit\n    ! [Console.print, Disk.writeText, Env]\n    Console.print("x")\n',
      'main.av',
    );
    if (!compiled.ok) throw new Error(compiled.message);
    expect(new Sandbox(policy([])).deniedDeclarations(compiled.program.mainEffects)).toEqual([
      `error[2:23]: main declares effect 'Disk.writeText', which bench mode denies; allow it in io.toml with [effects] allow = ["Disk.writeText"]`,
      `error[2:39]: main declares effect 'Env', which bench mode denies; allow it in io.toml with [effects] allow = ["Env"]`,
    ]);
    // A namespace entry passes when a method of it is allowed: the calls are checked when they run.
    expect(
      new Sandbox(policy(['Disk.writeText', 'Env.get'])).deniedDeclarations(compiled.program.mainEffects),
    ).toEqual([]);
  });
});

describe('a sandboxed run', () => {
  const program = (body: string, effects: string) => {
    const compiled = compileSource(`fn main() -> String\n    ! [${effects}]\n    ${body}\n`, 'main.av');
    if (!compiled.ok) throw new Error(compiled.message);
    return compiled.program;
  };

  it('fails a denied call with a runtime error naming the effect and the key, and leaves the disk alone', () => {
    const remove = program(`r = Disk.deleteDir("${work}")\n    "{r}"`, 'Disk.deleteDir');
    expect(denial(() => runProgram(remove, { sandbox: new Sandbox(policy([])) }))).toBe(
      'Disk.deleteDir is denied in bench mode; allow it in io.toml with [effects] allow = ["Disk.deleteDir"]',
    );
    const home = program('Option.withDefault(Env.get("HOME"), "")', 'Env.get');
    expect(denial(() => runProgram(home, { sandbox: new Sandbox(policy(['Disk'])) }))).toMatch(
      /^Env\.get is denied/,
    );
    expect(runProgram(home, {}).value).toBe(process.env.HOME ?? '');
  });

  it('reads an allowed file relative to the disk root and nothing outside it', () => {
    const read = (target: string) =>
      program(`Result.withDefault(Disk.readText("${target}"), "failed")`, 'Disk.readText');
    const sandbox = new Sandbox(policy(['Disk.readText'], root));
    expect(runProgram(read('input.txt'), { sandbox }).value).toBe('inside');
    expect(denial(() => runProgram(read('up/secret.txt'), { sandbox }))).toMatch(/is outside the disk root/);
  });
});
