import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatMarkdown } from '@aver/bench-export';
import { parseReportJson, serializeReport } from '@aver/bench-report';
import { collectScenarios, readResults } from '@aver/bench-results';
import { captureHost } from '@aver/bench-runner';
import { useTempDir } from '@aver/test-utils';
import { describe, expect, it } from 'vitest';
import { hostBaselineName, runInProcess, useFakeTarget } from './test-helpers.js';

// The statistical comparison with a stored baseline, in process on the fake target: every timed sample is exactly
// `fake.sampleMs` long, so a baseline at 1 ms against a run at 2 ms is a ratio of exactly 2 with an interval of
// [2, 2]; five tied replicate medians per side give the rank test p = 0.004 (below alpha 0.01 after Holm).

const fake = useFakeTarget();
const temp = useTempDir('aver-stat-');

function scenarios(names: readonly string[], extra = ''): string {
  temp.write('scenarios/prog.av', 'fn main() -> Int\n    1\n');
  for (const name of names)
    temp.write(`scenarios/${name}.toml`, `entry = "prog.av"\niterations = 3\nwarmup = 0\n${extra}`);
  return path.join(temp.dir(), 'scenarios');
}

/** A baseline of `manifest` measured now with `replicates` replicates at `ms` per sample (pretty JSON). */
async function baselineOf(manifest: string, replicates: number, ms: number): Promise<string> {
  fake.sampleMs = ms;
  const run = await runInProcess([
    manifest,
    '--target',
    'fake',
    '--replicates',
    String(replicates),
    '--json',
  ]);
  expect(run.code, run.stderr).toBe(0);
  fake.sampleMs = 1;
  return temp.write('baseline.json', run.stdout);
}

describe('--compare with replicates on both sides', () => {
  it('calls a run twice as slow a regression, confirms it with one more round, and fails the gate', async () => {
    const manifest = path.join(scenarios(['fib']), 'fib.toml');
    const baseline = await baselineOf(manifest, 5, 1);
    fake.sampleMs = 2;
    const args = [manifest, '--target', 'fake', '--replicates', '5', '--compare', baseline];
    const gate = await runInProcess([...args, '--fail-on-regression']);
    expect(gate.code).toBe(1);
    expect(gate.stderr).toBe(
      'confirming 1 scenario (regression or inconclusive against the baseline) with one more round\n',
    );
    const diff = gate.stdout.slice(gate.stdout.indexOf('\n\nfib: ') + 2);
    expect(diff).toBe(
      [
        'fib: REGRESSION',
        // Both rounds decide: 10 replicates against the baseline's 5. Tie-corrected normal approximation with
        // continuity: var = 5·10/12 · (16 − 1110/210) = 44.64, z = (25 − 0.5) / 6.681 = 3.667, p = 0.000245.
        '  time      2.00ms (baseline 1.00ms, ratio 2.000 [2.000, 2.000], p 0.00025)  regression (limit +5%)',
        '  counters  inconclusive (base not counted)',
        '  confirmed by a second round (first round: regression)',
        '',
      ].join('\n'),
    );
    // Without the gate the verdict is the same, printed without a confirmation round, and the exit code is 0.
    const plain = await runInProcess(args);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toBe('');
    expect(plain.stdout).toContain('  time      2.00ms (baseline 1.00ms, ratio 2.000');
    expect(plain.stdout).not.toContain('confirmed');
    const noConfirm = await runInProcess([...args, '--fail-on-regression', '--no-confirm']);
    expect(noConfirm.code).toBe(1);
    expect(noConfirm.stderr).toBe('');
  });

  it('passes an unchanged run, and prints only the report with --json (the exit code tells)', async () => {
    const manifest = path.join(scenarios(['fib']), 'fib.toml');
    const baseline = await baselineOf(manifest, 4, 1);
    const args = [
      manifest,
      '--target',
      'fake',
      '--replicates',
      '4',
      '--compare',
      baseline,
      '--fail-on-regression',
    ];
    const human = await runInProcess(args);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(
      '\n\nfib: ok\n  time      1.00ms (baseline 1.00ms, ratio 1.000 [1.000, 1.000], p 1)  unchanged (limit +5%)\n',
    );
    const json = await runInProcess([...args, '--json']);
    expect(json.code).toBe(0);
    expect(parseReportJson(json.stdout).replicates).toHaveLength(4);
  });

  it('takes the threshold from wall_time_effect_pct and the noise floor beside the baseline', async () => {
    const manifest = path.join(scenarios(['fib'], '[tolerance]\nwall_time_effect_pct = 150\n'), 'fib.toml');
    const baseline = await baselineOf(manifest, 5, 1);
    fake.sampleMs = 2;
    const args = [manifest, '--target', 'fake', '--replicates', '5', '--compare', baseline];
    // A ratio of 2 is within +150 %: unchanged, whatever the p-value.
    expect((await runInProcess(args)).stdout).toContain('p 0.004)  unchanged (limit +150%)');
    writeFileSync(
      path.join(temp.dir(), 'baseline.noise.json'),
      JSON.stringify({
        kind: 'aver-bench-noise',
        version: 1,
        host: captureHost(),
        target: 'fake',
        scenarios: {
          fib: {
            same_run_pct: 3,
            cross_run_pct: 180.5,
            rounds: 2,
            replicates: 5,
            round_p50_ms: [1, 2.805],
            aa_ratios: [1, 1.03],
            calibrated_at: '2026-12-05T15:00:00.000Z',
          },
        },
      }),
    );
    expect((await runInProcess(args)).stdout).toContain('unchanged (limit +180.5%, the noise floor)');
  });

  it('compares the reference way, with a note, when only one side has replicates', async () => {
    const manifest = path.join(scenarios(['fib']), 'fib.toml');
    const baseline = await baselineOf(manifest, 3, 1);
    const one = await runInProcess([manifest, '--target', 'fake', '--compare', baseline]);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('\n\nfib: ok\n  p50    1.00ms (baseline 1.00ms, +0.0%)  ok\n');
    expect(one.stderr).toBe(
      'note: compared the reference way because this run has one replicate and the baseline 3: fib ' +
        '(run with --replicates 3 for the statistical comparison)\n',
    );
    const plainBaseline = await baselineOf(manifest, 1, 1);
    const many = await runInProcess([
      manifest,
      '--target',
      'fake',
      '--replicates',
      '3',
      '--compare',
      plainBaseline,
    ]);
    expect(many.stdout).toContain('  p50    1.00ms (baseline 1.00ms, +0.0%)  ok\n');
    expect(many.stderr).toBe(
      'note: compared the reference way because the baseline has no replicates: fib ' +
        '(save the baseline with --replicates N for the statistical comparison)\n',
    );
  });
});

