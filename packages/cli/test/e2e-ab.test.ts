import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnCli } from './e2e-helpers.js';

const work = mkdtempSync(path.join(tmpdir(), 'aver-ab-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A scenario folder whose `sum` loop runs `n` times (so head can do more work than base). */
function side(name: string, n: number, answer = 'acc'): string {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'sum.av'),
    `module Sum\n    intent = "A loop."\n\nfn step(n: Int, acc: Int) -> Int\n    ? "Adds."\n    match n\n        0 -> ${answer}\n        _ -> step(n - 1, acc + n)\n\nfn main() -> Int\n    step(${n}, 0)\n`,
  );
  writeFileSync(path.join(dir, 'sum.toml'), 'name = "sum"\nentry = "sum.av"\niterations = 3\nwarmup = 2\n');
  writeFileSync(
    path.join(dir, 'only.toml'),
    `name = "only-${name}"\nentry = "sum.av"\niterations = 1\nwarmup = 0\n`,
  );
  return dir;
}

describe('aver-bench ab', () => {
  const base = side('base', 200);
  const head = side('head', 300);

  it('prints one NDJSON line per shared scenario, with the contract keys first and the functions that changed', () => {
    const run = spawnCli(['ab', base, head, '--replicates', '2', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("warning: ab: scenario 'only-base' is only in base; skipped");
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!);
    expect(Object.keys(line).slice(0, 5)).toEqual(['kind', 'scenario', 'time', 'counters', 'response']);
    expect(Object.keys(line.time).slice(0, 3)).toEqual(['verdict', 'ratio', 'ci']);
    expect(Object.keys(line.counters)[0]).toBe('verdict');
    expect(line).toMatchObject({ kind: 'ab', scenario: 'sum', response: 'changed' });
    // Two replicates per side can never be significant: the time cannot be called a regression.
    expect(['unchanged', 'inconclusive']).toContain(line.time.verdict);
    expect(line.time.replicates).toEqual({ base: 2, head: 2 });
    expect(line.counters.verdict).toBe('regression');
    expect(line.counters.functions[0]).toMatchObject({ name: 'step', file: 'sum.av', line: 4, calls: 100 });
  });

  it('shows a table with the top change and the details, and fails the gate on the counter regression', () => {
    const run = spawnCli(['ab', base, head, '--replicates', '2', '--fail-on-regression', '--no-confirm']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(
      /^scenario +base p50 +head p50 +ratio +interval +time +counters +top change\n/,
    );
    expect(run.stdout).toContain('sum: counters regression (instructions +');
    expect(run.stdout).toContain('`step` (sum.av:4): +100 calls, +');
    expect(run.stdout).toContain('sum: response changed: base sha256 ');
  });

  it('confirms an inconclusive time verdict with one more round and judges both rounds together', () => {
    // Two replicates per side are never significant (the smallest two-sided rank-test p is 1/3), and +50 % work
    // is far outside the 5 % band: the first round is `inconclusive`, so the gate measures once more.
    const run = spawnCli(['ab', base, head, '--replicates', '2', '--json', '--fail-on-regression']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('with one more round');
    const line = JSON.parse(run.stdout.trim());
    expect(line.confirmation).toEqual({ first_verdict: 'inconclusive' });
    expect(line.time.replicates).toEqual({ base: 4, head: 4 });
    expect([line.base.replicates, line.head.replicates]).toEqual([4, 4]);
  });

  it('passes the gate on identical code, and rejects bad usage with exit 2', () => {
    expect(spawnCli(['ab', base, base, '--replicates', '2', '--fail-on-regression']).code).toBe(0);
    const usage = spawnCli(['ab', base]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('the following required arguments were not provided: <HEAD>');
    expect(spawnCli(['ab', base, head, '--replicates', '1']).stderr).toContain(
      'expected an integer of at least 2',
    );
  });
});
