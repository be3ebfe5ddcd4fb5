import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { useTempDir } from '@aver/test-utils';
import { describe, expect, it } from 'vitest';
import { spawnCli } from './e2e-helpers.js';

// What `--save-baseline` may replace, through the built `aver-bench`.

const temp = useTempDir('aver-files-');
const isRoot = process.getuid?.() === 0;
const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;

function scenario(): string {
  temp.write('s/answer.av', 'fn main() -> Int\n    42\n');
  return temp.write('s/answer.toml', 'entry = "answer.av"\niterations = 1\nwarmup = 0\n');
}

function refusal(target: string, kind: string): string {
  return `save-baseline write '${target}': not a regular file (${kind}); refusing to replace it\n`;
}

describe('--save-baseline writes only regular files (aver-bench end to end)', () => {
  it('refuses a directory before running anything', () => {
    const target = path.join(temp.dir(), 'folder.json');
    mkdirSync(target);
    expect(spawnCli([scenario(), '--save-baseline', target])).toEqual({
      code: 1,
      stdout: '',
      stderr: refusal(target, 'a directory'),
    });
    expect(statSync(target).isDirectory()).toBe(true);
  });

  it.skipIf(!hasMkfifo)('refuses a FIFO without opening it (which would block)', () => {
    const target = path.join(temp.dir(), 'pipe.json');
    expect(spawnSync('mkfifo', [target]).status).toBe(0);
    expect(spawnCli([scenario(), '--save-baseline', target])).toEqual({
      code: 1,
      stdout: '',
      stderr: refusal(target, 'a FIFO'),
    });
    expect(lstatSync(target).isFIFO()).toBe(true);
  });

  it('refuses a socket', async () => {
    const target = path.join(temp.dir(), 'sock.json');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(target, resolve));
    try {
      expect(spawnCli([scenario(), '--save-baseline', target]).stderr).toBe(refusal(target, 'a socket'));
      expect(lstatSync(target).isSocket()).toBe(true);
    } finally {
      server.close();
    }
  });

  it.skipIf(!isRoot)('refuses a character device (made in the temp folder, never a real one)', () => {
    const target = path.join(temp.dir(), 'full.json');
    expect(spawnSync('mknod', [target, 'c', '1', '7']).status).toBe(0);
    expect(spawnCli([scenario(), '--save-baseline', target]).stderr).toBe(
      refusal(target, 'a character device'),
    );
    expect(lstatSync(target).isCharacterDevice()).toBe(true);
  });

  it('follows a symlink: the file it points to is replaced, keeps its mode, and the link stays a link', () => {
    mkdirSync(path.join(temp.dir(), 'real'));
    const real = temp.write('real/answer.json', 'old\n');
    chmodSync(real, 0o640);
    const link = path.join(temp.dir(), 'answer.json');
    symlinkSync(path.join('real', 'answer.json'), link);
    const run = spawnCli([scenario(), '--save-baseline', link]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`Saved baseline → ${link}\n`);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(path.join('real', 'answer.json'));
    expect(JSON.parse(readFileSync(real, 'utf8')).scenario.name).toBe('answer');
    expect(statSync(real).mode & 0o777).toBe(0o640);
    expect(readdirSync(path.join(temp.dir(), 'real'))).toEqual(['answer.json']);
  });

  it('follows a dangling symlink to create the file it names, and refuses a link to a folder', () => {
    mkdirSync(path.join(temp.dir(), 'real'));
    const link = path.join(temp.dir(), 'new.json');
    symlinkSync(path.join(temp.dir(), 'real', 'new.json'), link);
    expect(spawnCli([scenario(), '--save-baseline', link]).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(temp.dir(), 'real', 'new.json'), 'utf8')).scenario.name).toBe(
      'answer',
    );
    const toFolder = path.join(temp.dir(), 'to-folder.json');
    symlinkSync(path.join(temp.dir(), 'real'), toFolder);
    expect(spawnCli([scenario(), '--save-baseline', toFolder]).stderr).toBe(refusal(toFolder, 'a directory'));
  });

  it('replaces a regular file atomically, leaving no temp file', () => {
    const target = temp.write('answer.json', 'old\n');
    writeFileSync(target, 'old\n');
    expect(spawnCli([scenario(), '--save-baseline', target]).code).toBe(0);
    expect(readFileSync(target, 'utf8')).toMatch(/^\{\n {2}"scenario"/);
    expect(readdirSync(temp.dir()).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
