import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { useTempDir } from '@aver/test-utils';
import { createHost } from '@aver/vm-runtime';
import { describe, expect, it } from 'vitest';
import { RUNTIME } from '../src/index.js';

// `aver-bench --target vm,js` from the repository: the CLI finds this package by its name (the workspace installs
// it) and the two targets agree on every response.

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const cli = join(repo, 'packages', 'cli', 'dist', 'main.js');

describe.skipIf(!existsSync(cli))('aver-bench --target vm,js', () => {
  const temp = useTempDir('aver-emit-js-');

  it('runs a scenario on both targets with the same response digest and exits 0', () => {
    const result = spawnSync(
      process.execPath,
      [cli, 'bench/scenarios/fib.toml', '--target', 'vm,js', '--json', '--iterations', '3', '--warmup', '1'],
      { cwd: repo, encoding: 'utf8' },
    );
    expect(result.status, result.stderr).toBe(0);
    const reports = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(reports.map((report) => report.scenario.target)).toEqual(['vm', 'js']);
    expect(reports[1].response_sha256).toBe(reports[0].response_sha256);
    expect(reports[1].response_bytes).toBe(3);
  });

  it('--emit-js DIR writes the generated module of each scenario, readable and runnable against the runtime', async () => {
    const dir = join(temp.dir(), 'js');
    const result = spawnSync(
      process.execPath,
      [cli, 'bench/scenarios/fib.toml', '--emit-js', dir, '--iterations', '1'],
      {
        cwd: repo,
        encoding: 'utf8',
      },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain(`Wrote 1 generated JavaScript module → ${dir}`);
    const file = join(dir, 'fib.mjs');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('function fib(n, $d) {');
    expect(text).toContain('switch (n) {');
    const { default: instantiate } = await import(pathToFileURL(file).href);
    const module = instantiate(RUNTIME);
    module.start({
      host: createHost('silent', [], undefined),
      fastDepth: 100,
      maxFrames: 1_000_000,
      checkDeadline: () => {},
    });
    expect(module.main(0)).toBe(610);
  });
});
