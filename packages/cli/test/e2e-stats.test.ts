import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseNoiseFile } from '@aver/bench-diff';
import { parseReports } from '@aver/bench-report';
import { captureHost } from '@aver/bench-runner';
import { useTempDir } from '@aver/test-utils';
import { describe, expect, it } from 'vitest';
import { spawnCli } from './e2e-helpers.js';

/*
 * The statistical side of the built command on the real `vm` target, with small budgets: calibrate writes the
 * noise file that `ab` and the baseline comparison read, the counted runs become a speedscope profile, and a
 * reference-mode diff names the functions behind a change.
 */

const temp = useTempDir('aver-e2e-stats-');

const COUNT =
  'fn count(n: Int, acc: Int) -> Int\n    match n\n        0 -> acc\n        _ -> count(n - 1, acc + 1)\n\nfn main() -> Int\n    count(300, 0)\n';
const FIB = (n: number) =>
  `fn fib(n: Int) -> Int\n    match n\n        0 -> 0\n        1 -> 1\n        _ -> fib(n - 1) + fib(n - 2)\n\nfn main() -> Int\n    fib(${n})\n`;

function folder(fib = 10): string {
  temp.write('scenarios/count.av', COUNT);
  temp.write('scenarios/fib.av', FIB(fib));
  for (const name of ['count', 'fib'])
    temp.write(`scenarios/${name}.toml`, `entry = "${name}.av"\niterations = 3\nwarmup = 2\n`);
  return path.join(temp.dir(), 'scenarios');
}

const host = captureHost();
const noiseName = `${host.os}-${host.arch}-vm.noise.json`;

describe('aver-bench calibrate (end to end, small budget)', () => {
  it('writes the noise file, keeps other scenarios, and its floors reach ab and the baseline comparison', () => {
    const dir = folder();
    const baselines = path.join(temp.dir(), 'baselines');
    const first = spawnCli([
      'calibrate',
      path.join(dir, 'count.toml'),
      '--rounds',
      '2',
      '--replicates',
      '2',
      '--baseline-dir',
      baselines,
    ]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(
      /^count: noise floor \d+(\.\d+)?% within a run, \d+(\.\d+)?% across runs \(2 A\/A rounds of 2 replicates per side\)\n$/,
    );
    const noisePath = path.join(baselines, noiseName);
    expect(first.stderr).toBe(`Saved noise → ${noisePath} (1 scenario)\n`);
    const once = parseNoiseFile(readFileSync(noisePath, 'utf8'));
    expect(once).toMatchObject({ kind: 'aver-bench-noise', version: 1, host, target: 'vm' });
    const count = once.scenarios.count!;
    expect(count).toMatchObject({ rounds: 2, replicates: 2 });
    expect(count.aa_ratios).toHaveLength(2);
    expect(count.round_p50_ms).toHaveLength(2);
    // The floors are what the file's own raw figures say (percent, two decimals).
    const largestGap = Math.max(...count.aa_ratios.map((ratio) => Math.abs(ratio - 1)));
    expect(count.same_run_pct).toBeCloseTo(100 * largestGap, 2);
    expect(count.cross_run_pct).toBeCloseTo(
      100 * (Math.max(...count.round_p50_ms) / Math.min(...count.round_p50_ms) - 1),
      2,
    );

    // A folder adds fib and re-measures count; both are kept.
    const both = spawnCli([
      'calibrate',
      dir,
      '--rounds',
      '2',
      '--replicates',
      '2',
      '--baseline-dir',
      baselines,
    ]);
    expect(both.code, both.stderr).toBe(0);
    const file = parseNoiseFile(readFileSync(noisePath, 'utf8'));
    expect(Object.keys(file.scenarios)).toEqual(['count', 'fib']);

    // ab reads the within-run floor…
    const ab = spawnCli(['ab', dir, dir, '--replicates', '2', '--json', '--baseline-dir', baselines]);
    expect(ab.code, ab.stderr).toBe(0);
    for (const line of ab.stdout
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text))) {
      const noise = file.scenarios[line.scenario]!;
      expect(line.time.noise_floor_pct).toBe(noise.same_run_pct);
      expect(line.time.threshold_pct).toBe(Math.max(5, noise.same_run_pct));
    }

    // …and a run against a stored baseline with replicates the across-run floor.
    const save = spawnCli([
      dir,
      '--replicates',
      '2',
      '--save-baseline',
      path.join(baselines, `${host.os}-${host.arch}-vm.json`),
    ]);
    expect(save.code, save.stderr).toBe(0);
    const run = spawnCli([dir, '--replicates', '2', '--json', '--baseline-dir', baselines]);
    expect(run.code, run.stderr).toBe(0);
    const stats = run.stdout
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text))
      .filter((line) => line.kind === 'stat-diff');
    expect(stats.map((line) => line.scenario)).toEqual(['count', 'fib']);
    for (const line of stats) {
      expect(line.time.noise_floor_pct).toBe(file.scenarios[line.scenario]!.cross_run_pct);
      // Two replicates per side can never be significant, so nothing is called a regression.
      expect(['unchanged', 'inconclusive']).toContain(line.time.verdict);
      expect(line.counters.verdict).toBe('unchanged');
      expect(line.response).toBe('same');
    }
  });

  it('rejects bad usage (exit 2) and a broken noise file (exit 1, naming the key)', () => {
    const dir = folder();
    expect(spawnCli(['calibrate']).code).toBe(2);
    const rounds = spawnCli(['calibrate', dir, '--rounds', '1']);
    expect(rounds.code).toBe(2);
    expect(rounds.stderr).toContain(
      "invalid value '1' for '--rounds <K>': expected an integer of at least 2",
    );
    const broken = temp.write(`broken/${noiseName}`, '{"kind":"aver-bench-noise","version":2}');
    const run = spawnCli(['calibrate', dir, '--baseline-dir', path.dirname(broken)]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`noise: cannot parse '${broken}': version: expected 1, got 2\n`);
    const notFolder = temp.write('plain-file', '');
    const unwritable = spawnCli(['calibrate', dir, '--baseline-dir', notFolder]);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/^calibrate: cannot write '.*plain-file\/.*\.noise\.json': /);
  });
});

