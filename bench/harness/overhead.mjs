#!/usr/bin/env node
// Measures the harness's own costs. Run on demand after `pnpm build`:
//
//   node bench/harness/overhead.mjs [--iterations N] [--isolates N] [--target vm,js]
//
// Every target named by --target (default: vm and js) is measured the same way.
// 1. Per timed iteration: the monotonic timer plus a fresh run of a trivial `main` and the rendering of its
//    value, i.e. what every sample contains besides the program's work. Rows: timer alone, the same loop the
//    vm target runs, and per target the real path through runScenario in a worker (the default isolation) and
//    inline. Target: p50 below 5 µs.
// 2. Per fresh isolate: what one replicate of a one-iteration run of the trivial program costs end to end
//    (runScenario wall time: isolate start, target import, compile, run, teardown), p50 and spread over
//    `--isolates` isolates (default 30), with the CPU time the process spent on it (all threads; less sensitive to
//    a busy machine than wall time). Rows: the floor (a worker whose entry does nothing, CommonJS and ES module),
//    the first isolate of a process (no code cache yet; one fresh Node process per sample), later isolates (with
//    the code cache), and isolation 'process', per target. Then, per target, where a worker isolate's own time goes.
//    Target: worker isolates with the code cache at p50 ≤ 30 ms, for every target.
//
// Exits 1 when a target is missed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { synthesizeAdHocManifest } from '../../packages/manifest/dist/index.js';
import { percentile, sortSamples } from '../../packages/report/dist/index.js';
import { createTargetJob, runScenario, vmTarget } from '../../packages/runner/dist/index.js';
import { jsTarget } from '../../packages/target-js/dist/index.js';
import { compileFile, displayValue, runProgram } from '../../packages/vm-runtime/dist/index.js';

const TARGET_P50_US = 5;
const TARGET_ISOLATE_MS = 30;
const { values } = parseArgs({
  options: {
    iterations: { type: 'string', default: '100000' },
    isolates: { type: 'string', default: '30' },
    target: { type: 'string', default: 'vm,js' },
    'first-isolate': { type: 'string' },
  },
});
const TARGETS = { vm: vmTarget, js: jsTarget };
const targets = values.target.split(',').map((name) => {
  const runner = TARGETS[name];
  if (runner === undefined) {
    console.error(`overhead: --target: unknown target '${name}' (known: ${Object.keys(TARGETS).join(', ')})`);
    process.exit(2);
  }
  return runner;
});
const iterations = positive('iterations');
const isolates = positive('isolates');

const work = mkdtempSync(path.join(tmpdir(), 'aver-overhead-'));
const entry = path.join(work, 'trivial.av');
writeFileSync(entry, 'fn main() -> Int\n    0\n');
const once = synthesizeAdHocManifest(entry, { iterations: 1, warmup: 0 });

