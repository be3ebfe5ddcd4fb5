import type { StatDiff, TimeCase } from '@aver/bench-diff';
import {
  effectTolerancePct,
  judgeTimes,
  measureBaselineEffect,
  replicateSamples,
  statDiff,
} from '@aver/bench-diff';
import type { Manifest } from '@aver/bench-manifest';
import type { BenchReport } from '@aver/bench-report';
import { escapeControlChars } from '@aver/bench-report';
import type { TargetRunner } from '@aver/bench-runner';
import { isRunError, runScenarioDetailed } from '@aver/bench-runner';
import type { Baselines } from './baselines.js';
import { CliError } from './cli-errors.js';
import * as messages from './messages.js';
import { noiseOf } from './noise-files.js';
import type { CliOptions } from './parse-cli-args.js';
import type { RunContext } from './run-context.js';

/*
 * A stored baseline is compared with the statistics of `aver-bench ab` when both sides carry replicates (`--replicates
 * N`, at least two): the ratio of medians of replicate medians with its hierarchical-bootstrap interval, the rank
 * test with Holm over every such comparison of the run (one family), the threshold max(`wall_time_effect_pct`,
 * the calibrated cross-run noise floor), the counters compared exactly, and the reference's gated notes. In gate
 * mode a `regression` or `inconclusive` time verdict is measured once more (the same replicates against the same
 * baseline, Holm over the confirmed scenarios), and both rounds' replicates together decide. A reference-format
 * baseline (no replicates) is compared the reference way, with its byte-exact layouts.
 */

/** One scenario and target waiting for its statistical verdict. */
export interface StatCase {
  readonly manifest: Manifest;
  readonly target: TargetRunner;
  readonly report: BenchReport;
  readonly baseline: BenchReport;
  /** The calibrated cross-run noise floor of the scenario, in percent. */
  readonly noiseFloorPct: number | null;
}

/** Why a comparison fell back to the reference way although one side has replicates. */
export type ModeMismatch = 'run-without-replicates' | 'baseline-without-replicates';

/** How a report is compared with its baseline, and why not statistically when only one side has replicates. */
export function comparisonMode(
  report: BenchReport,
  baseline: BenchReport,
): { readonly statistical: boolean; readonly mismatch: ModeMismatch | null } {
  const run = replicateSamples(report) !== null;
  const base = replicateSamples(baseline) !== null;
  if (run && base) return { statistical: true, mismatch: null };
  if (base) return { statistical: false, mismatch: 'run-without-replicates' };
  if (run) return { statistical: false, mismatch: 'baseline-without-replicates' };
  return { statistical: false, mismatch: null };
}

/** A case for `judgeStatistical`, with this scenario's noise floor from the baseline's noise file. */
export function statCase(
  manifest: Manifest,
  target: TargetRunner,
  report: BenchReport,
  baseline: BenchReport,
  baselines: Baselines,
): StatCase {
  return {
    manifest,
    target,
    report,
    baseline,
    noiseFloorPct: noiseOf(baselines.noise, manifest.name)?.cross_run_pct ?? null,
  };
}

/**
 * Collects the scenarios compared the reference way although one side had replicates, and says so once per reason
 * on stderr (a mismatch is usually a forgotten `--replicates`).
 */
export class ModeNotes {
  private readonly runWithout: string[] = [];
  private readonly baselineWithout: string[] = [];
  private baselineReplicates = 0;

  add(name: string, mismatch: ModeMismatch | null, baseline: BenchReport): void {
    if (mismatch === 'run-without-replicates') {
      this.runWithout.push(escapeControlChars(name));
      this.baselineReplicates = Math.max(this.baselineReplicates, baseline.replicates?.length ?? 0);
    } else if (mismatch === 'baseline-without-replicates')
      this.baselineWithout.push(escapeControlChars(name));
  }

