import { statSync } from 'node:fs';
import type { AbComparison, AbSide, TimeCase } from '@aver/bench-diff';
import {
  abRegressed,
  compareCounters,
  compareResponses,
  effectTolerancePct,
  formatAbLine,
  formatAbTable,
  judgeTimes,
  measureTimeEffect,
} from '@aver/bench-diff';
import type { Manifest } from '@aver/bench-manifest';
import { loadManifest } from '@aver/bench-manifest';
import { escapeControlChars, percentile, sortSamples } from '@aver/bench-report';
import type { Replicate, ScenarioIsolation } from '@aver/bench-runner';
import { captureHost, computeExpectedMatch, isRunError } from '@aver/bench-runner';
import { CliError, UsageError } from '../cli-errors.js';
import type { CliIo, Terminal } from '../cli-io.js';
import { abHelpText } from '../help-text.js';
import { loadTargets } from '../load-targets.js';
import * as messages from '../messages.js';
import { noiseFilePath, noiseOf, readNoiseFile } from '../noise-files.js';
import { listManifests } from '../run-directory.js';
import { scanOptions } from '../scan-options.js';
import type { RoundResult, ScenarioPair } from './ab-rounds.js';
import { countersOf, poolRounds, runRound, samplesOf } from './ab-rounds.js';

const COMMAND = 'ab';

/** Replicates per side when `--replicates` is not given: the fewest at which a 10-vs-10 rank test can pass Holm's
 * correction over a dozen scenarios at α = 0.01 (the smallest exact two-sided p is 2 / C(20, 10) ≈ 1.1e-5). */
export const AB_DEFAULT_REPLICATES = 10;

const OPTIONS = {
  replicates: { display: '--replicates <N>', takesValue: true },
  target: { display: '--target <T>', takesValue: true },
  isolation: { display: '--isolation <ISOLATION>', takesValue: true },
  'baseline-dir': { display: '--baseline-dir <DIR>', takesValue: true },
  json: { display: '--json', takesValue: false },
  'fail-on-regression': { display: '--fail-on-regression', takesValue: false },
  'no-confirm': { display: '--no-confirm', takesValue: false },
  help: { display: '--help', takesValue: false },
} as const;

/** The options of `aver-bench ab`. */
export interface AbOptions {
  readonly base: string;
  readonly head: string;
  readonly replicates: number;
  readonly target: string;
  readonly isolation: ScenarioIsolation;
  readonly baselineDir: string | null;
  readonly json: boolean;
  readonly failOnRegression: boolean;
  readonly confirm: boolean;
}

/**
 * `aver-bench ab BASE HEAD`: runs every scenario present in both (matched by name) as an interleaved A/B
 * comparison and prints one verdict per scenario (a table, or NDJSON with `--json`). With `--fail-on-regression`
 * (gate mode) a scenario whose time verdict is `regression` or `inconclusive` gets one more round, and both rounds'
 * replicates together decide, unless `--no-confirm`; the run exits 1 when any time or counter verdict is
 * `regression`, or a side's response broke its `[expected]` bounds.
 * @returns The exit code.
 */
export async function runAbCommand(argv: readonly string[], io: CliIo, terminal: Terminal): Promise<number> {
  const options = parseAbOptions(argv);
  if (options === null) {
    io.stdout(abHelpText());
    return 0;
  }
  const [target] = await loadTargets([options.target], process.cwd());
  const pairs = matchScenarios(options.base, options.head, terminal);
  const noise =
    options.baselineDir === null
      ? null
      : readNoiseFile(noiseFilePath(options.baselineDir, target!.name, captureHost()));
  const measure = async (subset: readonly ScenarioPair[]) => {
    const results: RoundResult[] = [];
    const progress = terminal.startProgress({ costs: subset.map(() => null) });
    try {
      for (const [index, pair] of subset.entries()) {
        progress.start(index, pair.name);
        results.push(
          await runRound(pair, {
            target: target!,
            replicates: options.replicates,
            isolation: options.isolation,
            onReplicate: (_name, done, total) => progress.replicate(done, total),
          }),
        );
        progress.finish(index);
      }
    } catch (error) {
      if (isRunError(error))
        throw new CliError(messages.benchRunNamed(subset[results.length]!.name, error.message));
      throw error;
    } finally {
      progress.stop();
    }
    return results;
  };
  const judge = (subset: readonly ScenarioPair[], rounds: readonly RoundResult[]) => {
    const cases: TimeCase[] = subset.map((pair, index) => ({
      effect: measureTimeEffect(samplesOf(rounds[index]!.base), samplesOf(rounds[index]!.head)),
      tolerancePct: effectTolerancePct(pair.head.tolerance),
      noiseFloorPct: noiseOf(noise, pair.name)?.same_run_pct ?? null,
    }));
    return judgeTimes(cases);
  };

  const rounds = await measure(pairs);
  const times = judge(pairs, rounds);
  let comparisons: AbComparison[] = pairs.map((pair, index) =>
    comparison(pair, rounds[index]!, times[index]!),
  );
  if (options.failOnRegression && options.confirm) {
    const flagged = comparisons
      .map((entry, index) => ({ entry, index }))
      .filter(({ entry }) => entry.time.verdict === 'regression' || entry.time.verdict === 'inconclusive');
    if (flagged.length > 0) {
      terminal.notice(messages.ab.confirming(flagged.length));
      const subset = flagged.map(({ index }) => pairs[index]!);
      const again = await measure(subset);
      // The confirmation round adds to the evidence rather than replacing it: both rounds' replicates decide
      // (bench/README.md, "The statistical gate", measured why).
      const pooled = flagged.map(({ index }, at) => poolRounds(rounds[index]!, again[at]!));
      const confirmed = judge(subset, pooled);
      comparisons = [...comparisons];
      flagged.forEach(({ entry, index }, at) => {
        comparisons[index] = {
          ...comparison(pairs[index]!, pooled[at]!, confirmed[at]!),
          confirmation: { first_verdict: entry.time.verdict },
        };
      });
    }
  }

  if (options.json) for (const entry of comparisons) io.stdout(`${formatAbLine(entry)}\n`);
  else io.stdout(formatAbTable(comparisons));
  let failed = false;
  for (const [index, entry] of comparisons.entries()) {
    for (const side of ['base', 'head'] as const) {
      if (entry[side].expected_match !== false) continue;
      const problem = messages.ab.expectedMismatch(escapeControlChars(pairs[index]!.name), side);
      if (options.failOnRegression) {
        terminal.error(messages.failsWith(problem, '--fail-on-regression'));
        failed = true;
      } else terminal.warn(messages.warning(problem));
    }
    if (options.failOnRegression && abRegressed(entry)) failed = true;
  }
  return failed ? 1 : 0;
}

