#!/usr/bin/env node
// Measures how stable the VM is across fresh V8 isolates: for each workload, N fresh Node processes each compile the
// program once, run `warmup` untimed runs, then time `iterations` runs of runProgram + displayValue exactly as the
// bench's vm target does, and report their p50. The table shows, per workload, the median, min and max of those N
// p50s (the spread between isolates, which a single process cannot show) next to the reference Rust VM's p50.
// Build first (`pnpm build`). Usage:
//
//   node bench/vm/isolates.mjs [--isolates N] [--warmup W] [--iterations I] [--filter NAME] [--runtime DIST]
//                              [--node-flags "FLAGS"] [--json]
//
// `--runtime` points at another build's `dist` folder of @aver/vm-runtime; given more than once, the builds are
// measured interleaved (isolate 1 of each build, then isolate 2 of each, ...), so a change of machine load hits
// them alike, and the table has one row per workload and build. `--node-flags` passes V8 flags to every isolate
// (e.g. "--no-opt" or "--trace-deopt").
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { WORKLOADS } from './workloads.mjs';

const here = dirname(fileURLToPath(import.meta.url));

const { values } = parseArgs({
  options: {
    isolates: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    iterations: { type: 'string', default: '30' },
    filter: { type: 'string' },
    runtime: {
      type: 'string',
      multiple: true,
      default: [join(here, '..', '..', 'packages', 'vm-runtime', 'dist')],
    },
    'node-flags': { type: 'string', default: '' },
    json: { type: 'boolean', default: false },
    child: { type: 'string' },
  },
});

if (values.child !== undefined) {
  // One isolate: measure one workload and print its timed samples as JSON.
  const runtime = await import(pathToFileURL(join(resolve(values.runtime[0]), 'index.js')).href);
  const compiled = runtime.compileFile(values.child);
  if (!compiled.ok) throw new Error(`${values.child}: ${compiled.stage}: ${compiled.message}`);
  const options = { console: 'silent', args: [] };
  for (let run = 0; run < Number(values.warmup); run++) runtime.runProgram(compiled.program, options);
  const samples = [];
  for (let iteration = 0; iteration < Number(values.iterations); iteration++) {
    const start = process.hrtime.bigint();
    const text = runtime.displayValue(runtime.runProgram(compiled.program, options).value);
    const end = process.hrtime.bigint();
    samples.push(Number(end - start) / 1e6);
    if (text !== null) Buffer.byteLength(text, 'utf8');
  }
  process.stdout.write(JSON.stringify(samples));
  process.exit(0);
}

/** The nearest-rank p50 of the report (`iterations.p50_ms`). */
function p50(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * 0.5) - 1)];
}

const isolates = Number(values.isolates);
const nodeFlags = values['node-flags'].split(/\s+/).filter((flag) => flag !== '');
const runtimes = values.runtime;

/** The p50 of one fresh process measuring `workload` with the build at `runtime`. */
function measureIsolate(workload, runtime) {
  const child = spawnSync(
    process.execPath,
    [
      ...nodeFlags,
      fileURLToPath(import.meta.url),
      '--child',
      workload.file,
      '--runtime',
      runtime,
      '--warmup',
      values.warmup,
      '--iterations',
      values.iterations,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (child.status !== 0) {
    process.stderr.write(child.stderr);
    process.exit(1);
  }
  return p50(JSON.parse(child.stdout.slice(child.stdout.lastIndexOf('['))));
}

const rows = [];
for (const workload of WORKLOADS) {
  if (values.filter !== undefined && !workload.name.includes(values.filter)) continue;
  const p50s = runtimes.map(() => []);
  for (let isolate = 0; isolate < isolates; isolate++) {
    runtimes.forEach((runtime, index) => {
      p50s[index].push(measureIsolate(workload, runtime));
    });
  }
  runtimes.forEach((runtime, index) => {
    const sorted = [...p50s[index]].sort((a, b) => a - b);
    const median = sorted[Math.floor((sorted.length - 1) / 2)];
    rows.push({
      workload: workload.name,
      ...(runtimes.length > 1 ? { build: runtime } : {}),
      'median p50 ms': median.toFixed(4),
      'min ms': sorted[0].toFixed(4),
      'max ms': sorted[sorted.length - 1].toFixed(4),
      'max / min': (sorted[sorted.length - 1] / sorted[0]).toFixed(2),
      'reference ms': workload.referenceMs ?? '',
      'median / reference': workload.referenceMs === null ? '' : (median / workload.referenceMs).toFixed(2),
      p50s: values.json ? p50s[index] : undefined,
    });
  });
}
if (values.json) process.stdout.write(`${JSON.stringify(rows)}\n`);
else {
  console.log(
    `${isolates} fresh processes per workload and build, warmup ${values.warmup}, ${values.iterations} timed iterations each`,
  );
  console.table(rows.map(({ p50s: _omitted, ...row }) => row));
}
