import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseReports, serializeReport } from '@aver/bench-report';
import { useTempDir } from '@aver/test-utils';
import { describe, expect, it } from 'vitest';
import { hostBaselineName, runInProcess, tinyBaseline, useFakeTarget } from './test-helpers.js';

// `--format`, `--shard`, `report` and `merge` with the deterministic `fake` target (every sample 1 ms).
const fake = useFakeTarget();
useFakeTarget('other');
const temp = useTempDir('aver-ci-');

function scenarios(names: readonly string[]): string {
  temp.write('scenarios/prog.av', 'fn main() -> Int\n    1\n');
  for (const name of names)
    temp.write(`scenarios/${name}.toml`, `entry = "prog.av"\niterations = 3\nwarmup = 0\n`);
  return path.join(temp.dir(), 'scenarios');
}

async function jsonRun(args: readonly string[]): Promise<string> {
  const result = await runInProcess([...args, '--target', 'fake', '--json']);
  expect(result.stderr).not.toMatch(/error|warning/);
  expect(result.code).toBe(0);
  return result.stdout;
}

describe('--format markdown', () => {
  it('prints a GitHub table of the run instead of the reports', async () => {
    const dir = scenarios(['b', 'a']);
    const result = await runInProcess([dir, '--target', 'fake', '--format', 'markdown']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^## Aver Bench\n\n2 scenarios · [a-z]+\/[a-z0-9_]+ \(\d+ cpus\) · aver 0\.0\.0-fake \(release\)\n\n/,
    );
    expect(result.stdout.split('\n').slice(4)).toEqual([
      '| Scenario | Target | p50 | p95 |',
      '| :-- | :-- | --: | --: |',
      '| a | fake | 1.00ms | 1.00ms |',
      '| b | fake | 1.00ms | 1.00ms |',
      '',
    ]);
  });

  it('shows the verdicts of a gated run and appends the table to $GITHUB_STEP_SUMMARY', async () => {
    const dir = scenarios(['a', 'b']);
    const [a, b] = parseReports(await jsonRun([dir]));
    temp.write(
      `baselines/${hostBaselineName('fake')}`,
      `${serializeReport(a!)}\n${serializeReport(tinyBaseline(b!))}\n`,
    );
    const summary = temp.write('summary.md', '# earlier step\n');
    const result = await runInProcess(
      [
        dir,
        '--target',
        'fake',
        '--format',
        'markdown',
        '--baseline-dir',
        path.join(temp.dir(), 'baselines'),
        '--fail-on-regression',
      ],
      { env: { GITHUB_STEP_SUMMARY: summary } },
    );
    expect(result.code).toBe(1);
    const rows = result.stdout
      .split('\n')
      .filter((line) => line.startsWith('| a ') || line.startsWith('| b '));
    expect(rows[0]).toBe('| a | fake | 1.00ms | 1.00ms | 1.00ms | +0.0% | ✅ ok |');
    expect(rows[1]).toMatch(/^\| b \| fake \| 1\.00ms \| 1\.00ms \| 0µs \| \+\d+\.\d% \| ❌ regression \|$/);
    expect(result.stdout).toContain('2 scenarios · 1 regression · 1 ok · ');
    expect(readFileSync(summary, 'utf8')).toBe(`# earlier step\n${result.stdout}\n`);
  });

  it('fails with exit 1 when $GITHUB_STEP_SUMMARY cannot be written', async () => {
    const dir = scenarios(['a']);
    const summary = path.join(temp.dir(), 'missing', 'summary.md');
    const result = await runInProcess([dir, '--target', 'fake', '--format', 'markdown'], {
      env: { GITHUB_STEP_SUMMARY: summary },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^cannot append the summary to \$GITHUB_STEP_SUMMARY '.*summary\.md': No such file/,
    );
  });

  it('still prints what ran when the run stops early', async () => {
    const dir = scenarios(['a', 'b']);
    temp.write('scenarios/c.toml', 'name = 3\n');
    const result = await runInProcess([dir, '--target', 'fake', '--format', 'markdown']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('| b | fake |');
    expect(result.stderr).toMatch(/^scenario load: /);
  });
});

describe('--format bmf', () => {
  it('prints Bencher Metric Format: p50 with min and max in ns', async () => {
    const dir = scenarios(['a']);
    fake.sampleMs = 2.5;
    const result = await runInProcess([path.join(dir, 'a.toml'), '--target', 'fake', '--format', 'bmf']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      a: { latency: { value: 2_500_000, lower_value: 2_500_000, upper_value: 2_500_000 } },
    });
  });

  it('rejects an unknown format and --json with another format as usage errors', async () => {
    const bad = await runInProcess(['x.toml', '--format', 'csv']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      "invalid value 'csv' for '--format <FORMAT>': expected one of human, json, markdown, bmf",
    );
    const both = await runInProcess(['x.toml', '--json', '--format', 'bmf']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("the argument '--json' cannot be used with '--format <FORMAT>'");
  });
});

describe('--shard', () => {
  it('runs a round-robin slice without a baseline, after a shard line that lists the plan', async () => {
    const dir = scenarios(['a', 'b', 'c']);
    const first = (await jsonRun([dir, '--shard', '1/2'])).trimEnd().split('\n');
    expect(JSON.parse(first[0]!)).toEqual({
      kind: 'shard',
      index: 1,
      count: 2,
      scenarios: ['a', 'b', 'c'],
      assigned: ['a', 'c'],
      targets: ['fake'],
    });
    expect(parseReports(first.slice(1).join('\n')).map((report) => report.scenario.name)).toEqual(['a', 'c']);
    const second = await runInProcess([dir, '--target', 'fake', '--shard', '2/2']);
    expect(second.stdout.startsWith('b [fake]\n')).toBe(true);
    expect(second.stderr).toBe('shard 2/2: 1 of 3 scenario(s): b\n');
  });

  it('balances by the baseline: the slow scenario gets a shard of its own', async () => {
    const dir = scenarios(['a', 'b', 'c']);
    const reports = parseReports(await jsonRun([dir]));
    const slow = (name: string, ms: number) => {
      const report = reports.find((item) => item.scenario.name === name)!;
      const iterations = { min_ms: ms, max_ms: ms, mean_ms: ms, p50_ms: ms, p95_ms: ms, p99_ms: ms };
      return serializeReport({ ...report, iterations, samples_ms: [ms, ms, ms] });
    };
    temp.write(
      `baselines/${hostBaselineName('fake')}`,
      `${slow('a', 1)}\n${slow('b', 500)}\n${slow('c', 1)}\n`,
    );
    const args = ['--baseline-dir', path.join(temp.dir(), 'baselines')];
    const line = (text: string) => JSON.parse(text.split('\n')[0]!);
    expect(line(await jsonRun([dir, '--shard', '1/2', ...args])).assigned).toEqual(['b']);
    expect(line(await jsonRun([dir, '--shard', '2/2', ...args])).assigned).toEqual(['a', 'c']);
  });

  it('runs nothing, successfully, in a shard with no scenarios', async () => {
    const dir = scenarios(['a', 'b', 'c']);
    const empty = await runInProcess([dir, '--target', 'fake', '--shard', '4/4']);
    expect(empty).toEqual({
      code: 0,
      stdout: '',
      stderr: 'shard 4/4: 0 of 3 scenario(s) (nothing to run)\n',
    });
  });

  it('needs a folder and a K/N with 1 <= K <= N', async () => {
    const dir = scenarios(['a']);
    expect(await runInProcess([path.join(dir, 'a.toml'), '--target', 'fake', '--shard', '1/2'])).toEqual({
      code: 1,
      stdout: '',
      stderr: '--shard K/N needs a folder of scenarios\n',
    });
    for (const spec of ['0/2', '3/2', '1/0', 'x', '1/2/3']) {
      const result = await runInProcess([dir, '--shard', spec]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        `invalid value '${spec}' for '--shard <K/N>': expected K/N with 1 <= K <= N, e.g. 2/4`,
      );
    }
  });
});

describe('aver-bench merge', () => {
  it('joins the shards into exactly the output of the unsharded run', async () => {
    const dir = scenarios(['a', 'b', 'c', 'd']);
    const whole = await jsonRun([dir]);
    const files = [1, 2, 3].map((index) => temp.write(`shard-${index}.ndjson`, ''));
    for (const [index, file] of files.entries()) {
      writeFileSync(file, await jsonRun([dir, '--shard', `${index + 1}/3`]));
    }
    const merged = await runInProcess(['merge', files[2]!, files[0]!, files[1]!]);
    expect(merged).toEqual({ code: 0, stdout: whole, stderr: '' });
    const out = path.join(temp.dir(), 'merged.ndjson');
    const written = await runInProcess(['merge', ...files, '-o', out]);
    expect(written.stderr).toBe(`Merged 3 shard(s), 4 report(s) → ${out}\n`);
    expect(readFileSync(out, 'utf8')).toBe(whole);
  });

  it('keeps every target of a scenario together, in the order of --target', async () => {
    const dir = scenarios(['a', 'b']);
    const run = (shard: string) => runInProcess([dir, '--target', 'fake,other', '--json', '--shard', shard]);
    const first = await run('1/2');
    expect(JSON.parse(first.stdout.split('\n')[0]!).targets).toEqual(['fake', 'other']);
    const files = [temp.write('t1.ndjson', first.stdout), temp.write('t2.ndjson', (await run('2/2')).stdout)];
    const merged = await runInProcess(['merge', files[1]!, files[0]!]);
    expect(merged.code).toBe(0);
    expect(
      parseReports(merged.stdout).map((report) => `${report.scenario.name}:${report.scenario.target}`),
    ).toEqual(['a:fake', 'a:other', 'b:fake', 'b:other']);
  });

  it('refuses a missing shard, a duplicate and a file that is not shard output', async () => {
    const dir = scenarios(['a', 'b']);
    const first = temp.write('s1.ndjson', await jsonRun([dir, '--shard', '1/2']));
    expect(await runInProcess(['merge', first])).toEqual({
      code: 1,
      stdout: '',
      stderr: "merge: missing shard 2/2: no reports for 'b'\n",
    });
    expect((await runInProcess(['merge', first, first])).stderr).toBe(
      `merge: shard 1/2 is given twice: ${first} and ${first}\n`,
    );
    const plain = temp.write('plain.ndjson', await jsonRun([dir]));
    expect((await runInProcess(['merge', plain])).stderr).toBe(
      `merge: ${plain}: no shard line; merge reads the --json output of a run with --shard K/N\n`,
    );
  });

  it('has its own usage errors and help', async () => {
    const none = await runInProcess(['merge']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      'aver-bench: error: the following required arguments were not provided: <FILE>...\n\n' +
        "Usage: aver-bench merge FILE... [OPTIONS]\n\nFor more information, try 'aver-bench merge --help'.\n",
    );
    const help = await runInProcess(['merge', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: aver-bench merge FILE... [OPTIONS]');
  });
});

describe('aver-bench report', () => {
  it('writes a self-contained HTML page atomically with -o', async () => {
    const dir = scenarios(['a', 'b']);
    const run = temp.write('run.ndjson', await jsonRun([dir]));
    const out = path.join(temp.dir(), 'report.html');
    const result = await runInProcess(['report', run, '-o', out, '--title', 'Nightly <run>']);
    expect(result).toEqual({ code: 0, stdout: '', stderr: `Wrote report → ${out} (2 scenario(s))\n` });
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<title>Nightly &lt;run&gt;</title>');
    expect(html).toContain('<a href="#s-a-fake">a</a>');
  });

  it('prints Markdown (also to $GITHUB_STEP_SUMMARY) and BMF of saved results', async () => {
    const dir = scenarios(['a']);
    const run = temp.write('run.ndjson', await jsonRun([dir]));
    const summary = temp.write('summary.md', '');
    const markdown = await runInProcess(['report', run, '--format', 'markdown'], {
      env: { GITHUB_STEP_SUMMARY: summary },
    });
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain('| a | fake | 1.00ms | 1.00ms |');
    expect(readFileSync(summary, 'utf8')).toBe(`${markdown.stdout}\n`);
    const bmf = await runInProcess(['report', run, '--format', 'bmf']);
    expect(JSON.parse(bmf.stdout)).toEqual({
      a: { latency: { value: 1_000_000, lower_value: 1_000_000, upper_value: 1_000_000 } },
    });
  });

  it('names the file and line of bad input, and the file it cannot read', async () => {
    const bad = temp.write('bad.ndjson', '{"kind":"diff","scenario":"a"}\n');
    expect(await runInProcess(['report', bad])).toEqual({
      code: 1,
      stdout: '',
      stderr: `report: ${bad}:1: not a valid diff line: regressed: required key is missing\n`,
    });
    const missing = path.join(temp.dir(), 'nope.ndjson');
    const result = await runInProcess(['report', missing]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^report: cannot read '.*nope\.ndjson': No such file or directory/);
  });

  it('warns about lines of kinds it does not know, and keeps going', async () => {
    const dir = scenarios(['a']);
    const run = temp.write('run.ndjson', `${await jsonRun([dir])}{"kind":"later","x":1}\n`);
    const result = await runInProcess(['report', run, '--format', 'bmf']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `warning: report: ${run}:2: skipped a "later" line (not a kind this version reads: report, diff, failure, ab, shard)\n`,
    );
  });

  it('has its own usage errors and help', async () => {
    const none = await runInProcess(['report', '-o', 'x.html']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('the following required arguments were not provided: <INPUT>...');
    expect(none.stderr).toContain("For more information, try 'aver-bench report --help'.");
    const format = await runInProcess(['report', 'x', '--format', 'pdf']);
    expect(format.stderr).toContain(
      "invalid value 'pdf' for '--format <FORMAT>': expected one of html, markdown, bmf",
    );
    expect((await runInProcess(['report', '-h'])).stdout).toContain(
      'Usage: aver-bench report INPUT... [OPTIONS]',
    );
  });
});
