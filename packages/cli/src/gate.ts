import type { ExpectedShape, Manifest } from '@aver/bench-manifest';
import { escapeControlChars, quoteText } from '@aver/bench-report';
import type { ScenarioRun } from '@aver/bench-runner';
import { captureHost, computeExpectedMatch } from '@aver/bench-runner';
import type { Baselines } from './baselines.js';
import { baselineDirProblem, loadBaselineIndex, pickHostBaseline, readCompareBaseline } from './baselines.js';
import { CliError } from './cli-errors.js';
import * as messages from './messages.js';
import { noiseFileBeside, noiseFilePath, readNoiseFile } from './noise-files.js';
import type { CliOptions } from './parse-cli-args.js';
import type { RunContext } from './run-context.js';

/*
 * The gate fails closed. With `--fail-on-regression`, anything that keeps a scenario from being judged fails the
 * run: a `--baseline-dir` that is not there, an empty baseline, a scenario without an entry, a response that
 * breaks `[expected]` (a wrong answer is worse than a slow one). The one lenient case of the reference stays: an
 * existing `--baseline-dir` without a file for this host prints a note, unless `--require-baseline` is given,
 * which makes every missing baseline fatal (without gating regressions by itself). Problems with the baseline
 * files are found before the first scenario runs; problems of one scenario after it ran, so its report is
 * printed (and saved) either way.
 */

/** How many bytes of a response an `[expected]` mismatch shows. */
export const RESPONSE_PREVIEW_BYTES = 200;

/**
 * The flag that makes a missing baseline fail the run, or `null` when it only gets a message.
 * @param options The command line.
 * @param hostFile Whether the missing piece is this host's file in an existing `--baseline-dir` (the reference's
 *   lenient case, fatal only with `--require-baseline`).
 */
function fatalFlag(options: CliOptions, hostFile = false): string | null {
  if (options.requireBaseline) return '--require-baseline';
  if (options.failOnRegression && !hostFile) return '--fail-on-regression';
  return null;
}

/**
 * Finds, reads and checks every baseline the run will compare with, before anything runs: `--compare PATH`, or
 * this host's file in `--baseline-dir DIR` (read as a single report or NDJSON for one scenario, strictly as NDJSON
 * in directory mode), with the calibrated noise beside it (`X.noise.json` for `--compare X.json`,
 * `DIR/<os>-<arch>-<target>.noise.json`), when there is one.
 * @param options The command line.
 * @param context Where to say things.
 * @param directory Whether this is directory mode.
 * @param target The target whose baseline file `--baseline-dir` holds. @default the run's first target
 * @returns The baselines, or `null` when there is nothing to compare with (and that is not fatal).
 * @throws {CliError} When a baseline cannot be read or parsed, holds an impossible value, or is missing or empty
 *   while a gate flag requires it.
 */
export function prepareBaselines(
  options: CliOptions,
  context: RunContext,
  directory: boolean,
  target: string = context.target.name,
): Baselines | null {
  const { terminal } = context;
  let baselines: Baselines;
  if (options.compare !== null) {
    baselines = readCompareBaseline(options.compare);
    if (baselines.empty) failIfRequired(messages.compareEmpty(baselines.path), fatalFlag(options));
    return { ...baselines, noise: readNoiseFile(noiseFileBeside(options.compare)) };
  }
  if (options.baselineDir === null) return null;
  const problem = baselineDirProblem(options.baselineDir);
  if (problem !== null) {
    failIfRequired(problem, fatalFlag(options));
    terminal.warn(messages.nothingCompared(problem));
    return null;
  }
  const candidate = pickHostBaseline(options.baselineDir, target, captureHost());
  if (!candidate.exists) {
    failIfRequired(messages.hostBaselineMissing(candidate.path), fatalFlag(options, true));
    terminal.notice(messages.noHostBaseline(candidate.path));
    return null;
  }
  baselines = directory ? loadBaselineIndex(candidate.path) : readCompareBaseline(candidate.path);
  if (baselines.empty) failIfRequired(messages.baselineDirEmpty(baselines.path), fatalFlag(options));
  return { ...baselines, noise: readNoiseFile(noiseFilePath(options.baselineDir, target, captureHost())) };
}

function failIfRequired(problem: string, flag: string | null): void {
  if (flag !== null) throw new CliError(messages.failsWith(problem, flag));
}

/**
 * Says that a scenario has no entry in the baselines: the reference's red line for `--compare` and single-scenario
 * `--baseline-dir` (directory mode prints its "no baseline entry — skipped" line itself), or, when a gate flag
 * requires the entry, a red line naming the flag.
 * @returns Whether the run fails because of it.
 */
export function reportMissingEntry(
  baselines: Baselines,
  name: string,
  options: CliOptions,
  context: RunContext,
  directory: boolean,
): boolean {
  const problem = directory
    ? messages.baselineDirNoEntry(baselines.path, name)
    : messages.compareNoEntry(baselines.path, name);
  const flag = fatalFlag(options);
  if (flag !== null) context.terminal.error(messages.failsWith(problem, flag));
  else if (!directory) context.terminal.error(problem);
  return flag !== null;
}

/**
 * After a scenario ran: when its response broke the manifest's `[expected]` bounds, says so on stderr with the
 * bounds and the start of the response (escaped, at most `RESPONSE_PREVIEW_BYTES` bytes), so that nobody has to
 * work the value out: a warning, or with `--fail-on-regression` an error that fails the run.
 * @returns Whether the run fails because of it.
 */
export function reportExpectedMismatch(
  manifest: Manifest,
  run: ScenarioRun,
  options: CliOptions,
  context: RunContext,
): boolean {
  if (run.report.expected_match !== false) return false;
  const { responseText } = run;
  let got =
    responseText === null
      ? messages.noResponse()
      : messages.responseShown(
          run.report.response_bytes ?? 0,
          quoteText(responseText, RESPONSE_PREVIEW_BYTES),
        );
  if (computeExpectedMatch(manifest.expected, run.report.response_bytes) === true)
    got = messages.earlierIterationMismatch(got);
  const problem = messages.expectedMismatch(
    escapeControlChars(manifest.name),
    describeBounds(manifest.expected),
    got,
  );
  if (options.failOnRegression) {
    context.terminal.error(messages.failsWith(problem, '--fail-on-regression'));
    return true;
  }
  context.terminal.warn(messages.warning(problem));
  return false;
}

/** The `[expected]` table as written: `response_bytes = 5`, `response_bytes_min = 1, response_bytes_max = 9`. */
function describeBounds(expected: ExpectedShape): string {
  const parts: string[] = [];
  if (expected.responseBytes !== null) parts.push(`response_bytes = ${expected.responseBytes}`);
  if (expected.responseBytesMin !== null) parts.push(`response_bytes_min = ${expected.responseBytesMin}`);
  if (expected.responseBytesMax !== null) parts.push(`response_bytes_max = ${expected.responseBytesMax}`);
  return parts.join(', ');
}
