import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `aver-bench --target vm,js` from the repository: the CLI finds this package by its name (the workspace installs
// it) and the two targets agree on every response.

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const cli = join(repo, 'packages', 'cli', 'dist', 'main.js');

describe.skipIf(!existsSync(cli))('aver-bench --target vm,js', () => {
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
});
