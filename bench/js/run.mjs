#!/usr/bin/env node
// Compares, in one run, three ways of running each bench scenario: the bytecode VM (`vm`), the program compiled to
// JavaScript (`js`, @aver/bench-target-js) and a hand-written, program-shaped JavaScript version (`hand`, in
// ./handwritten: one JS function per Aver function, match as switch, the same algorithm, plain JS values). Each
// (scenario, variant) is measured in N fresh Node processes, interleaved (isolate 1 of every variant, then isolate
// 2, ...), so load on the machine hits the variants alike; each process warms up (at least `warmup` runs and
// 250 ms), times `iterations` runs (run +
// rendering of the response, as the bench does) and reports their p50. The three responses must agree.
// Build first (`pnpm build`). Usage:
//
//   node bench/js/run.mjs [--isolates N] [--warmup W] [--iterations I] [--filter NAME] [--json]
//
// The table shows, per scenario and variant, the median of the N p50s and their spread (min–max), the ratios
// js / hand and vm / js, and the geometric means of those ratios over the scenarios.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const scenariosDir = join(root, 'bench', 'scenarios');
const VARIANTS = ['vm', 'js', 'hand'];
const WARMUP_MS = 250;

const { values } = parseArgs({
  options: {
    isolates: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '100' },
    iterations: { type: 'string', default: '200' },
    filter: { type: 'string' },
    json: { type: 'boolean', default: false },
    child: { type: 'string' },
    variant: { type: 'string' },
  },
});

/** One isolate: measures one scenario with one variant and prints `{ samples, response }` as JSON. */
async function child(scenario, variant) {
  const file = join(scenariosDir, `${scenario}.av`);
  let runOnce;
  if (variant === 'hand') {
    const { main } = await import(pathToFileURL(join(here, 'handwritten', `${scenario}.mjs`)).href);
    runOnce = main;
  } else {
    const vm = await import(pathToFileURL(join(root, 'packages', 'vm-runtime', 'dist', 'index.js')).href);
    const options = { console: 'silent', args: [] };
    if (variant === 'vm') {
      const compiled = vm.compileFile(file);
      if (!compiled.ok) throw new Error(`${scenario}: ${compiled.message}`);
      runOnce = () => vm.displayValue(vm.runProgram(compiled.program, options).value);
    } else {
      const js = await import(pathToFileURL(join(root, 'packages', 'target-js', 'dist', 'index.js')).href);
      const compiled = js.compileJsFile(file);
      if (!compiled.ok) throw new Error(`${scenario}: ${compiled.message}`);
      runOnce = () => vm.displayValue(js.runJs(compiled.program, options).value);
    }
  }
  // Warm up for at least `warmup` runs and a quarter of a second, so that even a scenario of a few microseconds
  // reaches V8's optimising tier in every variant before it is timed.
  let response = null;
  const warmUntil = performance.now() + WARMUP_MS;
  for (let run = 0; run < Number(values.warmup) || performance.now() < warmUntil; run++) response = runOnce();
  const samples = [];
  for (let iteration = 0; iteration < Number(values.iterations); iteration++) {
    const start = process.hrtime.bigint();
    response = runOnce();
    const end = process.hrtime.bigint();
    samples.push(Number(end - start) / 1e6);
  }
  process.stdout.write(JSON.stringify({ samples, response }));
}

if (values.child !== undefined) {
  await child(values.child, values.variant);
  process.exit(0);
}

function p50(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * 0.5) - 1)];
}

function measure(scenario, variant) {
  const result = spawnSync(
    process.execPath,
    [
      fileURLToPath(import.meta.url),
      '--child',
      scenario,
      '--variant',
      variant,
      '--warmup',
      values.warmup,
      '--iterations',
      values.iterations,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0) {
    process.stderr.write(result.stderr);
    process.exit(1);
  }
  const { samples, response } = JSON.parse(result.stdout);
  return { p50: p50(samples), response };
}

const geometricMean = (ratios) =>
  Math.exp(ratios.reduce((sum, ratio) => sum + Math.log(ratio), 0) / ratios.length);
// Three significant digits below 0.1 ms (a run of `factorial` takes about 0.0001 ms).
const format = (ms) => (ms < 0.1 ? ms.toPrecision(3) : ms.toFixed(3));

const scenarios = readdirSync(scenariosDir)
  .filter((name) => name.endsWith('.av'))
  .map((name) => name.slice(0, -3))
  .filter((name) => values.filter === undefined || name.includes(values.filter));
const isolates = Number(values.isolates);
// The machine may be shared: the 1-minute load average before and after the run goes with the table.
const loadBefore = loadavg()[0];
const rows = [];
const jsOverHand = [];
const vmOverJs = [];
for (const scenario of scenarios) {
  const p50s = Object.fromEntries(VARIANTS.map((variant) => [variant, []]));
  const responses = new Set();
  for (let isolate = 0; isolate < isolates; isolate++) {
    for (const variant of VARIANTS) {
      const { p50: ms, response } = measure(scenario, variant);
      p50s[variant].push(ms);
      responses.add(JSON.stringify(response));
    }
  }
  if (responses.size !== 1) {
    console.error(`${scenario}: the variants disagree on the response: ${[...responses].join(' / ')}`);
    process.exit(1);
  }
  const row = { scenario };
  const median = {};
  for (const variant of VARIANTS) {
    const sorted = [...p50s[variant]].sort((a, b) => a - b);
    median[variant] = sorted[Math.floor((sorted.length - 1) / 2)];
    row[`${variant} p50 ms`] = format(median[variant]);
    row[`${variant} spread`] = `${format(sorted[0])}–${format(sorted[sorted.length - 1])}`;
  }
  row['js / hand'] = (median.js / median.hand).toFixed(2);
  row['vm / js'] = (median.vm / median.js).toFixed(1);
  jsOverHand.push(median.js / median.hand);
  vmOverJs.push(median.vm / median.js);
  rows.push(row);
}
const summary = {
  scenarios: rows.length,
  isolates,
  warmup: Number(values.warmup),
  iterations: Number(values.iterations),
  'geomean js / hand': geometricMean(jsOverHand).toFixed(2),
  'geomean vm / js': geometricMean(vmOverJs).toFixed(1),
  'load average (1 min) before': loadBefore.toFixed(2),
  'load average (1 min) after': loadavg()[0].toFixed(2),
  cpus: availableParallelism(),
};
if (values.json) process.stdout.write(`${JSON.stringify({ rows, summary })}\n`);
else {
  console.log(
    `${isolates} fresh processes per scenario and variant (interleaved), warmup ${values.warmup}, ${values.iterations} timed runs each; p50 = median over the processes of each process's p50`,
  );
  console.table(rows);
  console.log(
    `geometric mean over ${rows.length} scenarios: js / hand = ${summary['geomean js / hand']}, vm / js = ${summary['geomean vm / js']}`,
  );
  console.log(
    `1-minute load average ${summary['load average (1 min) before']} before, ${summary['load average (1 min) after']} after, on ${summary.cpus} CPUs`,
  );
}
