#!/usr/bin/env node
// Fuzzes the language tools and the harness with mutants of the corpus, the test programs and the manifests, in
// process (public APIs) and through the real commands, and reports crashes, hangs and wrong exit codes. The same
// seed and options always give the same inputs. Build first (`pnpm install` builds). See bench/README.md, "Fuzzing".
// Usage: node bench/fuzz/run.mjs [--budget N] [--seed S] [--out DIR] [--command-fraction F] [--only I]
//          [--hang-ms MS] [--command-hang-ms MS] [--command-jobs N] [--workers N] [--max-per-signature N] [--max-seconds S] [--quiet]
// Exit: 0 no finding, 1 findings (reproducers in --out), 2 bad command line.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Recorder, writeAtomic } from './findings.mjs';
import { loadSeeds, REPO_ROOT, sharedCorpusDir } from './seeds.mjs';
import { summarize } from './summary.mjs';
import { supervise } from './supervisor.mjs';

const USAGE =
  'usage: node bench/fuzz/run.mjs [--budget N] [--seed S] [--out DIR] [--command-fraction F] [--only I] ' +
  '[--hang-ms MS] [--command-hang-ms MS] [--command-jobs N] [--workers N] [--max-per-signature N] [--max-seconds S] [--quiet]';

function fail(message) {
  console.error(`fuzz: ${message}\n${USAGE}`);
  process.exit(2);
}

function parseOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        budget: { type: 'string', default: '10000' },
        seed: { type: 'string', default: '1' },
        out: { type: 'string', default: path.join(REPO_ROOT, 'bench/fuzz/findings') },
        'command-fraction': { type: 'string', default: '0.01' },
        only: { type: 'string' },
        'hang-ms': { type: 'string', default: '10000' },
        'command-hang-ms': { type: 'string', default: '30000' },
        'command-jobs': { type: 'string', default: '1' },
        workers: { type: 'string', default: '1' },
        'max-per-signature': { type: 'string', default: '5' },
        'max-seconds': { type: 'string' },
        quiet: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    fail(error.message);
  }
  const integer = (name, min) => {
    const value = Number(values[name]);
    if (!Number.isSafeInteger(value) || value < min)
      fail(`--${name} must be an integer ≥ ${min}, got '${values[name]}'`);
    return value;
  };
  const fraction = Number(values['command-fraction']);
  if (!(fraction >= 0 && fraction <= 1))
    fail(`--command-fraction must be in [0, 1], got '${values['command-fraction']}'`);
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(seed) || seed < -0x80000000 || seed > 0xffffffff) {
    fail(`--seed must be a 32-bit integer, got '${values.seed}'`);
  }
  return {
    budget: integer('budget', 1),
    seed,
    outDir: path.resolve(values.out),
    commandFraction: fraction,
    only: values.only === undefined ? null : integer('only', 0),
    hangMs: integer('hang-ms', 1000),
    commandHangMs: integer('command-hang-ms', 1000),
    commandConcurrency: integer('command-jobs', 1),
    workers: integer('workers', 1),
    maxPerSignature: integer('max-per-signature', 1),
    maxSeconds: values['max-seconds'] === undefined ? null : integer('max-seconds', 1),
    quiet: values.quiet,
  };
}

const options = parseOptions();
const seeds = loadSeeds();
if (seeds.corpusDir === null) {
  console.error(
    `fuzz: note: shared corpus not found at ${sharedCorpusDir()} (set AVER_SHARED_DIR); fuzzing the repository's programs only`,
  );
}
// Reproducers of an earlier run in the same folder would mix with this run's: clear the folder when an earlier run
// wrote it (it holds summary.json), and refuse any other folder that is not empty.
if (existsSync(options.outDir) && readdirSync(options.outDir).length > 0) {
  if (!existsSync(path.join(options.outDir, 'summary.json'))) {
    fail(
      `--out ${options.outDir} is not empty and holds no summary.json of an earlier fuzz run; give an empty folder`,
    );
  }
  rmSync(options.outDir, { recursive: true, force: true });
}
const recorder = new Recorder(options);
const started = performance.now();
let progress = null;
if (!options.quiet) {
  progress = setInterval(() => {
    const seconds = (performance.now() - started) / 1000;
    console.error(
      `fuzz: ${recorder.total.toLocaleString('en-US')}/${options.budget.toLocaleString('en-US')} inputs, ` +
        `${(recorder.total / seconds).toFixed(0)}/s, ${recorder.findings} findings`,
    );
  }, 10_000);
}
// A time budget, Ctrl-C or SIGTERM stops drawing inputs; those drawn finish, and the summary says how far the run got.
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    interrupted = true;
  });
}
const deadline = options.maxSeconds === null ? Number.POSITIVE_INFINITY : started + options.maxSeconds * 1000;
const { drawn } = await supervise({
  ...options,
  tmpDir: tmpdir(),
  seeds,
  onResult: (input, result) => recorder.record(input, result),
  shouldStop: () => interrupted || performance.now() > deadline,
});
if (progress !== null) clearInterval(progress);
const { text, json } = summarize(recorder, performance.now() - started);
Object.assign(json, {
  seed: options.seed,
  budget: options.budget,
  drawn,
  command_fraction: options.commandFraction,
  workers: options.workers,
});
console.log(
  `fuzz: seed ${options.seed}, ${seeds.programs.length} programs and ${seeds.manifests.length} manifests as seeds, ` +
    `${(options.commandFraction * 100).toFixed(2)} % of inputs through the commands`,
);
if (drawn < options.budget && options.only === null) {
  const why = interrupted ? 'interrupted' : `--max-seconds ${options.maxSeconds} reached`;
  console.log(
    `stopped early (${why}): ${drawn.toLocaleString('en-US')} of ${options.budget.toLocaleString('en-US')} inputs`,
  );
}
console.log(text);
writeAtomic(path.join(options.outDir, 'summary.json'), `${JSON.stringify(json, null, 2)}\n`);
if (recorder.findings > 0)
  console.log(`reproducers in ${path.relative(process.cwd(), options.outDir) || '.'}`);
process.exitCode = recorder.findings > 0 ? 1 : 0;
