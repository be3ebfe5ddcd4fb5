// Front-end speed: lines per second for lex, lex+parse and lex+parse+check, measured on the program of
// generate.mjs: the median of the runs and their spread. Needs a build first (`pnpm install` builds).
// Usage: node bench/frontend/run.mjs [--lines 50000] [--iterations 15]

import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateProgram } from './generate.mjs';

const dist = fileURLToPath(new URL('../../packages/vm-runtime/dist/', import.meta.url));

function parseArgs(argv) {
  const options = { lines: 50_000, iterations: 15 };
  for (let i = 0; i < argv.length - 1; i++) {
    if (argv[i] === '--lines') options.lines = Number(argv[++i]);
    else if (argv[i] === '--iterations') options.iterations = Number(argv[++i]);
  }
  return options;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs `task` a few times to warm up, then `iterations` times; returns the wall times in ms. */
function measure(task, iterations) {
  for (let i = 0; i < 3; i++) task();
  const times = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    task();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times;
}

const rate = (lines, ms) => Math.round((lines / ms) * 1000).toLocaleString('en-US');

/** Prints the median (the headline figure) and the spread of the runs (slowest and fastest rate). */
function report(label, lines, times) {
  const middle = median(times);
  const slowest = Math.max(...times);
  const fastest = Math.min(...times);
  console.log(
    `${label.padEnd(20)} median ${middle.toFixed(1).padStart(7)} ms ${rate(lines, middle).padStart(10)} lines/s` +
      `   spread ${rate(lines, slowest)}–${rate(lines, fastest)} lines/s`,
  );
}

async function importDist(relative) {
  const path = `${dist}${relative}`;
  return existsSync(path) ? import(pathToFileURL(path).href) : null;
}

const options = parseArgs(process.argv.slice(2));
const lexer = await importDist('lexer.js');
const parser = await importDist('parser.js');
if (lexer === null || parser === null) {
  console.error(`No build found in ${dist}; run \`pnpm install\` (it builds) first.`);
  process.exit(1);
}

const text = generateProgram({ lines: options.lines });
const lines = text.split('\n').length;
const sample = parser.parseSource(text, 'generated.av');
console.log(
  `program: ${lines.toLocaleString('en-US')} lines, ${sample.file.items.length} items, ` +
    `${sample.diagnostics.length} syntax diagnostics; median of ${options.iterations} runs`,
);
if (sample.diagnostics.length > 0) console.log(`  first: ${sample.diagnostics[0].message}`);

report(
  'lex',
  lines,
  measure(() => lexer.tokenize(text), options.iterations),
);
report(
  'lex + parse',
  lines,
  measure(() => parser.parseSource(text, 'generated.av'), options.iterations),
);

const checker = await importDist('checker/index.js');
const program = () => {
  const { file, diagnostics } = parser.parseSource(text, 'generated.av');
  return { entry: file, modules: new Map(), order: [], diagnostics };
};
const checked = checker.checkProgram(program());
console.log(
  `checker: ${checked.diagnostics.length} diagnostics` +
    (checked.diagnostics.length > 0 ? ` (first: ${checked.diagnostics[0].message})` : ''),
);
report(
  'lex + parse + check',
  lines,
  measure(() => checker.checkProgram(program()), options.iterations),
);
