import path from 'node:path';
import { parseReportJson, parseReports, serializeReport } from '@aver/bench-report';
import { useTempDir } from '@aver/test-utils';
import { describe, expect, it } from 'vitest';
import { hostBaselineName, runInProcess, tinyBaseline, useFakeTarget } from './test-helpers.js';

// Replicates, several targets and the steady-state warning, with deterministic in-process targets (every sample
// `sampleMs`, 1 ms unless a test changes it).
const fake = useFakeTarget();
const other = useFakeTarget('other');
const temp = useTempDir('aver-cli-protocol-');

function scenarios(names: readonly string[], extra = ''): string {
  temp.write('scenarios/prog.av', 'fn main() -> Int\n    1\n');
  for (const name of names)
    temp.write(`scenarios/${name}.toml`, `entry = "prog.av"\niterations = 3\nwarmup = 0\n${extra}`);
  return path.join(temp.dir(), 'scenarios');
}

describe('--replicates', () => {
  it('runs each scenario in N replicates and reports each one after the reference keys', async () => {
    const dir = scenarios(['a']);
    const result = await runInProcess([
      path.join(dir, 'a.toml'),
      '--target',
      'fake',
      '--replicates',
      '3',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const report = parseReportJson(result.stdout);
    expect(report.samples_ms).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(report.scenario).toMatchObject({ iterations_count: 3, warmup_count: 0 });
    expect(report.replicates).toHaveLength(3);
    expect(report.replicates?.[0]).toEqual({
      samples_ms: [1, 1, 1],
      warmup_count: 0,
      warmup_stable: null,
      steady_state: null,
    });
    expect(result.stdout.indexOf('"counters"')).toBeLessThan(result.stdout.indexOf('"replicates"'));
  });

  it('writes exactly the keys of a plain run for one replicate', async () => {
    const dir = scenarios(['a']);
    const plain = await runInProcess([path.join(dir, 'a.toml'), '--target', 'fake', '--json']);
    const one = await runInProcess([
      path.join(dir, 'a.toml'),
      '--target',
      'fake',
      '--replicates',
      '1',
      '--json',
    ]);
    expect(one.stdout).toBe(plain.stdout);
    expect(plain.stdout).not.toContain('replicates');
  });
});

describe('steady state', () => {
  it('warns, naming the scenario, when the timed samples are still getting faster, and records the test', async () => {
    temp.write('scenarios/prog.av', 'fn main() -> Int\n    1\n');
    const manifest = temp.write('scenarios/slowing.toml', 'entry = "prog.av"\niterations = 12\nwarmup = 0\n');
    // Each run is 1 ms faster than the one before: 12, 11, … 1 ms (first third's median 10.5, last's 2.5).
    fake.sampleMs = 13;
    fake.beforeRun = () => {
      fake.sampleMs -= 1;
    };
    const result = await runInProcess([manifest, '--target', 'fake', '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^warning: slowing \[fake\]: timed samples still trending down \(Kendall tau -1\.00, p \S+, first third 4\.20x the last\); the JIT may still be warming up: raise `warmup` or set `warmup = "auto"`\n$/,
    );
    const report = parseReportJson(result.stdout);
    const trend = report.replicates?.[0]?.steady_state;
    expect(trend?.kendall_tau).toBeCloseTo(-1, 12);
    expect([trend?.early_late_ratio, trend?.trending]).toEqual([4.2, true]);
  });

  it('says nothing about flat samples', async () => {
    temp.write('scenarios/prog.av', 'fn main() -> Int\n    1\n');
    const manifest = temp.write('scenarios/flat.toml', 'entry = "prog.av"\niterations = 12\nwarmup = 0\n');
    const result = await runInProcess([manifest, '--target', 'fake']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });
});

describe('several targets', () => {
  it('gives one report per scenario and target, in target order', async () => {
    const dir = scenarios(['a', 'b']);
    const result = await runInProcess([dir, '--target', 'fake,other', '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const reports = parseReports(result.stdout);
    expect(reports.map((report) => `${report.scenario.name}/${report.scenario.target}`)).toEqual([
      'a/fake',
      'a/other',
      'b/fake',
      'b/other',
    ]);
  });

  it('prints one NDJSON line per target for a single scenario with --json', async () => {
    const dir = scenarios(['a']);
    const result = await runInProcess([path.join(dir, 'a.toml'), '--target', 'fake,other', '--json']);
    expect(result.code).toBe(0);
    expect(parseReports(result.stdout).map((report) => report.backend.name)).toEqual(['fake', 'other']);
    expect(result.stdout.split('\n')).toHaveLength(3);
  });

  it('exits 1 when the targets disagree, naming both and the first differing bytes, escaped', async () => {
    const dir = scenarios(['a', 'b']);
    other.respond = (scenario) => (scenario === 'b' ? 'b\x1b[31m' : scenario);
    const result = await runInProcess([dir, '--target', 'fake,other']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'targets disagree on scenario \'b\': fake and other responses differ at byte 1: fake "", other "\\x1b[31m"\n',
    );
    expect(result.stdout.match(/^\S+ \[\w+\]$/gm)).toEqual([
      'a [fake]',
      'a [other]',
      'b [fake]',
      'b [other]',
    ]);
  });

  it('compares each target with its own baseline file in --baseline-dir', async () => {
    const dir = scenarios(['a']);
    const reports = parseReports((await runInProcess([dir, '--target', 'fake,other', '--json'])).stdout);
    temp.write(`baselines/${hostBaselineName('fake')}`, `${serializeReport(reports[0]!)}\n`);
    temp.write(`baselines/${hostBaselineName('other')}`, `${serializeReport(tinyBaseline(reports[1]!))}\n`);
    const result = await runInProcess([
      dir,
      '--target',
      'fake,other',
      '--baseline-dir',
      path.join(temp.dir(), 'baselines'),
      '--fail-on-regression',
      '--json',
    ]);
    expect(result.code).toBe(1);
    const diffs = result.stdout
      .split('\n')
      .filter((line) => line.startsWith('{"kind":"diff"'))
      .map((line) => JSON.parse(line).regressed);
    expect(diffs).toEqual([false, true]);
  });

  it('refuses --save-baseline and --compare with several targets', async () => {
    const dir = scenarios(['a']);
    const saved = await runInProcess([dir, '--target', 'fake,other', '--save-baseline', 'x.json']);
    expect(saved).toEqual({
      code: 1,
      stdout: '',
      stderr: '--save-baseline works with one target at a time; --baseline-dir keeps one file per target\n',
    });
    const compared = await runInProcess([
      path.join(dir, 'a.toml'),
      '--target',
      'fake,other',
      '--compare',
      'x.json',
    ]);
    expect(compared.stderr).toBe(
      '--compare works with one target at a time; --baseline-dir keeps one file per target\n',
    );
  });
});
