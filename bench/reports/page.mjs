#!/usr/bin/env node
// Measures the HTML report on a large input: how long `renderHtmlReport` takes and how big the page is, and, when
// Debian's Chromium is installed, how long the page takes to be ready in it (charts are drawn as they scroll into
// view) and to draw every chart. Run on demand after `pnpm build`:
//
//   node bench/reports/page.mjs [--scenarios N] [--runs N] [--repeats N]
//
// The input is synthetic: N scenarios of 30 samples each over R runs (files), the last one with a diff line per
// scenario. Prints the p50 and the spread (min–max) of every timing over the repeats.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { renderHtmlReport } from '../../packages/html-report/dist/index.js';
import { readResults } from '../../packages/results/dist/index.js';

const CHROMIUM = '/usr/bin/chromium';
const { values } = parseArgs({
  options: {
    scenarios: { type: 'string', default: '120' },
    runs: { type: 'string', default: '10' },
    repeats: { type: 'string', default: '5' },
  },
});
const [scenarios, runs, repeats] = [values.scenarios, values.runs, values.repeats].map(Number);
for (const [name, value] of Object.entries({ scenarios, runs, repeats })) {
  if (!Number.isSafeInteger(value) || value < 1) {
    console.error(`page: --${name} must be a positive integer`);
    process.exit(2);
  }
}

/** A deterministic sample set: a base time per scenario and run, with a small repeatable wobble. */
function samples(scenario, run) {
  const base = 0.05 * (1 + (scenario % 17)) * (1 + 0.02 * ((run * 7 + scenario) % 5));
  return Array.from({ length: 30 }, (_, index) => base * (1 + 0.1 * Math.sin(index * 1.7 + scenario)));
}

function report(scenario, run) {
  const values = samples(scenario, run);
  const sorted = [...values].sort((a, b) => a - b);
  const pick = (p) =>
    sorted[Math.min(Math.max(Math.ceil((p / 100) * sorted.length) - 1, 0), sorted.length - 1)];
  return {
    scenario: {
      name: `scenario_${scenario}`,
      entry: `s${scenario}.av`,
      target: 'vm',
      iterations_count: 30,
      warmup_count: 3,
    },
    backend: { name: 'vm', aver_version: '0.1.0', build: 'release', wasmtime_version: null },
    host: { os: 'linux', arch: 'x86_64', cpus: 2 },
    iterations: {
      min_ms: sorted[0],
      max_ms: sorted.at(-1),
      mean_ms: values.reduce((sum, value) => sum + value, 0) / values.length,
      p50_ms: pick(50),
      p95_ms: pick(95),
      p99_ms: pick(99),
    },
    response_bytes: 3,
    expected_match: null,
    passes_applied: ['tco'],
    compiler_visible_allocs: 0,
    response_sha256: null,
    samples_ms: values,
    counters: { instructions: 1000 + scenario, calls: 10, allocations: 0 },
  };
}

const texts = Array.from({ length: runs }, (_, run) =>
  Array.from({ length: scenarios }, (_, scenario) => JSON.stringify(report(scenario, run))).join('\n'),
);

function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${sorted[Math.floor((sorted.length - 1) / 2)].toFixed(0)} ms (${sorted[0].toFixed(0)}–${sorted.at(-1).toFixed(0)})`;
}

const renders = [];
let html = '';
for (let repeat = 0; repeat < repeats; repeat++) {
  const started = performance.now();
  html = renderHtmlReport(texts.map((text, run) => readResults(text, `run-${run + 1}.ndjson`)));
  renders.push(performance.now() - started);
}
const charts = (html.match(/<canvas /g) ?? []).length;
console.log(`input: ${scenarios} scenarios × ${runs} runs; page: ${html.length} bytes, ${charts} charts`);
console.log(`read + render: ${summary(renders)}`);

if (!existsSync(CHROMIUM)) {
  console.log(`chromium: not installed at ${CHROMIUM}; skipped`);
  process.exit(0);
}
// playwright-core is a dependency of the workspace's test utilities; resolve it from there.
const { chromium } = createRequire(new URL('../../packages/test-utils/package.json', import.meta.url))(
  'playwright-core',
);
const work = mkdtempSync(path.join(tmpdir(), 'aver-page-'));
const file = path.join(work, 'report.html');
writeFileSync(file, html);
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
  ],
});
const ready = [];
const allDrawn = [];
try {
  for (let repeat = 0; repeat < repeats; repeat++) {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const started = performance.now();
    await page.goto(`file://${file}`);
    await page.waitForFunction(() => document.documentElement.dataset.charts === 'ready');
    ready.push(performance.now() - started);
    const drawStart = performance.now();
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.waitForFunction(
      (count) => document.querySelectorAll('canvas[data-rendered]').length === count,
      charts,
    );
    allDrawn.push(performance.now() - drawStart);
    await page.close();
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
console.log(`chromium, page ready: ${summary(ready)}`);
console.log(`chromium, every chart drawn: ${summary(allDrawn)}`);
