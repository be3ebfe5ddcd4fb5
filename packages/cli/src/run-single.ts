import type { Manifest } from '@aver/bench-manifest';
import { loadManifest, synthesizeAdHocManifest } from '@aver/bench-manifest';
import type { BenchReport } from '@aver/bench-report';
import { formats, serializeReport } from '@aver/bench-report';
import { diff, formatDiff, formatStatDiff, formatStatSummary } from '@aver/bench-diff';
import { CliError } from './cli-errors.js';
import { failureRecord, formatFailureHuman, formatFailureJson, formatFailureLine } from './failure-record.js';
import { prepareBaselines, reportExpectedMismatch, reportMissingEntry } from './gate.js';
import * as messages from './messages.js';
import type { CliOptions } from './parse-cli-args.js';
import type { RunContext } from './run-context.js';
import { reportDisagreement, runOnTargets, warnUnsteady } from './run-targets.js';
import { ProfileCollector } from './profile-out.js';
import { checkBaselineTarget, saveBaseline } from './save-baseline.js';
import type { StatCase } from './statistical-gate.js';
import { comparisonMode, judgeStatistical, ModeNotes, statCase } from './statistical-gate.js';
import { warnIgnoredCounts } from './warnings.js';

/**
 * One scenario: a `.toml` manifest or an ad-hoc `.av` program (bench spec: "CLI: top-level flow" steps 3–9,
 * "How the CLI finds the baseline"). Manifest and run errors propagate as `ManifestError` / `RunError` for the
 * top-level handler. The baseline is read and checked before the scenario runs. A baseline with replicates is
 * compared statistically when the run has them too (`statistical-gate.ts`): those verdicts are printed after the
 * reports, once judged and, in gate mode, confirmed.
 * @returns The exit code: 1 when the gate fails (see gate.ts), otherwise 0.
 */
export async function runSingle(options: CliOptions, adHoc: boolean, context: RunContext): Promise<number> {
  const { io, terminal } = context;
  let manifest: Manifest;
  if (adHoc) {
    if (options.compare !== null || options.saveBaseline !== null)
      throw new CliError(messages.adHocNeedsManifest());
    manifest = synthesizeAdHocManifest(options.scenario, {
      iterations: options.iterations ?? undefined,
      warmup: options.warmup ?? undefined,
      timeoutMs: options.timeoutMs ?? undefined,
    });
  } else {
    warnIgnoredCounts(options, terminal);
    manifest = loadManifest(options.scenario);
    for (const warning of manifest.warnings) terminal.warn(messages.manifestWarning(warning));
  }
  const several = context.targets.length > 1;
  if (several && options.compare !== null) throw new CliError(messages.oneTargetOnly('--compare'));
  if (several && options.saveBaseline !== null) throw new CliError(messages.oneTargetOnly('--save-baseline'));
  if (options.saveBaseline !== null) checkBaselineTarget(options.saveBaseline);
  const profile = options.profileOut === null ? null : new ProfileCollector(options.profileOut);
  const baselines = context.targets.map((target) => prepareBaselines(options, context, false, target.name));
  const outcomes = await runOnTargets(manifest, context);
  const pending: StatCase[] = [];
  const modeNotes = new ModeNotes();
  let failed = false;
  for (const [index, outcome] of outcomes.entries()) {
    if (index > 0 && !options.json) io.stdout('\n');
    if (outcome.kind === 'failed') {
      const record = failureRecord(manifest.name, outcome.target.name, outcome.error);
      context.observer?.failure(record);
      io.stdout(
        options.json ? (several ? formatFailureLine : formatFailureJson)(record) : formatFailureHuman(record),
      );
      terminal.error(messages.benchRun(outcome.error.message));
      failed = true;
      continue;
    }
    const { run } = outcome;
    const { report } = run;
    if (options.saveBaseline !== null) {
      saveBaseline(options.saveBaseline, `${serializeReport(report, { pretty: true })}\n`);
      terminal.success(messages.savedBaseline(options.saveBaseline));
    }
    // Several targets print one report per line (NDJSON), as a folder does: a stream of pretty documents is not JSON.
    io.stdout(options.json ? (several ? formats.ndjson : formats.json)(report) : formats.human(report));
    warnUnsteady(report, terminal);
    failed = reportExpectedMismatch(manifest, run, options, context) || failed;
    profile?.add(report);
    const targetBaselines = baselines[index];
    const baseline = targetBaselines?.find(manifest.name) ?? null;
    if (targetBaselines != null && baseline === null)
      failed = reportMissingEntry(targetBaselines, manifest.name, options, context, false) || failed;
    else if (targetBaselines != null && baseline !== null) {
      const mode = comparisonMode(report, baseline);
      modeNotes.add(manifest.name, mode.mismatch, baseline);
      if (mode.statistical)
        pending.push(statCase(manifest, outcome.target, report, baseline, targetBaselines));
      else failed = compareWithBaseline(report, baseline, manifest, options, context) || failed;
    }
    context.observer?.report(report);
  }
  failed = reportDisagreement(manifest.name, outcomes, terminal) || failed;
  modeNotes.print(context);
  if (pending.length > 0) {
    const stats = await judgeStatistical(pending, options, context, false);
    for (const stat of stats) {
      context.observer?.statDiff(stat);
      if (!options.json) io.stdout(`\n${formatStatDiff(stat)}`);
      failed = (stat.regressed && options.failOnRegression) || failed;
    }
    if (stats.length > 1 && !options.json) io.stdout(formatStatSummary(stats));
  }
  profile?.write(context);
  return failed ? 1 : 0;
}

/**
 * Diffs against the baseline the reference way (bench spec: "How the CLI finds the baseline"); human mode prints it
 * after a blank line, JSON mode prints nothing.
 * @returns Whether the run fails: a regression with `--fail-on-regression`.
 */
function compareWithBaseline(
  report: BenchReport,
  baseline: BenchReport,
  manifest: Manifest,
  options: CliOptions,
  context: RunContext,
): boolean {
  const verdict = diff(report, baseline, manifest.tolerance);
  context.observer?.diff(verdict);
  if (!options.json) context.io.stdout(`\n${formatDiff(verdict)}`);
  return verdict.regressed && options.failOnRegression;
}