  print(context: RunContext): void {
    if (this.runWithout.length > 0)
      context.terminal.notice(
        messages.statistical.runWithoutReplicates(this.runWithout, this.baselineReplicates),
      );
    if (this.baselineWithout.length > 0)
      context.terminal.notice(messages.statistical.baselineWithoutReplicates(this.baselineWithout));
  }
}

/**
 * Judges the statistical comparisons of a run as one family, then, in gate mode (`--fail-on-regression` without
 * `--no-confirm`), measures the scenarios whose time verdict is `regression` or `inconclusive` once more, with as
 * many replicates as their first round, and judges them again as their own family on both rounds' replicates
 * together.
 * @param cases The run's statistical comparisons, in run order.
 * @param options The command line.
 * @param context Where to run and say things.
 * @param directory Whether run errors name the scenario (directory mode).
 * @returns One comparison per case, in order.
 * @throws {CliError} When a confirmation round cannot run the scenario.
 */
export async function judgeStatistical(
  cases: readonly StatCase[],
  options: CliOptions,
  context: RunContext,
  directory: boolean,
): Promise<StatDiff[]> {
  const judge = (subset: readonly StatCase[], reports: readonly BenchReport[]): StatDiff[] => {
    const times = judgeTimes(
      subset.map(
        (entry, index): TimeCase => ({
          effect: measureBaselineEffect(reports[index]!, entry.baseline)!,
          tolerancePct: effectTolerancePct(entry.manifest.tolerance),
          noiseFloorPct: entry.noiseFloorPct,
        }),
      ),
    );
    return subset.map((entry, index) =>
      statDiff(reports[index]!, entry.baseline, times[index]!, entry.manifest.tolerance),
    );
  };
  const results = judge(
    cases,
    cases.map((entry) => entry.report),
  );
  if (!options.failOnRegression || !options.confirm) return results;
  const flagged = results.flatMap((result, index) =>
    result.time.verdict === 'regression' || result.time.verdict === 'inconclusive' ? [index] : [],
  );
  if (flagged.length === 0) return results;
  context.terminal.notice(messages.statistical.confirming(flagged.length));
  const subset = flagged.map((index) => cases[index]!);
  const again = await rerun(subset, context, directory);
  // The confirmation round adds to the evidence rather than replacing it: the first round's replicates and the
  // new ones decide together (bench/README.md, "The statistical gate", measured why).
  const confirmed = judge(
    subset,
    again.map((report, at) => poolReplicates(subset[at]!.report, report)),
  );
  flagged.forEach((index, at) => {
    results[index] = { ...confirmed[at]!, confirmation: { first_verdict: results[index]!.time.verdict } };
  });
  return results;
}

/**
 * The confirmation round's report with the first round's replicates put before its own: the statistics read the
 * replicates, so both rounds decide; the rest of the report (counters, response) is the confirmation round's.
 */
function poolReplicates(first: BenchReport, again: BenchReport): BenchReport {
  return { ...again, replicates: [...(first.replicates ?? []), ...(again.replicates ?? [])] };
}

/** One more round of each scenario, as many replicates as its first round. */
async function rerun(
  subset: readonly StatCase[],
  context: RunContext,
  directory: boolean,
): Promise<BenchReport[]> {
  const reports: BenchReport[] = [];
  const progress = context.terminal.startProgress({ costs: subset.map(() => null) });
  try {
    for (const [index, entry] of subset.entries()) {
      progress.start(index, entry.manifest.name);
      const run = await runScenarioDetailed(entry.manifest, entry.target, {
        ...context.scenarioOptions,
        replicates: entry.report.replicates!.length,
        onReplicate: (_replicate, done, total) => progress.replicate(done + 1, total),
      });
      reports.push(run.report);
      progress.finish(index);
    }
  } catch (error) {
    if (isRunError(error)) {
      const name = subset[reports.length]!.manifest.name;
      throw new CliError(
        directory ? messages.benchRunNamed(name, error.message) : messages.benchRun(error.message),
      );
    }
    throw error;
  } finally {
    progress.stop();
  }
  return reports;
}
