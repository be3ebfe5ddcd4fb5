import type { Dirent } from 'node:fs';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { formats, serializeReport } from '@aver/bench-report';
import {
  diff,
  formatDiff,
  formatDiffLine,
  formatStatDiff,
  formatStatDiffLine,
  formatStatSummary,
} from '@aver/bench-diff';
import { describeIoError } from '@aver/host-io';
import { joinPathVerbatim, loadManifest } from '@aver/bench-manifest';
import { isRunError } from '@aver/bench-runner';
import { formatShardLine } from '@aver/bench-results';
import { CliError } from './cli-errors.js';
import { failureRecord, formatFailureHuman, formatFailureLine } from './failure-record.js';
import { prepareBaselines, reportExpectedMismatch, reportMissingEntry } from './gate.js';
import * as messages from './messages.js';
import type { CliOptions } from './parse-cli-args.js';
import type { RunContext } from './run-context.js';
import type { TargetOutcome } from './run-targets.js';
import { reportDisagreement, runOnTargets, warnUnsteady } from './run-targets.js';
import { ProfileCollector } from './profile-out.js';
import { checkBaselineTarget, saveBaseline } from './save-baseline.js';
import type { StatCase } from './statistical-gate.js';
import { comparisonMode, judgeStatistical, ModeNotes, statCase } from './statistical-gate.js';
import { expectedCosts, selectShard } from './select-shard.js';
import { warnIgnoredCounts } from './warnings.js';

/**
 * Directory mode (bench spec: "CLI: directory mode"): every `*.toml` in the folder, sorted bytewise, one report per
 * scenario and target (NDJSON with `--json`), gated against this host's baseline of each target in `--baseline-dir`.
 * The first manifest or run error stops the batch (exit 1) after the reports already printed, except a scenario that
 * runs out of time or memory: it gets a failure record in its place, the other scenarios still run, and the exit code
 * is 1. The baseline is read and checked before the first scenario
 * runs; missing entries are reported after the diffs. Scenarios whose baseline and run both carry replicates are
 * judged statistically, as one family, after the folder ran (then confirmed in gate mode): their human diffs take
 * their place among the others, and with `--json` their `stat-diff` lines follow the last report.
 * @returns The exit code: 1 when the gate fails (see gate.ts), otherwise 0.
 */
