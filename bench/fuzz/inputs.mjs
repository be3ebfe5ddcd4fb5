// One fuzz input from its number and seed: which driver gets it and what it is (the mutant, and for a command the
// files to write and the arguments). A pure function of (seed, seeds), so a run is reproducible and a finding can
// be made again from its seed alone.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { touchesWorld } from './drivers/world.mjs';
import { mutateManifest, mutateProgram } from './mutators.mjs';
import { Random } from './random.mjs';
import { REPO_ROOT } from './seeds.mjs';

/** The in-process drivers, and how often each is drawn. */
const IN_PROCESS = [
  [4, 'program'],
  [1, 'manifest'],
];

/** The command-line drivers, and how often each is drawn. */
const COMMANDS = [
  [2, 'aver check'],
  [3, 'aver run'],
  [2, 'aver verify'],
  [4, 'aver-bench'],
  [1, 'aver-bench report'],
  [1, 'aver-bench merge'],
];

/** Time limit given to `aver run`, `aver verify` (per case) and `aver-bench` (per scenario); the supervisor's hang limit is well above it. */
export const COMMAND_TIMEOUT_S = 2;

const BASELINE_NAME = 'linux-x86_64-vm.json';
const BASELINE_TEXT = readFileSync(path.join(REPO_ROOT, 'bench/baselines', BASELINE_NAME), 'utf8');
/** Two shards of one small run (`--shard K/2 --json`, three bench scenarios): what `merge` and `report` read. */
const SHARD_TEXTS = ['shard-1.ndjson', 'shard-2.ndjson'].map((name) =>
  readFileSync(path.join(REPO_ROOT, 'bench/fuzz/seed-results', name), 'utf8'),
);

/**
 * @typedef {{ index: number, seed: number, driver: 'program', path: string, text: string }} ProgramInput
 * @typedef {{ index: number, seed: number, driver: 'manifest', text: string, entryName: string | null,
 *   entryText: string | null }} ManifestInput
 * @typedef {{ index: number, seed: number, driver: string, files: { name: string, text: string }[],
 *   args: string[] }} CommandInput `args` may hold `{dir}`, the input's scratch folder (also the working directory).
 * @typedef {ProgramInput | ManifestInput | CommandInput} FuzzInput
 */

/**
 * @param {number} index The input's number in the run.
 * @param {number} seed Its own 32-bit seed.
 * @param {boolean} viaCommand Whether it goes through a real command line.
 * @param {import('./seeds.mjs').Seeds} seeds
 * @returns {FuzzInput}
 */
export function makeInput(index, seed, viaCommand, seeds) {
  const random = new Random(seed);
  const programTexts = seeds.programs.map((program) => program.text);
  if (!viaCommand) {
    if (random.weighted(IN_PROCESS) === 'program') {
      const source = random.pick(seeds.programs);
      return {
        index,
        seed,
        driver: 'program',
        path: source.path,
        text: mutateProgram(source.text, random, programTexts),
      };
    }
    const source = random.pick(seeds.manifests);
    const text = mutateManifest(
      source.text,
      random,
      seeds.manifests.map((manifest) => manifest.text),
    );
    return {
      index,
      seed,
      driver: 'manifest',
      text,
      entryName: source.entryName,
      entryText: source.entryText,
    };
  }
  const driver = random.weighted(COMMANDS);
  if (driver === 'aver-bench') return benchInput(index, seed, random, seeds, programTexts);
  if (driver !== driver.replace(/^aver-bench /, '')) return resultsInput(index, seed, random, driver);
  const source = random.pick(seeds.programs);
  const text = mutateProgram(source.text, random, programTexts);
  // A mutant that names a world-touching service is only checked: run and verify would perform its effects.
  const command = touchesWorld(text) ? 'aver check' : driver;
  const args = [command.split(' ')[1], '{dir}/program.av', '--module-root', path.dirname(source.path)];
  if (command !== 'aver check') args.push('--timeout', String(COMMAND_TIMEOUT_S));
  return { index, seed, driver: command, files: [{ name: 'program.av', text }], args };
}

/**
 * A scenario folder of one to three scenarios (mutated manifests, their programs sometimes mutated or replaced),
 * run in directory mode, sometimes gated against a mutated baseline.
 */
function benchInput(index, seed, random, seeds, programTexts) {
  const files = [{ name: 'data/input.txt', text: 'fuzz' }];
  const count = random.int(1, 3);
  for (let scenario = 0; scenario < count; scenario++) {
    const source = random.pick(seeds.manifests);
    const manifest = random.chance(3, 4)
      ? mutateManifest(
          source.text,
          random,
          seeds.manifests.map((m) => m.text),
        )
      : source.text;
    files.push({ name: `scenarios/s${scenario}.toml`, text: manifest });
    if (source.entryName === null || source.entryText === null) continue;
    let program = source.entryText;
    const choice = random.index(3);
    if (choice === 1) program = mutateProgram(source.entryText, random, programTexts);
    else if (choice === 2) program = mutateProgram(random.pick(programTexts), random, programTexts);
    // A benchmark is sandboxed, but a mutated manifest may allow effects; keep mutated programs off the world.
    if (program !== source.entryText && touchesWorld(program)) program = source.entryText;
    files.push({ name: `scenarios/${path.basename(source.entryName)}`, text: program });
  }
  const args = ['{dir}/scenarios', '--timeout', `${COMMAND_TIMEOUT_S}s`];
  const mode = random.index(4);
  if (mode === 1) args.push('--json');
  if (mode === 2) {
    const baseline = random.chance(1, 2)
      ? mutateManifest(BASELINE_TEXT, random, [BASELINE_TEXT])
      : BASELINE_TEXT;
    files.push({ name: `baselines/${BASELINE_NAME}`, text: baseline });
    args.push('--baseline-dir', '{dir}/baselines', '--fail-on-regression');
  }
  if (mode === 3) args.push('--format', random.pick(['markdown', 'bmf', 'json']));
  return { index, seed, driver: 'aver-bench', files, args };
}

/**
 * `aver-bench report` or `merge` over results files: the two seed shards (both, one, or one twice) or the committed
 * baseline, each mutated three times in four.
 */
function resultsInput(index, seed, random, driver) {
  const sources = random.pick([
    SHARD_TEXTS,
    [SHARD_TEXTS[0]],
    [SHARD_TEXTS[1], SHARD_TEXTS[1]],
    [BASELINE_TEXT],
  ]);
  const files = sources.map((source, file) => ({
    name: `results-${file}.ndjson`,
    text: random.chance(3, 4) ? mutateManifest(source, random, SHARD_TEXTS) : source,
  }));
  const inputs = files.map((file) => `{dir}/${file.name}`);
  const args =
    driver === 'aver-bench report'
      ? ['report', ...inputs, '-o', `{dir}/out.${random.pick(['html', 'md', 'json'])}`]
      : ['merge', ...inputs, '-o', '{dir}/merged.ndjson'];
  if (driver === 'aver-bench report' && random.chance(1, 2)) {
    args.push('--format', random.pick(['html', 'markdown', 'bmf']));
  }
  return { index, seed, driver, files, args };
}
