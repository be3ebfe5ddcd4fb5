import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { useTempDir } from '@aver/test-utils';
import { describe, expect, it } from 'vitest';
import { spawnCli } from './e2e-helpers.js';

// A benchmark cannot touch the world outside the program unless its manifest allows it (aver-bench end to end).

const temp = useTempDir('aver-sandbox-');

/** Writes `NAME.av` and `NAME.toml` (1 iteration, no warmup, plus `extra`) in the temp folder. */
function scenario(name: string, program: string, extra = ''): string {
  temp.write(`${name}.av`, program);
  return temp.write(`${name}.toml`, `entry = "${name}.av"\niterations = 1\nwarmup = 0\n${extra}`);
}

function victim(): string {
  const folder = path.join(temp.dir(), 'victim');
  mkdirSync(path.join(folder, 'inside'), { recursive: true });
  temp.write('victim/inside/file.txt', 'precious');
  return folder;
}

describe('the bench sandbox', () => {
  it('refuses before the run a benchmark whose main declares a denied effect, and the folder survives', () => {
    const folder = victim();
    const manifest = scenario(
      'wipe',
      `fn main() -> Result<Unit, String>\n    ! [Disk.deleteDir]\n    Disk.deleteDir("${folder}")\n`,
    );
    expect(spawnCli([manifest])).toEqual({
      code: 1,
      stdout: '',
      stderr: `bench run: error[2:8]: main declares effect 'Disk.deleteDir', which bench mode denies; allow it in ${manifest} with [effects] allow = ["Disk.deleteDir"]\n`,
    });
    expect(existsSync(path.join(folder, 'inside', 'file.txt'))).toBe(true);
  });

  it('denies at run time what top-level statements do, reading /etc/hostname or $HOME', () => {
    const hostname = scenario(
      'hostname',
      'name = Disk.readText("/etc/hostname")\n\nfn main() -> Int\n    1\n',
    );
    expect(spawnCli([hostname])).toEqual({
      code: 1,
      stdout: '',
      stderr: `bench run: Runtime error [line 1]: Disk.readText is denied in bench mode; allow it in ${hostname} with [effects] allow = ["Disk.readText"]\n`,
    });
    const home = scenario(
      'home',
      'fn main() -> String\n    ! [Env]\n    Option.withDefault(Env.get("HOME"), "")\n',
    );
    expect(spawnCli([home]).stderr).toBe(
      `bench run: error[2:8]: main declares effect 'Env', which bench mode denies; allow it in ${home} with [effects] allow = ["Env"]\n`,
    );
  });

  it('runs what the manifest allows, with Disk paths kept inside disk_root', () => {
    temp.write('data/input.txt', 'hello');
    temp.write('secret.txt', 'secret');
    const read = (name: string, target: string) =>
      scenario(
        name,
        `fn main() -> String\n    ! [Disk.readText]\n    Result.withDefault(Disk.readText("${target}"), "failed")\n`,
        '[effects]\nallow = ["Disk.readText"]\ndisk_root = "data"\n',
      );
    const ok = spawnCli([read('reads', 'input.txt'), '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).response_bytes).toBe(5);
    const escaping = spawnCli([read('escapes', '../secret.txt')]);
    expect(escaping.code).toBe(1);
    expect(escaping.stderr).toBe(
      `bench run: Runtime error [line 3]: Disk.readText: '../secret.txt' is outside the disk root '${path.join(temp.dir(), 'data')}' ([effects] disk_root in ${path.join(temp.dir(), 'escapes.toml')})\n`,
    );
  });

  it('tells an ad-hoc run to use a manifest, and rejects an unknown effect in the manifest', () => {
    const file = temp.write('adhoc.av', 'fn main() -> Int\n    ! [Tcp.connect]\n    1\n');
    expect(spawnCli([file, '--iterations', '1', '--warmup', '0']).stderr).toBe(
      `bench run: error[2:8]: main declares effect 'Tcp.connect', which bench mode denies; allow it in a .toml manifest for ${file} with [effects] allow = ["Tcp.connect"]\n`,
    );
    const typo = scenario('typo', 'fn main() -> Int\n    1\n', '[effects]\nallow = ["Disk.reedText"]\n');
    expect(spawnCli([typo]).stderr).toBe(
      `bench run: ${typo}: [effects] allow names an unknown effect 'Disk.reedText'; did you mean 'Disk.readText'?\n`,
    );
  });

  it('cannot write or delete a file unless the manifest allows it, and then only inside disk_root', () => {
    const folder = victim();
    const precious = path.join(folder, 'inside', 'file.txt');
    const written = path.join(folder, 'written.txt');
    // Top-level statements run before main, so only the run-time check can stop them.
    const writes = scenario(
      'writes',
      `done = Disk.writeText("${written}", "x")\n\nfn main() -> Int\n    1\n`,
    );
    expect(spawnCli([writes])).toEqual({
      code: 1,
      stdout: '',
      stderr: `bench run: Runtime error [line 1]: Disk.writeText is denied in bench mode; allow it in ${writes} with [effects] allow = ["Disk.writeText"]\n`,
    });
    const deletes = scenario('deletes', `gone = Disk.delete("${precious}")\n\nfn main() -> Int\n    1\n`);
    expect(spawnCli([deletes]).stderr).toBe(
      `bench run: Runtime error [line 1]: Disk.delete is denied in bench mode; allow it in ${deletes} with [effects] allow = ["Disk.delete"]\n`,
    );
    expect(existsSync(written)).toBe(false);
    expect(existsSync(precious)).toBe(true);

    mkdirSync(path.join(temp.dir(), 'data'), { recursive: true });
    const allowed = (name: string, target: string) =>
      scenario(
        name,
        `fn main() -> Result<Unit, String>\n    ! [Disk.writeText]\n    Disk.writeText("${target}", "kept")\n`,
        '[effects]\nallow = ["Disk.writeText"]\ndisk_root = "data"\n',
      );
    expect(spawnCli([allowed('inside', 'out.txt')]).code).toBe(0);
    expect(existsSync(path.join(temp.dir(), 'data', 'out.txt'))).toBe(true);
    const outside = spawnCli([allowed('outside', '../escaped.txt')]);
    expect(outside.code).toBe(1);
    expect(outside.stderr).toBe(
      `bench run: Runtime error [line 3]: Disk.writeText: '../escaped.txt' is outside the disk root '${path.join(temp.dir(), 'data')}' ([effects] disk_root in ${path.join(temp.dir(), 'outside.toml')})\n`,
    );
    expect(existsSync(path.join(temp.dir(), 'escaped.txt'))).toBe(false);
  });

  it('denies the network before the run, and keeps Console, Time, Random and Args allowed', () => {
    for (const effect of ['Http.get', 'HttpServer.listen', 'Tcp.connect']) {
      const manifest = scenario('net', `fn main() -> Int\n    ! [${effect}]\n    1\n`);
      expect(spawnCli([manifest]).stderr).toBe(
        `bench run: error[2:8]: main declares effect '${effect}', which bench mode denies; allow it in ${manifest} with [effects] allow = ["${effect}"]\n`,
      );
    }
    const allowed = scenario(
      'allowed',
      'fn main() -> Int\n    ! [Console.print, Time.now, Random.int, Args.get]\n    Console.print("hi")\n' +
        '    t = Time.now()\n    r = Random.int(1, 6)\n    List.len(Args.get()) + String.len(t) * 0 + r - r\n',
      'args = ["a", "b"]\n',
    );
    const run = spawnCli([allowed, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).response_bytes).toBe(1);
  });
});
