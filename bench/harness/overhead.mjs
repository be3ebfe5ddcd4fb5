#!/usr/bin/env node
// Measures the harness's own cost per timed iteration: the monotonic timer plus a fresh VM run of a trivial
// `main` and the rendering of its value, i.e. what every `aver bench` sample contains besides the program's work.
// Target: below 5 µs at p50. Run on demand after `pnpm build`:
//
//   node bench/harness/overhead.mjs [--iterations N]
//
// Prints four rows (timer alone, the same loop the vm target runs, and the real path through runScenario, in a
// worker (the default isolation) and inline) and exits 1 when either runScenario p50 is above the target. Then
// prints, for information, the fixed cost a scenario pays once: runScenario of a one-iteration run of the trivial
// program, inline (runtime already loaded) and in a worker (thread start, runtime import, compile, teardown).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { synthesizeAdHocManifest } from '../../packages/manifest/dist/index.js';
import { percentile, sortSamples } from '../../packages/report/dist/index.js';
import { runScenario } from '../../packages/runner/dist/index.js';
import { compileFile, displayValue, runProgram } from '../../packages/vm-runtime/dist/index.js';

const TARGET_P50_US = 5;
const STARTS = 20;
const { values } = parseArgs({ options: { iterations: { type: 'string', default: '100000' } } });
const iterations = Number(values.iterations);
if (!Number.isSafeInteger(iterations) || iterations < 1) {
  console.error(`overhead: --iterations must be a positive integer, got '${values.iterations}'`);
  process.exit(2);
}

const work = mkdtempSync(path.join(tmpdir(), 'aver-overhead-'));
const entry = path.join(work, 'trivial.av');
writeFileSync(entry, 'fn main() -> Int\n    0\n');

try {
  const compiled = compileFile(entry, { moduleRoot: work });
  if (!compiled.ok) throw new Error(`cannot compile the trivial program: ${compiled.message}`);
  const program = compiled.program;
  const runOptions = { args: [], console: 'silent' };

  const timerOnly = measure(() => {});
  const vmLoop = measure(() => displayValue(runProgram(program, runOptions).value));

  const manifest = synthesizeAdHocManifest(entry, { iterations, warmup: Math.min(iterations, 10_000) });
  const viaRunScenario = async (isolation) =>
    summarize((await runScenario(manifest, 'vm', { isolation })).samples_ms.map((ms) => ms * 1000));
  const worker = await viaRunScenario('worker');
  const inline = await viaRunScenario('inline');

  console.log(`harness overhead per iteration (${iterations} samples, µs; node ${process.version})`);
  console.log('                         p50      p95      mean');
  row('timer alone', timerOnly);
  row('timer + runProgram', vmLoop);
  row('runScenario (worker)', worker);
  row('runScenario (inline)', inline);
  const ok = worker.p50 < TARGET_P50_US && inline.p50 < TARGET_P50_US;
  console.log(`target: p50 < ${TARGET_P50_US} µs → ${ok ? 'ok' : 'ABOVE TARGET'}`);
  process.exitCode = ok ? 0 : 1;

  const once = synthesizeAdHocManifest(entry, { iterations: 1, warmup: 0 });
  const startMs = async (isolation) => {
    const samples = [];
    for (let run = 0; run < STARTS; run++) {
      const start = process.hrtime.bigint();
      await runScenario(once, 'vm', { isolation });
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return summarize(samples);
  };
  const startInline = await startMs('inline');
  const startWorker = await startMs('worker');
  console.log(`\nfixed cost per scenario (one-iteration trivial run, ${STARTS} runs, ms)`);
  console.log('                         p50      p95      mean');
  row('inline', startInline);
  row('worker', startWorker);
  console.log(`worker adds ≈ ${(startWorker.p50 - startInline.p50).toFixed(1)} ms per scenario (p50)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Times `body` like the vm target does: warm up, then one hrtime pair around each call. */
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

function summarize(samplesUs) {
  const sorted = sortSamples(samplesUs);
  const mean = samplesUs.reduce((sum, sample) => sum + sample, 0) / samplesUs.length;
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), mean };
}

function row(label, stats) {
  const cell = (value) => value.toFixed(3).padStart(8);
  console.log(`${label.padEnd(22)} ${cell(stats.p50)} ${cell(stats.p95)} ${cell(stats.mean)}`);
}