export async function runDirectory(options: CliOptions, context: RunContext): Promise<number> {
  const { io, terminal } = context;
  if (options.compare !== null) throw new CliError(messages.directoryCompare());
  const several = context.targets.length > 1;
  if (several && options.saveBaseline !== null) throw new CliError(messages.oneTargetOnly('--save-baseline'));
  const dir = options.scenario;
  const manifestPaths = listManifests(dir);
  warnIgnoredCounts(options, terminal);
  if (options.saveBaseline !== null) checkBaselineTarget(options.saveBaseline);
  const profile = options.profileOut === null ? null : new ProfileCollector(options.profileOut);
  const baselinesOf = new Map(
    context.targets.map((target) => [target.name, prepareBaselines(options, context, true, target.name)]),
  );
  const baselines = baselinesOf.get(context.target.name) ?? null;
  let paths: readonly string[] = manifestPaths;
  let shardCosts: readonly (number | null)[] | null = null;
  if (options.shard !== null) {
    const selection = selectShard(
      manifestPaths,
      options.shard,
      baselines,
      context.targets.map((target) => target.name),
    );
    paths = selection.paths;
    shardCosts = selection.costs;
    const { line } = selection;
    terminal.notice(messages.shardNotice(line.index, line.count, line.assigned, line.scenarios.length));
    if (options.json) io.stdout(`${formatShardLine(line)}\n`);
  }
  const progress = terminal.startProgress({ costs: shardCosts ?? expectedCosts(paths, baselines) });
  // Human diffs, printed after the reports; a statistical one is a slot filled once the folder is judged.
  const queuedDiffs: (string | StatCase)[] = [];
  const pending: StatCase[] = [];
  const modeNotes = new ModeNotes();
  const savedLines: string[] = [];
  const missingEntries: { readonly target: string; readonly name: string }[] = [];
  let failed = false;
  let failures = 0;
  let printed = 0;
  for (const [index, manifestPath] of paths.entries()) {
    const manifest = loadManifest(manifestPath);
    for (const warning of manifest.warnings) terminal.warn(messages.manifestWarning(warning));
    progress.start(index, manifest.name);
    let outcomes: TargetOutcome[];
    try {
      outcomes = await runOnTargets(manifest, context, {
        onReplicate: (_replicate, replicate, total) => progress.replicate(replicate + 1, total),
      });
    } catch (error) {
      progress.stop();
      if (isRunError(error)) throw new CliError(messages.benchRunNamed(manifest.name, error.message));
      throw error;
    }
    progress.finish(index);
    for (const outcome of outcomes) {
      const separator = printed++ > 0 && !options.json ? '\n' : '';
      if (outcome.kind === 'failed') {
        // A runaway program was ended: say so in its place, and go on with the other scenarios.
        const record = failureRecord(manifest.name, outcome.target.name, outcome.error);
        context.observer?.failure(record);
        io.stdout(options.json ? formatFailureLine(record) : `${separator}${formatFailureHuman(record)}`);
        terminal.error(
          messages.scenarioFailed(manifest.name, outcome.target.name, outcome.error.message, several),
        );
        failures++;
        failed = true;
        continue;
      }
      const { run } = outcome;
      const { report } = run;
      const targetBaselines = baselinesOf.get(outcome.target.name) ?? null;
      const baseline = targetBaselines?.find(manifest.name) ?? null;
      const mode = baseline === null ? null : comparisonMode(report, baseline);
      if (baseline !== null) modeNotes.add(manifest.name, mode!.mismatch, baseline);
      if (baseline !== null && mode!.statistical) {
        const entry = statCase(manifest, outcome.target, report, baseline, targetBaselines!);
        pending.push(entry);
        if (!options.json) queuedDiffs.push(entry);
      } else if (baseline !== null) {
        const verdict = diff(report, baseline, manifest.tolerance);
        context.observer?.diff(verdict);
        failed ||= verdict.regressed && options.failOnRegression;
        if (options.json) io.stdout(`${formatDiffLine(verdict)}\n`);
        else queuedDiffs.push(formatDiff(verdict));
      } else if (targetBaselines !== null) {
        missingEntries.push({ target: outcome.target.name, name: manifest.name });
        if (!options.json) queuedDiffs.push(messages.noBaselineEntry(manifest.name));
      }
      context.observer?.report(report);
      profile?.add(report);
      if (options.saveBaseline !== null) savedLines.push(serializeReport(report));
      if (options.json) io.stdout(formats.ndjson(report));
      else io.stdout(`${separator}${formats.human(report)}`);
      warnUnsteady(report, terminal);
      failed = reportExpectedMismatch(manifest, run, options, context) || failed;
    }
    failed = reportDisagreement(manifest.name, outcomes, terminal) || failed;
  }
  progress.stop();
  if (options.saveBaseline !== null) {
    if (failures > 0) {
      terminal.error(messages.baselineNotSaved(options.saveBaseline, failures));
    } else {
      saveBaseline(options.saveBaseline, `${savedLines.join('\n')}\n`);
      terminal.success(messages.savedBaselineCount(options.saveBaseline, savedLines.length));
    }
  }
  modeNotes.print(context);
  const stats = pending.length === 0 ? [] : await judgeStatistical(pending, options, context, true);
  const statOf = new Map(pending.map((entry, index) => [entry, stats[index]!]));
  for (const stat of stats) {
    context.observer?.statDiff(stat);
    failed = (stat.regressed && options.failOnRegression) || failed;
    if (options.json) io.stdout(`${formatStatDiffLine(stat)}\n`);
  }
  if (queuedDiffs.length > 0 && !options.json) {
    const blocks = queuedDiffs.map((entry) =>
      typeof entry === 'string' ? entry : formatStatDiff(statOf.get(entry)!),
    );
    io.stdout(`\n${blocks.join('')}${stats.length > 0 ? formatStatSummary(stats) : ''}`);
  }
  for (const { target, name } of missingEntries) {
    const targetBaselines = baselinesOf.get(target);
    if (targetBaselines != null)
      failed = reportMissingEntry(targetBaselines, name, options, context, true) || failed;
  }
  profile?.write(context);
  return failed ? 1 : 0;
}

/**
 * The folder's manifests: entries whose extension is exactly `toml` (case-sensitive, so `.TOML` and a bare
 * `.toml` are skipped), folders excluded, joined verbatim to the folder and sorted bytewise by name.
 */
/** The `*.toml` manifests of a scenarios folder, sorted bytewise; an unreadable or empty folder is a `CliError`. */
export function listManifests(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw new CliError(messages.scenariosDirUnreadable(dir, describeIoError(error)));
  }
  const names = entries
    .filter((entry) => path.extname(entry.name) === '.toml' && !isDirectory(entry, dir))
    .map((entry) => entry.name)
    .sort((left, right) => Buffer.compare(Buffer.from(left), Buffer.from(right)));
  if (names.length === 0) throw new CliError(messages.scenariosDirEmpty(dir));
  return names.map((name) => joinPathVerbatim(dir, name));
}

function isDirectory(entry: Dirent, dir: string): boolean {
  if (entry.isDirectory()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(path.join(dir, entry.name)).isDirectory();
  } catch {
    return false;
  }
}
