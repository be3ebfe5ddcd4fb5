import { readFileSync } from 'node:fs';
import { readResults } from '@aver/bench-results';
import { describe, expect, it } from 'vitest';
import { PAGE_DATA_ID } from './chart-spec.js';
import { buildPageModel } from './page-model.js';
import { renderHtmlReport, renderPage } from './render-page.js';

const fixture = (name: string) =>
  readResults(readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url), 'utf8'), name);

function dataOf(html: string): unknown {
  const start = html.indexOf(`<script type="application/json" id="${PAGE_DATA_ID}">`);
  const end = html.indexOf('</script>', start);
  return JSON.parse(html.slice(html.indexOf('>', start) + 1, end));
}

describe('renderHtmlReport', () => {
  it('writes one self-contained document: inline style and script, nothing to fetch', () => {
    const html = renderHtmlReport([fixture('run-1.ndjson')]);
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    const markup = html.replace(/<script>[\s\S]*<\/script>/, '<script></script>');
    expect(markup).not.toMatch(/<link\b|<img\b|<iframe\b|\bsrc=|@import|url\(|https?:/i);
    expect(html).toContain("default-src 'none'");
    // The bundle is inlined: Chart.js's licence header is in the page.
    expect(html).toContain('Chart.js v4.6.1');
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('keeps hostile names as text in the HTML and in the embedded data', () => {
    const hostile = '</script><img src=x onerror=alert(1)>';
    const line = readFileSync(new URL('../test/fixtures/run-1.ndjson', import.meta.url), 'utf8')
      .split('\n')[0]!
      .replace('"name":"fib"', `"name":${JSON.stringify(hostile)}`);
    const model = buildPageModel([readResults(line, 'x.ndjson')]);
    const html = renderPage(model, '/* script */');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html.split('</script>')).toHaveLength(3);
    expect(dataOf(html)).toEqual({
      charts: Object.fromEntries(model.scenarios[0]!.charts.map((c) => [c.id, c.spec])),
    });
  });

  it('writes a script that contains </script> so that it cannot end the element', () => {
    const html = renderPage(buildPageModel([fixture('run-1.ndjson')]), 'const s = "</script>";');
    expect(html).toContain('const s = "<\\/script>";');
  });
});

describe('buildPageModel', () => {
  it('has no history for one run, and a history with the regressed point for two', () => {
    expect(buildPageModel([fixture('run-1.ndjson')]).history).toBeNull();
    const model = buildPageModel([fixture('run-1.ndjson'), fixture('run-2.ndjson')]);
    expect(model.history?.regressions.map((item) => [item.scenario, item.run])).toEqual([
      ['fib', '#2 run-2.ndjson'],
    ]);
    expect(model.runs.map((run) => run.label)).toEqual(['#1 run-1.ndjson', '#2 run-2.ndjson']);
  });

  it('gives every scenario a unique id and the charts its data allows', () => {
    const model = buildPageModel([fixture('reference.json'), fixture('run-2.ndjson'), fixture('ab.ndjson')]);
    expect(model.scenarios.map((view) => [view.id, view.charts.map((chart) => chart.spec.kind)])).toEqual([
      ['s-countdown-vm', ['percentiles']],
      ['s-fib-vm', ['distribution', 'sequence', 'comparison']],
      ['s-sort-vm', ['distribution', 'sequence', 'comparison']],
    ]);
  });

  it("draws one violin per replicate, with each replicate's warm-up and steady-state test", () => {
    const [view] = buildPageModel([fixture('replicates.ndjson')]).scenarios;
    const [distribution, sequence] = view!.charts;
    expect(distribution!.spec).toEqual({
      kind: 'distribution',
      groups: [
        { label: 'replicate 1', role: 'head', samples: [1, 2, 3] },
        { label: 'replicate 2', role: 'head', samples: [6, 5, 4] },
      ],
    });
    expect(distribution!.table.rows).toEqual([
      ['replicate 1', '3', '1.00ms', '2.00ms', '3.00ms', '3.00ms', '1', 'too few samples to test'],
      [
        'replicate 2',
        '3',
        '4.00ms',
        '5.00ms',
        '6.00ms',
        '6.00ms',
        '1',
        'still getting faster (first third 1.50× the last)',
      ],
    ]);
    expect(distribution!.description).toBe(
      'Violin plot of 6 timed samples of walk in 2 replicates: p50 3.00ms, from 1.00ms to 6.00ms.',
    );
    expect(sequence!.table.headers).toEqual(['iteration', 'replicate 1', 'replicate 2']);
  });

  it('shows a failed scenario with its reason, and without charts', () => {
    const html = renderPage(buildPageModel([fixture('run-1.ndjson'), fixture('failure.ndjson')]), '');
    expect(html).toContain(
      '<h2 id="s-loop-vm-title">loop <span class="target">[vm]</span> <span class="verdict verdict-regression">failed</span></h2>',
    );
    expect(html).toContain('<p class="banner">Failed (timeout): timed out after 5000 ms (timeout_ms)</p>');
    expect(buildPageModel([fixture('failure.ndjson')]).scenarios[0]!.charts).toEqual([]);
  });

  it('lists skipped lines of unknown kinds as warnings', () => {
    const model = buildPageModel([readResults('{"kind":"future","scenario":"x"}\n', 'new.ndjson')]);
    expect(model.warnings).toEqual([
      'new.ndjson:1: skipped a "future" line (not a kind this version reads: report, diff, failure, ab, shard)',
    ]);
    expect(model.scenarios).toEqual([]);
  });
});
