// The differential test with a larger budget: generates programs (test/program-generator.ts), runs each through the
// optimised pipeline and VM and through the reference evaluator (test/reference-evaluator.ts), and prints how many
// programs were tried, how many disagreed and the seed. The first disagreement is shrunk and printed with the command
// that replays it. `pnpm run differential [--runs N] [--seed S]` in this package; exit 1 on any disagreement.
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { compareWithReference, rngOf } from '../test/differential-harness.js';
import { generateProgram } from '../test/program-generator.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '2000' }, seed: { type: 'string' } },
  strict: true,
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2_147_483_647 : Number(values.seed);
if (!Number.isSafeInteger(runs) || runs <= 0 || !Number.isSafeInteger(seed)) {
  process.stderr.write('usage: differential [--runs N (a positive integer)] [--seed S (an integer)]\n');
  process.exit(2);
}

let tried = 0;
let disagreements = 0;
let generatorBugs = 0;
let firstGeneratorBug: string | null = null;
const started = performance.now();
fc.check(
  fc.property(fc.gen(), (g) => {
    tried++;
    try {
      if (compareWithReference(generateProgram(rngOf(g))) !== null) disagreements++;
    } catch (error) {
      generatorBugs++;
      firstGeneratorBug ??= String(error);
    }
    return true;
  }),
  { seed, numRuns: runs },
);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(
  `seed ${seed}: ${tried} programs tried in ${seconds} s, ${disagreements} disagreement(s), ` +
    `${generatorBugs} program(s) that did not compile (generator bugs)\n`,
);
if (firstGeneratorBug !== null) process.stdout.write(`\nfirst generator bug:\n${firstGeneratorBug}\n`);

if (disagreements > 0) {
  // Replays the same runs, stops at the first disagreement and shrinks it; the last failing program is the smallest.
  let smallest = '';
  const details = fc.check(
    fc.property(fc.gen(), (g) => {
      const report = compareWithReference(generateProgram(rngOf(g)));
      if (report !== null) smallest = report;
      return report === null;
    }),
    { seed, numRuns: runs },
  );
  process.stdout.write(
    `\nfirst disagreement, shrunk (replay: --seed ${seed} --runs ${runs}; fast-check path ${details.counterexamplePath}):\n` +
      `${smallest}\n`,
  );
}
process.exit(disagreements > 0 || generatorBugs > 0 ? 1 : 0);
