#!/usr/bin/env node
// Times the VM on each workload class through the public API (compile once; then runProgram + displayValue per
// iteration, as the bench harness does) and prints our p50 next to the reference Rust VM's recorded p50: the same
// statistic on both sides. Build first: `pnpm --filter @aver/vm-runtime build`.
// Usage: node bench/vm/run.mjs [--iterations N] [--rounds R] [--filter NAME]
// Each workload runs R rounds of N timed iterations after a warmup, in one process. The p50 and p95 are the
// nearest-rank percentiles (as in the report) of all R x N samples; the spread is the lowest and highest p50 of
// the single rounds, so a neighbour's burst on a shared machine shows instead of being dropped. The spread between
// fresh processes is bench/vm/isolates.mjs's job.
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

/** The nearest-rank percentile of sorted samples, as the report computes `p50_ms` and `p95_ms`. */
function percentile(sorted, p) {
  return sorted[Math.max(0, Math.ceil(sorted.length * p) - 1)];
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
  const all = [];
  const roundP50s = [];
  for (let round = 0; round < rounds; round++) {
    const samples = [];
    for (let i = 0; i < iterations; i++) {
      const start = process.hrtime.bigint();
      shown = displayValue(runProgram(program, options).value);
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    all.push(...samples);
    samples.sort((a, b) => a - b);
    roundP50s.push(percentile(samples, 0.5));
  }
  all.sort((a, b) => a - b);
  roundP50s.sort((a, b) => a - b);
  const p50 = percentile(all, 0.5);
  const ratio = workload.referenceMs === null ? '' : (p50 / workload.referenceMs).toFixed(2);
  rows.push({
    workload: workload.name,
    'p50 ms': p50.toFixed(4),
    'p95 ms': percentile(all, 0.95).toFixed(4),
    'round p50s ms': `${roundP50s[0].toFixed(4)}–${roundP50s[roundP50s.length - 1].toFixed(4)}`,
    'reference p50 ms': workload.referenceMs ?? '',
    'p50 / reference p50': ratio,
    result: shown === null ? 'None' : shown.length > 24 ? `${shown.slice(0, 21)}...` : shown,
  });
}
console.log(
  `p50 and p95 over ${rounds} rounds x ${iterations} iterations (nearest rank), the range of the rounds' p50s, ` +
    "and the reference Rust VM's recorded p50: p50 against p50.",
);
console.table(rows);
