import type { Manifest } from '@aver/bench-manifest';
import type { BenchReport } from '@aver/bench-report';
import { escapeControlChars } from '@aver/bench-report';
import type { RunError, RunScenarioOptions, ScenarioRun, TargetRunner } from '@aver/bench-runner';
import { firstDifference, isRunError, runScenarioDetailed } from '@aver/bench-runner';
import type { Terminal } from './cli-io.js';
import * as messages from './messages.js';
import type { RunContext } from './run-context.js';

/** One scenario on one target: measured, or contained (it ran out of time or memory and was ended). */
export type TargetOutcome =
  | { readonly kind: 'ran'; readonly target: TargetRunner; readonly run: ScenarioRun }
  | { readonly kind: 'failed'; readonly target: TargetRunner; readonly error: RunError };

/** Failures of a runaway program: the scenario is ended and reported, and the other scenarios still run. */
const CONTAINED: ReadonlySet<string> = new Set(['timeout', 'memory']);

/**
 * Runs one scenario on every target of the run, in order. A timeout or an out-of-memory ends only that run (a
 * `failed` outcome); any other error propagates, as the reference stops at a run error.
 * @param manifest The scenario.
 * @param context The run's targets and scenario options.
 * @param extra More options for each run (a progress callback).
 * @returns One outcome per target.
 * @throws {RunError} A failure that is not contained.
 */
export async function runOnTargets(
  manifest: Manifest,
  context: RunContext,
  extra: RunScenarioOptions = {},
): Promise<TargetOutcome[]> {
  const outcomes: TargetOutcome[] = [];
  for (const target of context.targets) {
    try {
      outcomes.push({
        kind: 'ran',
        target,
        run: await runScenarioDetailed(manifest, target, { ...context.scenarioOptions, ...extra }),
      });
    } catch (error) {
      if (isRunError(error) && CONTAINED.has(error.kind)) outcomes.push({ kind: 'failed', target, error });
      else throw error;
    }
  }
  return outcomes;
}

/**
 * The correctness gate between backends: every target that ran must have rendered the same response (the same
 * `response_sha256`). Says "targets disagree" on stderr, naming the first target and each one that differs and
 * their first differing bytes, escaped.
 * @returns Whether some target disagreed (the run then exits 1).
 */
export function reportDisagreement(
  scenario: string,
  outcomes: readonly TargetOutcome[],
  terminal: Terminal,
): boolean {
  const ran = outcomes.filter((outcome) => outcome.kind === 'ran');
  const first = ran[0];
  if (first === undefined) return false;
  let disagree = false;
  for (const other of ran.slice(1)) {
    const difference = firstDifference(first.run.responseText, other.run.responseText);
    if (difference === null) continue;
    disagree = true;
    terminal.error(
      messages.targetsDisagree(
        escapeControlChars(scenario),
        first.target.name,
        other.target.name,
        difference.offset,
        difference.left,
        difference.right,
      ),
    );
  }
  return disagree;
}

/**
 * Warns on stderr, naming the scenario, when a replicate's timed samples were still trending down (the JIT still
 * arriving while timed) or its automatic warm-up ran out of budget before the run time was stable.
 */
export function warnUnsteady(report: BenchReport, terminal: Terminal): void {
  const replicates = report.replicates ?? [];
  const label = `${escapeControlChars(report.scenario.name)} [${report.scenario.target}]`;
  replicates.forEach((replicate, index) => {
    const trend = replicate.steady_state;
    const which = replicates.length > 1 ? messages.replicateOf(index + 1, replicates.length) : '';
    if (trend?.trending === true) {
      terminal.warn(
        messages.stillTrending(label, which, trend.kendall_tau, trend.p_value, trend.early_late_ratio),
      );
    }
    if (replicate.warmup_stable === false)
      terminal.warn(messages.warmupUnstable(label, which, replicate.warmup_count));
  });
}
