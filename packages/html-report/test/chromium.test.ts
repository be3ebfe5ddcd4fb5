import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readResults } from '@aver/bench-results';
import {
  chromiumAvailable,
  drawAllCharts,
  type OpenedPage,
  openInChromium,
  paintedPixels,
} from '@aver/test-utils/chromium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../src/render-page.js';

/*
 * Opens a page made from the fixtures in Debian's headless Chromium and checks what a reader gets: no errors,
 * nothing loaded from the network, every chart painted, the numbers of the input on the page, the keyboard
 * path through a chart, and both colour schemes. The expected numbers below were worked out by hand from the
 * fixtures (nearest-rank percentiles of their samples; ratios of their p50s).
 */

const OUTPUT = fileURLToPath(new URL('../test-output/', import.meta.url));
const FIXTURES = ['run-1.ndjson', 'run-2.ndjson', 'reference.json', 'ab.ndjson', 'replicates.ndjson'];
/** The colours data is drawn in (axes, grid and labels use others). */
const DATA_COLOURS = [
  '--head',
  '--base',
  '--secondary',
  '--regression',
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `--series-${n}`),
];

function fixture(name: string) {
  const path = fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
  return readResults(readFileSync(path, 'utf8'), `test/fixtures/${name}`);
}

/** The text of every row of a table, cells trimmed, whitespace collapsed. */
async function rows(opened: OpenedPage, selector: string): Promise<string[][]> {
  return opened.page.$$eval(`${selector} tbody tr`, (trs) =>
    trs.map((tr) =>
      [...tr.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
    ),
  );
}

describe.skipIf(!chromiumAvailable)('the HTML report in headless Chromium (needs /usr/bin/chromium)', () => {
  const page = `${OUTPUT}report.html`;
  let light: OpenedPage;

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    writeFileSync(page, renderHtmlReport(FIXTURES.map(fixture)));
    light = await openInChromium(page);
    await light.page.waitForFunction(() => document.documentElement.dataset.charts !== undefined);
    await drawAllCharts(light.page);
  });

  afterAll(async () => {
    await light?.close();
  });

  it('draws without errors and asks the network for nothing', async () => {
    expect(await light.page.evaluate(() => document.documentElement.dataset.charts)).toBe('ready');
    expect(light.errors).toEqual([]);
    expect(light.requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    expect(await light.page.isHidden('#chart-error')).toBe(true);
    await light.page.screenshot({ path: `${OUTPUT}report-light.png`, fullPage: true });
  });

  it('draws charts as they come into view, not before', async () => {
    const fresh = await openInChromium(page, { height: 600 });
    try {
      await fresh.page.waitForFunction(() => document.documentElement.dataset.charts === 'ready');
      const drawn = await fresh.page.$$eval('canvas', (canvases) =>
        canvases.map((c) => c.dataset.rendered === 'true'),
      );
      expect(drawn[0]).toBe(true);
      expect(drawn.at(-1)).toBe(false);
    } finally {
      await fresh.close();
    }
  });

  it('paints every chart: the overview, four for fib and sort, the percentiles of countdown, two for walk', async () => {
    const painted = await paintedPixels(light.page, DATA_COLOURS);
    expect(Object.keys(painted)).toEqual([
      'history-overview',
      's-fib-vm-distribution',
      's-fib-vm-sequence',
      's-fib-vm-comparison',
      's-fib-vm-history',
      's-sort-vm-distribution',
      's-sort-vm-sequence',
      's-sort-vm-comparison',
      's-sort-vm-history',
      's-countdown-vm-distribution',
      's-walk-vm-distribution',
      's-walk-vm-sequence',
    ]);
    for (const [id, count] of Object.entries(painted)) expect(count, id).toBeGreaterThan(100);
    // The regressed point of fib's history is a red triangle; sort's history has none.
    const red = await paintedPixels(light.page, ['--regression']);
    expect(red['s-fib-vm-history']).toBeGreaterThan(20);
    expect(red['s-sort-vm-history']).toBe(0);
  });

  it('shows the numbers of the input in the summary', async () => {
    expect(await rows(light, 'table.summary')).toEqual([
      ['fib', 'vm', '150µs', '300µs', '5', '+36.4%', '—', 'regression'],
      ['sort', 'vm', '1.50ms', '1.60ms', '5', '-20.0%', '-25.0% to -15.0%', 'improvement'],
      ['countdown', 'vm', '7.07ms', '7.42ms', '—', '—', '—', '—'],
      ['walk', 'vm', '3.00ms', '6.00ms', '6', '—', '—', '—'],
    ]);
    expect(await rows(light, 'table.environment')).toEqual([
      ['#1 run-1.ndjson', 'linux/x86_64 (2 cpus)', 'vm: aver 0.1.0 (release)', '2'],
      ['#2 run-2.ndjson', 'linux/x86_64 (2 cpus)', 'vm: aver 0.1.0 (release)', '2'],
      ['#3 reference.json', 'linux/x86_64 (2 cpus)', 'vm: aver 0.1.0 (release)', '1'],
      ['#4 replicates.ndjson', 'linux/x86_64 (2 cpus)', 'vm: aver 0.1.0 (release)', '1'],
    ]);
    expect(await rows(light, 'table.regressions')).toEqual([
      ['fib', 'vm', '#2 run-2.ndjson', 'p50 +36.4% (limit +20%); p95 +130.8% (limit +30%)'],
    ]);
  });

  it("shows a scenario's statistics, comparison, counters and the data behind its charts", async () => {
    const facts = Object.fromEntries(
      (await rows(light, '#s-fib-vm table.facts')).map(([label, value]) => [label, value]),
    );
    expect(facts).toMatchObject({
      iterations: '5 (warm-up 1)',
      min: '100µs',
      p50: '150µs',
      p95: '300µs',
      max: '300µs',
      mean: '174µs',
      expected: 'MISMATCH',
      'base p50': '110µs',
      'head p50': '150µs',
      ratio: '×1.36',
      verdict: 'regression',
      instructions: '1,234,567',
      calls: '177',
    });
    expect(await rows(light, '#s-fib-vm-distribution-figure table')).toEqual([
      ['all samples', '5', '100µs', '150µs', '300µs', '300µs'],
    ]);
    expect(await rows(light, '#s-sort-vm-comparison-figure table')).toEqual([
      ['p50', '1.88ms', '1.50ms', '-20.0%'],
      ['p95', '2.00ms', '1.60ms', '-20.0%'],
    ]);
    expect(await light.page.textContent('#s-fib-vm ul.notes')).toBe(
      'counters.instructions changed: baseline=1200000 current=1234567 (+2.9%)',
    );
  });

  it('is usable from the keyboard: skip link first, then arrow keys through a chart', async () => {
    await light.page.keyboard.press('Tab');
    expect(await light.page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Skip to the scenarios',
    );
    await light.page.focus('#s-fib-vm-history');
    await light.page.keyboard.press('ArrowRight');
    await light.page.keyboard.press('ArrowRight');
    expect(await light.page.textContent('#s-fib-vm-history-live')).toBe(
      '#2 run-2.ndjson: p50: 150µs ▲ regression',
    );
    await light.page.keyboard.press('End');
    expect(await light.page.textContent('#s-fib-vm-history-live')).toBe('#2 run-2.ndjson: p95: 300µs');
    // A violin reads out its summary: fib's samples sorted are 100, 120, 150, 200, 300 µs.
    await light.page.focus('#s-fib-vm-distribution');
    await light.page.keyboard.press('ArrowRight');
    expect(await light.page.textContent('#s-fib-vm-distribution-live')).toMatch(
      /^all samples: median 150µs, quartiles \d+µs to \d+µs, range 100µs to 300µs$/,
    );
    expect(light.errors).toEqual([]);
  });

  it('follows a dark colour scheme, charts included', async () => {
    const dark = await openInChromium(page, { colorScheme: 'dark' });
    try {
      await dark.page.waitForFunction(() => document.documentElement.dataset.charts !== undefined);
      await drawAllCharts(dark.page);
      expect(dark.errors).toEqual([]);
      const colours = await dark.page.evaluate(() => ({
        background: getComputedStyle(document.body).backgroundColor,
        html: getComputedStyle(document.documentElement).backgroundColor,
        text: getComputedStyle(document.body).color,
      }));
      expect(colours.html).toBe('rgb(13, 17, 23)');
      expect(colours.text).toBe('rgb(230, 237, 243)');
      for (const [id, count] of Object.entries(await paintedPixels(dark.page)))
        expect(count, id).toBeGreaterThan(2000);
      await dark.page.screenshot({ path: `${OUTPUT}report-dark.png`, fullPage: true });
      // Switching the scheme of an open page redraws the charts in the other palette.
      await dark.page.emulateMedia({ colorScheme: 'light' });
      expect(await dark.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(
        'rgb(255, 255, 255)',
      );
      expect(dark.errors).toEqual([]);
    } finally {
      await dark.close();
    }
  });
});