describe('--profile-out (end to end)', () => {
  it('writes every counted run as a speedscope profile whose weights sum to its instruction total', () => {
    const dir = folder();
    const out = path.join(temp.dir(), 'profile.speedscope.json');
    const run = spawnCli([dir, '--json', '--profile-out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe(
      `Wrote profile → ${out} (2 counted runs; open it in https://www.speedscope.app)\n`,
    );
    const reports = parseReports(run.stdout);
    const file = JSON.parse(readFileSync(out, 'utf8'));
    expect(file.$schema).toBe('https://www.speedscope.app/file-format-schema.json');
    expect(file.profiles.map((profile: { name: string }) => profile.name)).toEqual([
      'count [vm]',
      'fib [vm]',
    ]);
    for (const [index, profile] of file.profiles.entries()) {
      expect(profile).toMatchObject({ type: 'sampled', unit: 'none', startValue: 0 });
      const sum = profile.weights.reduce((total: number, weight: number) => total + weight, 0);
      expect(sum).toBe(reports[index]!.counters!.instructions);
      expect(profile.endValue).toBe(sum);
    }
    const names = file.shared.frames.map((frame: { name: string }) => frame.name);
    expect(names).toEqual(expect.arrayContaining(['main', 'count', 'fib']));
  });

  it('refuses a target that is not a regular file before anything runs', () => {
    const dir = folder();
    const run = spawnCli([path.join(dir, 'fib.toml'), '--profile-out', dir]);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `profile-out write '${dir}': not a regular file (a directory); refusing to replace it\n`,
    });
  });
});

describe('a reference-mode diff names what changed most when both reports carry counters', () => {
  it('lists the functions and opcodes in the human diff and in the JSON diff line', () => {
    const baselines = path.join(temp.dir(), 'ref-baselines');
    mkdirSync(baselines);
    const save = spawnCli([
      folder(10),
      '--save-baseline',
      path.join(baselines, `${host.os}-${host.arch}-vm.json`),
    ]);
    expect(save.code, save.stderr).toBe(0);
    const dir = folder(11);
    const human = spawnCli([dir, '--baseline-dir', baselines]);
    expect(human.code, human.stderr).toBe(0);
    // fib(11) makes 287 calls of fib, fib(10) 177: 110 more.
    expect(human.stdout).toContain('  changed most:\n    `fib` (fib.av:1): +110 calls, +');
    const json = spawnCli([dir, '--baseline-dir', baselines, '--json']);
    const diff = json.stdout
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text))
      .find((line) => line.kind === 'diff' && line.scenario === 'fib');
    expect(diff.functions[0]).toMatchObject({ name: 'fib', file: 'fib.av', line: 1, calls: 110 });
    expect(diff.opcodes.length).toBeGreaterThan(0);
    const count = json.stdout
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text))
      .find((line) => line.kind === 'diff' && line.scenario === 'count');
    expect(count).toMatchObject({ functions: [], opcodes: [] });
  });
});