describe('--baseline-dir with replicates on both sides (a folder)', () => {
  it('prints the reports, then one stat-diff line per scenario that @aver/bench-results pairs with its report', async () => {
    const dir = scenarios(['a', 'b']);
    fake.sampleMs = 1;
    const saved = await runInProcess([dir, '--target', 'fake', '--replicates', '5', '--json']);
    temp.write(`baselines/${hostBaselineName('fake')}`, saved.stdout);
    fake.sampleMs = 2;
    const baselines = path.join(temp.dir(), 'baselines');
    const run = await runInProcess([
      dir,
      '--target',
      'fake',
      '--replicates',
      '5',
      '--json',
      '--baseline-dir',
      baselines,
    ]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines.map((line) => JSON.parse(line).kind ?? 'report')).toEqual([
      'report',
      'report',
      'stat-diff',
      'stat-diff',
    ]);
    const stat = JSON.parse(lines[2]!);
    expect(stat).toMatchObject({
      kind: 'stat-diff',
      scenario: 'a',
      target: 'fake',
      regressed: true,
      confirmation: null,
    });
    // Holm over the two scenarios: both p = 0.004 are adjusted to 0.008, still below 0.01.
    expect(stat.time).toMatchObject({
      verdict: 'regression',
      ratio: 2,
      ci: [2, 2],
      threshold_pct: 5,
      noise_floor_pct: null,
    });
    expect(stat.time.p_adjusted).toBeCloseTo(2 * stat.time.p_value, 12);
    const results = collectScenarios([readResults(run.stdout, 'run.ndjson')]);
    expect(
      results.map((result) => [result.name, result.report !== null, result.comparison?.verdict]),
    ).toEqual([
      ['a', true, 'regression'],
      ['b', true, 'regression'],
    ]);
    expect(formatMarkdown(results)).toContain('+100.0% (+100.0% to +100.0%)');
  });

  it('puts the statistical blocks in the human diff list with a summary line, and in the Markdown summary', async () => {
    const dir = scenarios(['a', 'b']);
    fake.sampleMs = 1;
    const saved = await runInProcess([dir, '--target', 'fake', '--replicates', '5', '--json']);
    // `b` stays a reference-format entry (one replicate): compared the reference way next to `a`.
    const [a] = saved.stdout.trim().split('\n');
    const single = parseReportJson(
      (await runInProcess([path.join(dir, 'b.toml'), '--target', 'fake', '--json'])).stdout,
    );
    temp.write(`baselines/${hostBaselineName('fake')}`, `${a}\n${serializeReport(single)}\n`);
    fake.sampleMs = 2;
    const args = [
      dir,
      '--target',
      'fake',
      '--replicates',
      '5',
      '--baseline-dir',
      path.join(temp.dir(), 'baselines'),
    ];
    const run = await runInProcess(args);
    const tail = run.stdout.slice(run.stdout.lastIndexOf('\n\na: ') + 2);
    expect(tail).toMatch(
      /^a: REGRESSION\n {2}time {6}2\.00ms \(baseline 1\.00ms, ratio 2\.000 \[2\.000, 2\.000\], p 0\.004\) {2}regression \(limit \+5%\)\n/,
    );
    expect(tail).toContain(
      '\nb: REGRESSION\n  p50    2.00ms (baseline 1.00ms, +100.0%)  REGRESSION (limit +20%)\n',
    );
    expect(
      tail.endsWith(
        '\ntime: 1 regression, 0 improvement, 0 unchanged, 0 inconclusive; 99% intervals, Holm over 1, alpha 0.01\n',
      ),
    ).toBe(true);
    expect(run.stderr).toContain(
      'note: compared the reference way because the baseline has no replicates: b',
    );
    const markdown = await runInProcess([...args, '--format', 'markdown']);
    expect(markdown.stdout).toContain('+100.0% (+100.0% to +100.0%)');
    expect(markdown.stdout).toContain('❌ regression');
  });
});