try {
  if (values['first-isolate'] !== undefined) {
    // Child mode: one fresh process, one replicate, no code cache yet. Prints wall and CPU ms.
    const [wall, cpu] = await timed(() => runScenario(once, targets[0], { isolation: values['first-isolate'] }));
    console.log(JSON.stringify({ wall, cpu }));
  } else {
    const iterationOk = await perIteration();
    const isolateOk = await perIsolate();
    const ok = iterationOk && isolateOk;
    process.exitCode = ok ? 0 : 1;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

function positive(name) {
  const value = Number(values[name]);
  if (!Number.isSafeInteger(value) || value < 1) {
    console.error(`overhead: --${name} must be a positive integer, got '${values[name]}'`);
    process.exit(2);
  }
  return value;
}

async function perIteration() {
  const compiled = compileFile(entry, { moduleRoot: work });
  if (!compiled.ok) throw new Error(`cannot compile the trivial program: ${compiled.message}`);
  const program = compiled.program;
  const runOptions = { args: [], console: 'silent' };
  const timerOnly = measure(() => {});
  const vmLoop = measure(() => displayValue(runProgram(program, runOptions).value));
  const manifest = synthesizeAdHocManifest(entry, { iterations, warmup: Math.min(iterations, 10_000) });
  const viaRunScenario = async (target, isolation) =>
    summarize((await runScenario(manifest, target, { isolation })).samples_ms.map((ms) => ms * 1000));
  const viaTargets = [];
  for (const target of targets) {
    viaTargets.push([target.name, await viaRunScenario(target, 'worker'), await viaRunScenario(target, 'inline')]);
  }
  console.log(`harness overhead per iteration (${iterations} samples, µs; node ${process.version})`);
  console.log('                                  p50      p95     mean');
  const row = (label, stats) => console.log(`${label.padEnd(30)} ${cells(stats.p50, stats.p95, stats.mean)}`);
  row('timer alone', timerOnly);
  row('timer + runProgram', vmLoop);
  for (const [name, worker, inline] of viaTargets) {
    row(`${name}: runScenario (worker)`, worker);
    row(`${name}: runScenario (inline)`, inline);
  }
  const ok = viaTargets.every(([, worker, inline]) => worker.p50 < TARGET_P50_US && inline.p50 < TARGET_P50_US);
  console.log(`target: p50 < ${TARGET_P50_US} µs → ${ok ? 'ok' : 'ABOVE TARGET'}`);
  return ok;
}

async function perIsolate() {
  const floorCjs = await repeat(() => emptyWorker('cjs'));
  const floorEsm = await repeat(() => emptyWorker('mjs'));
  const perTarget = [];
  for (const target of targets) {
    const firstWorker = firstIsolates('worker', target.name);
    await runScenario(once, target); // the first isolate of this process hands the code cache to the next ones
    const worker = await repeat(() => runScenario(once, target));
    const inline = await repeat(() => runScenario(once, target, { isolation: 'inline' }));
    const child = await repeat(() => runScenario(once, target, { isolation: 'process' }));
    perTarget.push({ name: target.name, firstWorker, worker, inline, child });
  }
  console.log(
    `\nfixed cost per fresh isolate (one-iteration trivial run, ${isolates} isolates each, ms; wall time, ` +
      'then CPU time of all threads)',
  );
  console.log('                                  p50      p10      p90      min      max  cpu p50');
  const row = (label, [wall, cpu]) =>
    console.log(
      `${label.padEnd(30)} ${cells(wall.p50, wall.p10, wall.p90, wall.min, wall.max)} ${cpu === null ? '       –' : cells(cpu.p50)}`,
    );
  row('empty worker, CommonJS entry', floorCjs);
  row('empty worker, ES module entry', floorEsm);
  for (const { name, firstWorker, worker, inline, child } of perTarget) {
    row(`${name}: worker, first of a process`, firstWorker);
    row(`${name}: worker (with code cache)`, worker);
    row(`${name}: inline (runtime loaded)`, inline);
    // A child process's CPU time is not this process's: only wall time is comparable there.
    row(`${name}: process`, [child[0], null]);
  }
  for (const target of targets) await breakdown(target);
  let ok = true;
  for (const { name, worker } of perTarget) {
    const met = worker[0].p50 <= TARGET_ISOLATE_MS;
    ok &&= met;
    console.log(`target: ${name} worker p50 ≤ ${TARGET_ISOLATE_MS} ms → ${met ? 'ok' : 'ABOVE TARGET'}`);
  }
  return ok;
}

/**
 * Where a worker isolate's own time goes after the thread started, timed inside it with the target's real
 * bundle (its `moduleUrl`) and a code cache from an earlier isolate (as the runner hands them on): taking the
 * bundle's text, compiling it (deserialising the cache), running its top level, `prepare` (the runtime's first use
 * and the first compile of the program, both cold), and one `runOnce`.
 */
async function breakdown(target) {
  if (!target.moduleUrl.endsWith('.cjs')) throw new Error(`${target.name}: moduleUrl is not a .cjs bundle`);
  const bundle = fileURLToPath(target.moduleUrl);
  const steps = path.join(work, 'steps.cjs');
  writeFileSync(
    steps,
    `const { parentPort, workerData } = require('node:worker_threads');
const vm = require('node:vm');
const { createRequire } = require('node:module');
const marks = [performance.now()];
const source = workerData.source;
marks.push(performance.now());
const script = new vm.Script('(function (exports, require, module, __filename, __dirname) {' + source + '\\n})', {
  filename: workerData.bundle,
  ...(workerData.cache === null ? {} : { cachedData: workerData.cache }),
});
marks.push(performance.now());
const loaded = { exports: {} };
script.runInThisContext().call(loaded.exports, loaded.exports, createRequire(workerData.bundle), loaded, workerData.bundle, ".");
marks.push(performance.now());
Promise.resolve(loaded.exports.target.prepare(workerData.job)).then((prepared) => {
  marks.push(performance.now());
  prepared.runOnce();
  marks.push(performance.now());
  const cache = workerData.cache === null ? script.createCachedData() : null;
  parentPort.postMessage({ steps: marks.slice(1).map((mark, index) => mark - marks[index]), cache });
});
`,
  );
  const job = createTargetJob(once);
  const source = readFileSync(bundle, 'utf8'); // read once by the caller, as the runner does
  const inWorker = async (cache) => {
    const worker = new Worker(steps, {
      workerData: { bundle, source, cache, job },
      stdout: true,
      stderr: true,
    });
    const reply = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    return reply;
  };
  const { cache } = await inWorker(null);
  const rows = [];
  for (let run = 0; run < isolates; run++) rows.push((await inWorker(cache)).steps);
  const labels = [
    'receive the bundle text',
    'compile it (code cache)',
    'run its top level',
    'prepare (cold)',
    'runOnce',
  ];
  console.log(`\n${target.name}: inside a worker isolate with the code cache (${isolates} isolates, wall ms)`);
  console.log('                                  p50      p10      p90');
  labels.forEach((label, index) => {
    const stats = summarize(rows.map((row) => row[index]));
    console.log(`${label.padEnd(30)} ${cells(stats.p50, stats.p10, stats.p90)}`);
  });
}

/** Wall and CPU statistics of `isolates` sequential calls. */
async function repeat(body) {
  const walls = [];
  const cpus = [];
  for (let run = 0; run < isolates; run++) {
    const [wall, cpu] = await timed(body);
    walls.push(wall);
    cpus.push(cpu);
  }
  return [summarize(walls), summarize(cpus)];
}

/** The floor: a worker thread whose entry only replies. */
async function emptyWorker(extension) {
  const file = path.join(work, `empty.${extension}`);
  writeFileSync(
    file,
    extension === 'cjs'
      ? "require('node:worker_threads').parentPort.postMessage(0);\n"
      : "import { parentPort } from 'node:worker_threads';\nparentPort.postMessage(0);\n",
  );
  const worker = new Worker(file, { stdout: true, stderr: true });
  await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
}

/** The first isolate of a process (no code cache yet): one fresh Node process per sample, timed inside it. */
function firstIsolates(isolation, targetName) {
  const walls = [];
  const cpus = [];
  const script = fileURLToPath(import.meta.url);
  for (let run = 0; run < isolates; run++) {
    const child = spawnSync(process.execPath, [script, '--first-isolate', isolation, '--target', targetName], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`first-isolate child failed: ${child.stderr}`);
    const { wall, cpu } = JSON.parse(child.stdout);
    walls.push(wall);
    cpus.push(cpu);
  }
  return [summarize(walls), summarize(cpus)];
}

function cells(...numbers) {
  return numbers.map((value) => value.toFixed(3).padStart(8)).join(' ');
}

/** Times `body` like the protocol does: warm up, then one hrtime pair around each call. */
function measure(body) {
  for (let warm = 0; warm < Math.min(iterations, 10_000); warm++) body();
  const samplesUs = new Array(iterations);
  for (let index = 0; index < iterations; index++) {
    const start = process.hrtime.bigint();
    body();
    samplesUs[index] = Number(process.hrtime.bigint() - start) / 1000;
  }
  return summarize(samplesUs);
}

/** Wall and CPU (all threads of this process) milliseconds of an async call. */
async function timed(body) {
  const cpuBefore = process.cpuUsage();
  const start = process.hrtime.bigint();
  await body();
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpuBefore);
  return [wall, (cpu.user + cpu.system) / 1000];
}

function summarize(samples) {
  const sorted = sortSamples(samples);
  const mean = samples.reduce((sum, sample) => sum + sample, 0) / samples.length;
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p10: percentile(sorted, 10),
    p90: percentile(sorted, 90),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    mean,
  };
}
