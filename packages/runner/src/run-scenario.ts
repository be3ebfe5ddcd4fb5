import type { Manifest } from '@aver/bench-manifest';
import type { BenchReport, HostInfo } from '@aver/bench-report';
import { buildReport } from './build-report.js';
import { captureHost } from './capture-host.js';
import * as messages from './messages.js';
import { isRunError, RunError } from './run-error.js';
import type { Replicate, ReplicateOptions } from './run-replicate.js';
import { runReplicate } from './run-replicate.js';
import type { TargetRunner } from './target.js';
import { resolveTarget } from './target-registry.js';

/** Options of `runScenario`: those of each replicate, plus how many and the scenario's limits. */
export interface RunScenarioOptions
  extends Pick<ReplicateOptions, 'isolation' | 'clock' | 'warmup' | 'iterations' | 'memoryLimitMb'> {
  /** Fresh isolates, each with its own warm-up and timed samples. @default 1 */
  readonly replicates?: number;
  /**
   * Time limit of the whole scenario (every replicate) in ms; when it passes, the running isolate is ended and
   * the scenario fails with a `timeout` `RunError`. Not enforced inline. @default the manifest's `timeoutMs`
   */
  readonly timeoutMs?: number;
  /** The host block. @default captureHost() */
  readonly host?: HostInfo;
  /** Called after each replicate (progress). */
  readonly onReplicate?: (replicate: Replicate, index: number, total: number) => void;
}

/**
 * Runs one scenario on one target and assembles its report (bench spec: "Running a scenario"): `replicates` fresh
 * isolates one after the other (see `runReplicate`), counted once (in the first), then `buildReport`. With one
 * replicate and a fixed warm-up the report has exactly the keys of a plain run.
 * @param manifest The validated manifest.
 * @param target A registered target name (`'vm'`) or a `TargetRunner`.
 * @param options Replicates, isolation, clock, limits and host.
 * @returns The report, with `response_sha256`, `samples_ms` and `counters` filled in.
 * @throws {TargetError} When `target` is a name that is not registered.
 * @throws {TypeError} When `clock` is given with an isolation other than `'inline'`.
 * @throws {RunError} When the program cannot be read, prepared or run, the target misbehaves, the response
 *   changes, or a limit is reached.
 */
export async function runScenario(
  manifest: Manifest,
  target: string | TargetRunner,
  options: RunScenarioOptions = {},
): Promise<BenchReport> {
  return (await runScenarioDetailed(manifest, target, options)).report;
}

/** A report, with what it only summarises: the rendered response (size and hash) and the replicates. */
export interface ScenarioRun {
  readonly report: BenchReport;
  /** The rendered response (the same on every timed iteration and replicate); `null` when `main` returned Unit. */
  readonly responseText: string | null;
  /** Every replicate, in run order. */
  readonly replicates: readonly Replicate[];
}

/**
 * `runScenario`, also returning the rendered response and the replicates, so that a caller can show the
 * response (an `[expected]` mismatch shows its start) or compare it across targets. Same arguments, errors and
 * report.
 */
export async function runScenarioDetailed(
  manifest: Manifest,
  target: string | TargetRunner,
  options: RunScenarioOptions = {},
): Promise<ScenarioRun> {
  const runner = typeof target === 'string' ? resolveTarget(target) : target;
  const total = options.replicates ?? 1;
  if (!Number.isSafeInteger(total) || total < 1) throw new RunError('setup', messages.badReplicates(total));
  const host = options.host ?? captureHost();
  const limit = options.timeoutMs ?? manifest.timeoutMs ?? undefined;
  const deadline = limit === undefined ? null : performance.now() + limit;
  const replicates: Replicate[] = [];
  for (let index = 0; index < total; index++) {
    const remaining = deadline === null ? undefined : Math.max(0, Math.ceil(deadline - performance.now()));
    if (remaining === 0) throw new RunError('timeout', messages.timedOut(limit!));
    let replicate: Replicate;
    try {
      replicate = await runReplicate(manifest, runner, {
        isolation: options.isolation,
        clock: options.clock,
        warmup: options.warmup,
        iterations: options.iterations,
        memoryLimitMb: options.memoryLimitMb,
        count: index === 0,
        ...(remaining === undefined ? {} : { timeoutMs: remaining }),
      });
    } catch (error) {
      // The isolate knows only its share of the limit; the scenario's limit is what the user set.
      if (isRunError(error) && error.kind === 'timeout')
        throw new RunError('timeout', messages.timedOut(limit!));
      throw error;
    }
    replicates.push(replicate);
    options.onReplicate?.(replicate, index, total);
  }
  return {
    report: buildReport(manifest, replicates, host),
    responseText: replicates[0]!.responseText,
    replicates,
  };
}
