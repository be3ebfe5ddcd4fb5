import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseReports } from '@aver/bench-report';
import { useTempDir } from '@aver/test-utils';
import { chromiumAvailable, drawAllCharts, openInChromium } from '@aver/test-utils/chromium';
import { describe, expect, it } from 'vitest';
import { spawnCli } from './e2e-helpers.js';

/*
 * The CI flow of the README, spawned with the built command and the real `vm` target: a folder run in shards,
 * merged, summarised in Markdown and BMF, and rendered as an HTML page that Chromium opens.
 */

const temp = useTempDir('aver-e2e-reports-');

const PROGRAMS: Record<string, string> = {
  count:
    'fn count(n: Int, acc: Int) -> Int\n    match n\n        0 -> acc\n        _ -> count(n - 1, acc + 1)\n\nfn main() -> Int\n    count(200, 0)\n',
  fib: 'fn fib(n: Int) -> Int\n    match n\n        0 -> 0\n        1 -> 1\n        _ -> fib(n - 1) + fib(n - 2)\n\nfn main() -> Int\n    fib(12)\n',
  text: 'fn main() -> String\n    "hello"\n',
};

function folder(): string {
  for (const [name, program] of Object.entries(PROGRAMS)) {
    temp.write(`scenarios/${name}.av`, program);
    temp.write(`scenarios/${name}.toml`, `entry = "${name}.av"\niterations = 5\nwarmup = 1\n`);
  }
  return path.join(temp.dir(), 'scenarios');
}

describe('aver-bench end to end: shards, merge, summaries and the HTML report', () => {
  it('runs two shards, merges them into one run in scenario order, and renders it', async () => {
    const dir = folder();
    const outputs = [1, 2].map((index) => {
      const run = spawnCli([dir, '--shard', `${index}/2`, '--json']);
      expect(run.code).toBe(0);
      return temp.write(`shard-${index}.ndjson`, run.stdout);
    });
    expect(JSON.parse(readFileSync(outputs[0]!, 'utf8').split('\n')[0]!)).toMatchObject({
      kind: 'shard',
      index: 1,
      count: 2,
      scenarios: ['count', 'fib', 'text'],
      assigned: ['count', 'text'],
    });
    const merged = path.join(temp.dir(), 'merged.ndjson');
    const merge = spawnCli(['merge', outputs[1]!, outputs[0]!, '-o', merged]);
    expect(merge.code).toBe(0);
    expect(merge.stderr).toBe(`Merged 2 shard(s), 3 report(s) → ${merged}\n`);
    const reports = parseReports(readFileSync(merged, 'utf8'));
    expect(reports.map((report) => [report.scenario.name, report.response_bytes])).toEqual([
      ['count', 3],
      ['fib', 3],
      ['text', 5],
    ]);

    const page = path.join(temp.dir(), 'report.html');
    const report = spawnCli(['report', merged, '-o', page]);
    expect(report.code).toBe(0);
    expect(report.stderr).toBe(`Wrote report → ${page} (3 scenario(s))\n`);
    if (!chromiumAvailable) return;
    const opened = await openInChromium(page);
    try {
      await opened.page.waitForFunction(() => document.documentElement.dataset.charts !== undefined);
      expect((await drawAllCharts(opened.page)).length).toBeGreaterThan(3);
      expect(await opened.page.evaluate(() => document.documentElement.dataset.charts)).toBe('ready');
      expect(opened.errors).toEqual([]);
      const names = await opened.page.$$eval('table.summary tbody tr td:first-child', (cells) =>
        cells.map((cell) => cell.textContent),
      );
      expect(names).toEqual(['count', 'fib', 'text']);
    } finally {
      await opened.close();
    }
  });

  it('prints a Markdown summary, appends it to $GITHUB_STEP_SUMMARY, and prints BMF', () => {
    const dir = folder();
    const summary = temp.write('summary.md', '');
    const markdown = spawnCli([dir, '--format', 'markdown'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(markdown.code).toBe(0);
    expect(markdown.stderr).toBe('');
    const rows = markdown.stdout.split('\n').filter((line) => /^\| (count|fib|text) /.test(line));
    expect(rows.map((row) => row.split(' | ')[0])).toEqual(['| count', '| fib', '| text']);
    expect(readFileSync(summary, 'utf8')).toBe(`${markdown.stdout}\n`);

    const json = spawnCli([path.join(dir, 'fib.toml'), '--json']);
    const bmf = spawnCli([path.join(dir, 'fib.toml'), '--format', 'bmf']);
    expect(bmf.code).toBe(0);
    const parsed = JSON.parse(bmf.stdout);
    expect(Object.keys(parsed)).toEqual(['fib']);
    // The instruction count is exact, so two runs agree on it.
    expect(parsed.fib.instructions.value).toBe(JSON.parse(json.stdout).counters.instructions);
    const { value, lower_value, upper_value } = parsed.fib.latency;
    expect(lower_value <= value && value <= upper_value).toBe(true);
  });

  it('carries a scenario that timed out through shards, merge and summaries', () => {
    const dir = folder();
    temp.write(
      'scenarios/loop.av',
      'fn spin(n: Int) -> Int\n    spin(n + 1)\n\nfn main() -> Int\n    spin(0)\n',
    );
    temp.write('scenarios/loop.toml', 'entry = "loop.av"\niterations = 2\nwarmup = 0\ntimeout_ms = 500\n');
    // count, fib, loop, text: shard 2/2 has fib and text, shard 1/2 count and loop.
    const outputs = [1, 2].map((index) => {
      const run = spawnCli([dir, '--shard', `${index}/2`, '--json']);
      expect(run.code).toBe(index === 1 ? 1 : 0);
      return temp.write(`shard-${index}.ndjson`, run.stdout);
    });
    const merge = spawnCli(['merge', ...outputs]);
    expect(merge.code).toBe(0);
    const lines = merge.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.kind ?? line.scenario.name)).toEqual(['count', 'fib', 'failure', 'text']);
    expect(lines[2]).toEqual({
      kind: 'failure',
      scenario: 'loop',
      target: 'vm',
      error: 'timeout',
      message: 'timed out after 500 ms',
    });
    const merged = temp.write('merged.ndjson', merge.stdout);
    const markdown = spawnCli(['report', merged, '--format', 'markdown']);
    expect(markdown.stdout).toContain('4 scenarios · 1 failed · ');
    expect(markdown.stdout).toContain('| loop | vm | — | — | — | 💥 timeout: timed out after 500 ms |');
    const bmf = JSON.parse(spawnCli(['report', merged, '--format', 'bmf']).stdout);
    expect(Object.keys(bmf)).toEqual(['count', 'fib', 'text']);
  });

  it('keeps stdout clean for --json on a pipe: no progress', () => {
    const dir = folder();
    const run = spawnCli([dir, '--json'], { env: { CI: '' } });
    expect(run.stderr).toBe('');
    expect(parseReports(run.stdout)).toHaveLength(3);
  });
});
