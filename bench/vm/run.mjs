#!/usr/bin/env node
// Times the VM on each workload class through the public API (compile once; then runProgram + displayValue per
// iteration, as the bench harness does) and prints p50s next to the reference Rust VM's. Build first:
// `pnpm --filter @aver/vm-runtime build`. Usage: node bench/vm/run.mjs [--iterations N] [--rounds R] [--filter NAME]
// Each workload runs R rounds of N timed iterations after a warmup; the reported p50/p95 come from the round with the
// lowest p50, so a neighbour's burst on a shared machine does not count against the VM.
import { parseArgs } from 'node:util';
import { compileFile, displayValue, runProgram } from '../../packages/vm-runtime/dist/index.js';
import { WORKLOADS } from './workloads.mjs';

const { values } = parseArgs({
  options: {
    iterations: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '5' },
    filter: { type: 'string' },
  },
});
const iterations = Number(values.iterations);
const rounds = Number(values.rounds);

function percentile(sorted, p) {
  const rank = (sorted.length - 1) * p;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

const rows = [];
for (const workload of WORKLOADS) {
  if (values.filter !== undefined && !workload.name.includes(values.filter)) continue;
  const compiled = compileFile(workload.file);
  if (!compiled.ok) {
    console.error(`${workload.name}: ${compiled.stage}: ${compiled.message}`);
    process.exitCode = 1;
    continue;
  }
  const program = compiled.program;
  const options = { console: 'silent' };
  let shown = null;
  for (let i = 0; i < Math.max(20, iterations / 5); i++)
    shown = displayValue(runProgram(program, options).value);
  let best = null;
  for (let round = 0; round < rounds; round++) {
    const samples = [];
    for (let i = 0; i < iterations; i++) {
      const start = process.hrtime.bigint();
      shown = displayValue(runProgram(program, options).value);
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    samples.sort((a, b) => a - b);
    const p50 = percentile(samples, 0.5);
    if (best === null || p50 < best.p50) best = { p50, p95: percentile(samples, 0.95) };
  }
  const { p50, p95 } = best;
  const ratio = workload.referenceMs === null ? '' : (p50 / workload.referenceMs).toFixed(2);
  rows.push({
    workload: workload.name,
    'p50 ms': p50.toFixed(4),
    'p95 ms': p95.toFixed(4),
    'reference ms': workload.referenceMs ?? '',
    'ours / reference': ratio,
    result: shown === null ? 'None' : shown.length > 24 ? `${shown.slice(0, 21)}...` : shown,
  });
}
console.table(rows);