function comparison(pair: ScenarioPair, round: RoundResult, time: AbComparison['time']): AbComparison {
  const limit = pair.head.tolerance.instructions_pct ?? 0;
  return {
    scenario: pair.name,
    time,
    counters: compareCounters(countersOf(round.base), countersOf(round.head), limit),
    response: compareResponses(round.base[0]!.responseSha256, round.head[0]!.responseSha256),
    base: side(pair.base, round.base, time.base_ms),
    head: side(pair.head, round.head, time.head_ms),
    confirmation: null,
  };
}

function side(manifest: Manifest, replicates: readonly Replicate[], location: number): AbSide {
  const all = sortSamples(samplesOf(replicates).flat());
  const bytes = replicates.map((replicate) => replicate.responseBytes);
  const matches = bytes.map((value) => computeExpectedMatch(manifest.expected, value));
  return {
    p50_ms: location,
    p95_ms: percentile(all, 95),
    replicates: replicates.length,
    response_sha256: replicates[0]!.responseSha256,
    expected_match: matches.includes(false) ? false : matches[0]!,
  };
}

/** BASE and HEAD as manifests by scenario name; scenarios on one side only are skipped with a warning. */
function matchScenarios(base: string, head: string, terminal: Terminal): ScenarioPair[] {
  const baseSide = loadSide(base, 'base', terminal);
  const headSide = loadSide(head, 'head', terminal);
  for (const name of baseSide.keys())
    if (!headSide.has(name))
      terminal.warn(messages.warning(messages.ab.onlyOneSide(escapeControlChars(name), 'base')));
  const pairs: ScenarioPair[] = [];
  for (const [name, manifest] of headSide) {
    const other = baseSide.get(name);
    if (other === undefined) {
      terminal.warn(messages.warning(messages.ab.onlyOneSide(escapeControlChars(name), 'head')));
      continue;
    }
    pairs.push({ name, base: other, head: manifest });
  }
  if (pairs.length === 0) throw new CliError(messages.ab.nothingMatched());
  return pairs;
}

function loadSide(path: string, side: 'base' | 'head', terminal: Terminal): Map<string, Manifest> {
  let isFolder = false;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    isFolder = false;
  }
  const manifests = (isFolder ? listManifests(path) : [path]).map((file) => loadManifest(file));
  const byName = new Map<string, Manifest>();
  for (const manifest of manifests) {
    for (const warning of manifest.warnings) terminal.warn(messages.manifestWarning(warning));
    if (byName.has(manifest.name))
      throw new CliError(messages.ab.duplicate(escapeControlChars(manifest.name), side));
    byName.set(manifest.name, manifest);
  }
  return new Map(
    [...byName].sort(([left], [right]) => Buffer.compare(Buffer.from(left), Buffer.from(right))),
  );
}

/** Parses the command line; `null` for `--help`. */
export function parseAbOptions(argv: readonly string[]): AbOptions | null {
  const { values, positionals, problems } = scanOptions(argv, OPTIONS, { h: 'help' });
  if (values.has('help')) return null;
  if (problems.length > 0) throw new UsageError(problems[0]!, COMMAND);
  if (positionals.length < 2)
    throw new UsageError(
      messages.usage.missingArgument(positionals.length === 0 ? '<BASE> <HEAD>' : '<HEAD>'),
      COMMAND,
    );
  if (positionals.length > 2)
    throw new UsageError(messages.usage.unexpectedArgument(positionals[2]!), COMMAND);
  const text = (name: keyof typeof OPTIONS): string | null => {
    const value = values.get(name);
    return typeof value === 'string' ? value : null;
  };
  const replicatesText = text('replicates');
  let replicates = AB_DEFAULT_REPLICATES;
  if (replicatesText !== null) {
    replicates = /^\+?[0-9]+$/.test(replicatesText) ? Number(replicatesText.replace(/^\+/, '')) : Number.NaN;
    if (!Number.isSafeInteger(replicates) || replicates < 2)
      throw new UsageError(messages.usage.badAtLeast(OPTIONS.replicates.display, replicatesText, 2), COMMAND);
  }
  const isolation = text('isolation') ?? 'worker';
  if (isolation !== 'worker' && isolation !== 'process')
    throw new UsageError(
      messages.usage.badChoice(OPTIONS.isolation.display, isolation, ['worker', 'process']),
      COMMAND,
    );
  return {
    base: positionals[0]!,
    head: positionals[1]!,
    replicates,
    target: text('target') ?? 'vm',
    isolation,
    baselineDir: text('baseline-dir'),
    json: values.has('json'),
    failOnRegression: values.has('fail-on-regression'),
    confirm: !values.has('no-confirm'),
  };
}
