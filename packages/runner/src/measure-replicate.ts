import type { RunCounters } from '@aver/bench-report';
import { firstDifference } from './first-difference.js';
import * as messages from './messages.js';
import { RunError } from './run-error.js';
import type { PreparedScenario, TargetBackend, TargetJob, TargetRunner } from './target.js';
import type { WarmupPlan } from './warm-up.js';
import { isPromiseLike, warmUp } from './warm-up.js';

/** How one replicate is measured: plain data, so it crosses into an isolate with the job. */
export interface ProtocolPlan {
  /** Timed iterations, at least 1. */
  readonly iterations: number;
  /** Untimed runs before them: a count, or `'auto'`. */
  readonly warmup: WarmupPlan;
  /** Whether to make the untimed counted run after the timed ones. */
  readonly count: boolean;
}

/** What one replicate yields, in its isolate: plain data, so a worker or a child process can post it back. */
export interface ReplicateMeasurement {
  /** One wall-clock duration per timed iteration, in milliseconds, in measurement order. */
  readonly samplesMs: number[];
  /** Untimed warm-up runs made. */
  readonly warmupRuns: number;
  /** For `warmup = "auto"`: whether the stopping rule was met within its budget; `null` for a fixed count. */
  readonly warmupStable: boolean | null;
  /** The rendered response, the same on every timed iteration; `null` for Unit. */
  readonly responseText: string | null;
  readonly passesApplied: string[];
  readonly compilerVisibleAllocs: number | null;
  readonly backend: TargetBackend;
  /** The counted run's counters, verbatim, or `null` (not counted, or the target cannot count). */
  readonly counters: RunCounters | null;
}

/**
 * The measurement protocol, the same for every target and isolation: prepare once, warm up, time each of
 * `plan.iterations` runs with `clock` (the clock runs around `runOnce` and the settling of its promise, if any),
 * check after each timed run that the response is a string or `null` and the same as the first one, then make
 * the untimed counted run. The prepared scenario is disposed of in every case.
 * @param target The target.
 * @param job The scenario.
 * @param plan Iterations, warm-up and whether to count.
 * @param clock Monotonic nanoseconds.
 * @returns The measurement.
 * @throws {RunError} From the target (`read` … `runtime`, `setup`); `setup` when the target returns something
 *   that is not a response; `nondeterministic` when a timed iteration's response differs from the first one.
 */
export async function measureReplicate(
  target: TargetRunner,
  job: TargetJob,
  plan: ProtocolPlan,
  clock: () => bigint,
): Promise<ReplicateMeasurement> {
  const prepared = await target.prepare(job);
  checkPrepared(target.name, prepared);
  try {
    const warmup = await warmUp(() => prepared.runOnce(), plan.warmup, clock);
    const samplesMs = new Array<number>(plan.iterations);
    let first: string | null = null;
    for (let iteration = 0; iteration < plan.iterations; iteration++) {
      const start = clock();
      let response = prepared.runOnce();
      if (isPromiseLike(response)) response = await response;
      const end = clock();
      samplesMs[iteration] = Number(end - start) / 1e6;
      if (typeof response !== 'string' && response !== null) {
        throw new RunError('setup', messages.badResponse(target.name, describe(response)));
      }
      if (iteration === 0) first = response;
      else if (response !== first) throw changedResponse(iteration, first, response);
    }
    const counters = plan.count && prepared.countedRun !== undefined ? await prepared.countedRun() : null;
    return {
      samplesMs,
      warmupRuns: warmup.runs,
      warmupStable: warmup.stable,
      responseText: first,
      passesApplied: [...prepared.passesApplied],
      compilerVisibleAllocs: prepared.compilerVisibleAllocs,
      backend: { ...prepared.backend },
      counters: counters ?? null,
    };
  } finally {
    await prepared.dispose?.();
  }
}

function checkPrepared(name: string, prepared: PreparedScenario): void {
  if (typeof prepared !== 'object' || prepared === null || typeof prepared.runOnce !== 'function') {
    throw new RunError('setup', messages.badPrepared(name));
  }
}

function changedResponse(iteration: number, first: string | null, current: string | null): RunError {
  const difference = firstDifference(first, current);
  return new RunError(
    'nondeterministic',
    messages.responseChanged(iteration + 1, difference!.offset, difference!.left, difference!.right),
  );
}

function describe(value: unknown): string {
  return value === undefined ? 'undefined' : typeof value;
}
