import { mkdirSync, statSync } from 'node:fs';
import type { NoiseFile, ScenarioNoise } from '@aver/bench-diff';
import { measureTimeEffect, serializeNoiseFile } from '@aver/bench-diff';
import type { Manifest } from '@aver/bench-manifest';
import { describeIoError, loadManifest } from '@aver/bench-manifest';
import { escapeControlChars } from '@aver/bench-report';
import type { TargetRunner } from '@aver/bench-runner';
import { captureHost, isRunError } from '@aver/bench-runner';
import { CliError, UsageError } from '../cli-errors.js';
import type { CliIo, Terminal } from '../cli-io.js';
import { calibrateHelpText } from '../help-text.js';
import { loadTargets } from '../load-targets.js';
import * as messages from '../messages.js';
import { noiseFilePath, readNoiseFile } from '../noise-files.js';
import { listManifests } from '../run-directory.js';
import { scanOptions } from '../scan-options.js';
import { checkWritableTarget, writeFileAtomic } from '../write-file-atomic.js';
import { AB_DEFAULT_REPLICATES } from './ab-command.js';
import { runRound, samplesOf } from './ab-rounds.js';

const COMMAND = 'calibrate';

/** A/A rounds per scenario when `--rounds` is not given. */
export const CALIBRATE_DEFAULT_ROUNDS = 5;

/** Where the noise file goes when `--baseline-dir` is not given: the conventional baseline folder. */
export const CALIBRATE_DEFAULT_DIR = 'bench/baselines';

const OPTIONS = {
  rounds: { display: '--rounds <K>', takesValue: true },
  replicates: { display: '--replicates <N>', takesValue: true },
  'baseline-dir': { display: '--baseline-dir <DIR>', takesValue: true },
  target: { display: '--target <T>', takesValue: true },
  help: { display: '--help', takesValue: false },
} as const;

/**
 * `aver-bench calibrate SCENARIO`: measures each scenario's noise on this machine with A/A rounds (the same
 * manifest on both sides, run exactly as `ab` runs a comparison) and stores it in this host's noise file in the
 * baseline folder, replacing the entries of the scenarios measured and keeping the others.
 * @returns The exit code.
 */
export async function runCalibrateCommand(
  argv: readonly string[],
  io: CliIo,
  terminal: Terminal,
): Promise<number> {
  const { values, positionals, problems } = scanOptions(argv, OPTIONS, { h: 'help' });
  if (values.has('help')) {
    io.stdout(calibrateHelpText());
    return 0;
  }
  if (problems.length > 0) throw new UsageError(problems[0]!, COMMAND);
  if (positionals.length === 0) throw new UsageError(messages.usage.missingArgument('<SCENARIO>'), COMMAND);
  if (positionals.length > 1)
    throw new UsageError(messages.usage.unexpectedArgument(positionals[1]!), COMMAND);
  const text = (name: keyof typeof OPTIONS) => {
    const value = values.get(name);
    return typeof value === 'string' ? value : null;
  };
  const rounds = atLeast(text('rounds'), OPTIONS.rounds.display, 2, CALIBRATE_DEFAULT_ROUNDS);
  const replicates = atLeast(text('replicates'), OPTIONS.replicates.display, 2, AB_DEFAULT_REPLICATES);
  const dir = text('baseline-dir') ?? CALIBRATE_DEFAULT_DIR;
  const [target] = await loadTargets([text('target') ?? 'vm'], process.cwd());
  const host = captureHost();
  const path = noiseFilePath(dir, target!.name, host);
  const existing = readNoiseFile(path);
  // Refused before the measuring starts, which takes minutes: the folder is made, the file must be writable.
  writeNoise(path, null, dir);
  const manifests = scenarioManifests(positionals[0]!);
  const measured: Record<string, ScenarioNoise> = {};
  const progress = terminal.startProgress({ costs: manifests.map(() => null) });
  try {
    for (const [index, manifest] of manifests.entries()) {
      progress.start(index, manifest.name);
      measured[manifest.name] = await calibrateScenario(
        manifest,
        target!,
        rounds,
        replicates,
        (done, total) => progress.replicate(done, total),
      );
      progress.finish(index);
    }
  } catch (error) {
    if (isRunError(error))
      throw new CliError(
        messages.benchRunNamed(manifests[Object.keys(measured).length]!.name, error.message),
      );
    throw error;
  } finally {
    progress.stop();
  }
  const file: NoiseFile = {
    kind: 'aver-bench-noise',
    version: 1,
    host,
    target: target!.name,
    scenarios: { ...(existing?.scenarios ?? {}), ...measured },
  };
  writeNoise(path, serializeNoiseFile(file), dir);
  for (const [name, noise] of Object.entries(measured))
    io.stdout(
      messages.calibrated(
        escapeControlChars(name),
        noise.same_run_pct,
        noise.cross_run_pct,
        rounds,
        replicates,
      ),
    );
  terminal.success(messages.savedNoise(path, Object.keys(measured).length));
  return 0;
}

/**
 * K A/A rounds of one scenario. Each round runs `2 × replicates` fresh isolates of the same manifest, labelled ABBA;
 * its A/A ratio is the second label's location over the first's, and its location is the median of all its
 * replicate medians.
 */
async function calibrateScenario(
  manifest: Manifest,
  target: TargetRunner,
  rounds: number,
  replicates: number,
  onReplicate: (done: number, total: number) => void,
): Promise<ScenarioNoise> {
  const ratios: number[] = [];
  const locations: number[] = [];
  const total = rounds * replicates * 2;
  for (let round = 0; round < rounds; round++) {
    const result = await runRound(
      { name: manifest.name, base: manifest, head: manifest },
      {
        target,
        replicates,
        isolation: 'worker',
        onReplicate: (_name, done) => onReplicate(round * replicates * 2 + done + 1, total),
      },
    );
    const effect = measureTimeEffect(samplesOf(result.base), samplesOf(result.head), { resamples: 1 });
    ratios.push(effect.ratio);
    const all = [...samplesOf(result.base), ...samplesOf(result.head)];
    locations.push(measureTimeEffect(all, all, { resamples: 1 }).base_ms);
  }
  const pct = (value: number) => Math.round(value * 1e4) / 1e2;
  return {
    same_run_pct: pct(Math.max(...ratios.map((ratio) => Math.abs(ratio - 1)))),
    cross_run_pct: pct(Math.max(...locations) / Math.min(...locations) - 1),
    rounds,
    replicates,
    round_p50_ms: locations,
    aa_ratios: ratios,
    calibrated_at: new Date().toISOString(),
  };
}

/** Makes the folder and checks the target (`text` null), or writes the file atomically. */
function writeNoise(path: string, text: string | null, dir: string): void {
  try {
    if (text === null) {
      mkdirSync(dir, { recursive: true });
      checkWritableTarget(path);
    } else writeFileAtomic(path, text);
  } catch (error) {
    throw new CliError(messages.noiseWrite(path, describeIoError(error)));
  }
}

function scenarioManifests(path: string): Manifest[] {
  let isFolder = false;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    isFolder = false;
  }
  return (isFolder ? listManifests(path) : [path]).map((file) => loadManifest(file));
}

function atLeast(value: string | null, display: string, least: number, fallback: number): number {
  if (value === null) return fallback;
  const count = /^\+?[0-9]+$/.test(value) ? Number(value.replace(/^\+/, '')) : Number.NaN;
  if (!Number.isSafeInteger(count) || count < least)
    throw new UsageError(messages.usage.badAtLeast(display, value, least), COMMAND);
  return count;
}
