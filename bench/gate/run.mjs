// Measures the statistical gate of `aver-bench ab` on this machine: the A/A false-alarm rate and the detection
// rate of injected slowdowns (scenario variants that do 5 %, 10 % and 20 % more work). Run after `pnpm install`:
//
//   node bench/gate/run.mjs [--aa-rounds N] [--detect-rounds N] [--replicates N]
//
// Each round is one `aver-bench ab BASE HEAD --json --fail-on-regression` over a folder of four scenarios
// (confirmation on, as in CI); A/A compares the base folder with itself. Prints a table; progress goes to stderr.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'packages/cli/dist/main.js');
const { values } = parseArgs({
  options: {
    'aa-rounds': { type: 'string', default: '75' },
    'detect-rounds': { type: 'string', default: '10' },
    replicates: { type: 'string', default: '10' },
  },
});
const aaRounds = Number(values['aa-rounds']);
const detectRounds = Number(values['detect-rounds']);
const replicates = Number(values.replicates);

/** Workloads whose work is linear in N; the variants scale N. */
const WORKLOADS = {
  loop: (n) => `module Gate
    intent = "Self tail call loop."

fn countdown(n: Int) -> Int
    ? "Counts down."
    match n
        0 -> 0
        _ -> countdown(n - 1)

fn main() -> Int
    countdown(${n})
`,
  record: (n) => `module Gate
    intent = "Build and read records."

record Point
    x: Int
    y: Int

fn step(n: Int) -> Int
    ? "Builds a point and reads it."
    p = Point(x = n, y = n + 1)
    p.x + p.y

fn loop(n: Int, acc: Int) -> Int
    ? "Accumulates."
    match n
        0 -> acc
        _ -> loop(n - 1, acc + step(n))

fn main() -> Int
    loop(${n}, 0)
`,
  dispatch: (n) => `module Gate
    intent = "Match on a sum type."

type Shape
    Circle(Int)
    Square(Int)

fn area(s: Shape) -> Int
    ? "Dispatches."
    match s
        Shape.Circle(r) -> 3 * r * r
        Shape.Square(a) -> a * a

fn shape(n: Int) -> Shape
    ? "A circle for even n, else a square."
    match n - (n / 2) * 2
        0 -> Shape.Circle(3)
        _ -> Shape.Square(4)

fn loop(n: Int, acc: Int) -> Int
    ? "Alternates shapes."
    match n
        0 -> acc
        _ -> loop(n - 1, acc + area(shape(n)))

fn main() -> Int
    loop(${n}, 0)
`,
  calls: (n) => `module Gate
    intent = "Non-tail calls in a loop."

fn twice(x: Int) -> Int
    ? "Calls."
    x + x

fn loop(n: Int, acc: Int) -> Int
    ? "Accumulates."
    match n
        0 -> acc
        _ -> loop(n - 1, acc + twice(n - 7))

fn main() -> Int
    loop(${n}, 0)
`,
};
const SIZES = { loop: 20000, record: 12000, dispatch: 10000, calls: 15000 };

function writeFolder(dir, factor) {
  mkdirSync(dir, { recursive: true });
  for (const [name, program] of Object.entries(WORKLOADS)) {
    writeFileSync(path.join(dir, `${name}.av`), program(Math.round(SIZES[name] * factor)));
    writeFileSync(
      path.join(dir, `${name}.toml`),
      `name = "${name}"\nentry = "${name}.av"\niterations = 20\nwarmup = 30\n\n[tolerance]\nwall_time_effect_pct = 5.0\n`,
    );
  }
}

const work = mkdtempSync(path.join(tmpdir(), 'aver-gate-'));
writeFolder(path.join(work, 'base'), 1);
for (const pct of [5, 10, 20]) writeFolder(path.join(work, `slow${pct}`), 1 + pct / 100);

function round(head) {
  let out;
  try {
    out = execFileSync(
      process.execPath,
      [
        cli,
        'ab',
        path.join(work, 'base'),
        path.join(work, head),
        '--json',
        '--fail-on-regression',
        '--replicates',
        String(replicates),
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 26 },
    );
  } catch (error) {
    if (error.status !== 1) throw error;
    out = error.stdout;
  }
  return out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

const loads = [];
const tally = new Map();
function run(label, head, rounds) {
  const entry = {
    label,
    n: 0,
    regression: 0,
    firstRegression: 0,
    inconclusive: 0,
    improvement: 0,
    confirmed: 0,
    byScenario: new Map(),
  };
  for (let at = 0; at < rounds; at++) {
    loads.push(loadavg()[0]);
    for (const line of round(head)) {
      entry.n++;
      const counts = entry.byScenario.get(line.scenario) ?? { n: 0, regression: 0 };
      counts.n++;
      if (line.time.verdict === 'regression') counts.regression++;
      entry.byScenario.set(line.scenario, counts);
      if (line.time.verdict === 'regression') entry.regression++;
      if (line.time.verdict === 'inconclusive') entry.inconclusive++;
      if (line.time.verdict === 'improvement') entry.improvement++;
      const first = line.confirmation?.first_verdict ?? line.time.verdict;
      if (first === 'regression') entry.firstRegression++;
      if (line.confirmation !== null) entry.confirmed++;
    }
    loads.push(loadavg()[0]);
    process.stderr.write(
      `${label}: round ${at + 1}/${rounds}, ${entry.regression}/${entry.n} regression, load ${loadavg()[0].toFixed(2)}\n`,
    );
  }
  tally.set(label, entry);
}

const started = Date.now();
run('A/A', 'base', aaRounds);
for (const pct of [5, 10, 20]) run(`+${pct} %`, `slow${pct}`, detectRounds);

const pct = (part, whole) => `${((100 * part) / whole).toFixed(1)} %`;
const lines = [
  '| comparison | scenario comparisons | called regression | first round regression | inconclusive | improvement | confirmation rounds |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
];
for (const e of tally.values())
  lines.push(
    `| ${e.label} | ${e.n} | ${e.regression} (${pct(e.regression, e.n)}) | ${e.firstRegression} (${pct(e.firstRegression, e.n)}) | ${pct(e.inconclusive, e.n)} | ${pct(e.improvement, e.n)} | ${e.confirmed} |`,
  );
lines.push(
  '',
  'called regression per scenario: ' +
    [...tally.values()]
      .map(
        (e) =>
          `${e.label} ${[...e.byScenario].map(([name, c]) => `${name} ${c.regression}/${c.n}`).join(', ')}`,
      )
      .join('; '),
);
const sorted = [...loads].sort((a, b) => a - b);
lines.push(
  '',
  `${replicates} replicates per side, 4 scenarios per round, wall_time_effect_pct 5 %, alpha 0.01 (Holm), 99 % intervals; ` +
    `${((Date.now() - started) / 60000).toFixed(1)} min; 1-min load average min ${sorted[0]?.toFixed(1)}, ` +
    `median ${sorted[sorted.length >> 1]?.toFixed(1)}, max ${sorted.at(-1)?.toFixed(1)} ` +
    `(sampled before and after each round) on ${(
      await import('node:os')
    ).availableParallelism()} CPUs.`,
);
console.log(lines.join('\n'));
