import { median } from '@aver/bench-report';

/** How many untimed runs precede the timed ones: a fixed count, or `'auto'` (until the per-run time is stable). */
export type WarmupPlan = number | 'auto';

/** What the warm-up did. */
export interface WarmupOutcome {
  /** Untimed runs made. */
  readonly runs: number;
  /** For `'auto'`: whether the stopping rule was met (`false`: the budget ran out first); `null` for a count. */
  readonly stable: boolean | null;
}

/**
 * The stopping rule of `warmup = "auto"`. Runs are timed in windows; the warm-up is stable when the median run
 * time of a window is within `tolerance` of the previous window's. The window holds `windowRuns` runs, fewer
 * (down to `minWindowRuns`) for slow programs, so that four windows fit in the time budget. The budget ends the
 * warm-up after `maxRuns` runs or `maxMs` of warm-up time, whichever comes first, stable or not.
 */
export const AUTO_WARMUP = Object.freeze({
  windowRuns: 10,
  minWindowRuns: 3,
  tolerance: 0.05,
  maxRuns: 1000,
  maxMs: 10_000,
});

/** One run of the program (the target's `runOnce`, its result already checked or ignored). */
export type RunOnce = () => unknown;

/**
 * Warms a prepared program up: `plan` untimed runs, or with `'auto'` runs until the per-run time is stable
 * (see `AUTO_WARMUP`).
 * @param runOnce Runs the program once; a returned promise is awaited.
 * @param plan A count or `'auto'`.
 * @param clock Monotonic nanoseconds (used by `'auto'` only).
 * @returns How many runs were made and, for `'auto'`, whether the rule was met.
 */
export async function warmUp(
  runOnce: RunOnce,
  plan: WarmupPlan,
  clock: () => bigint,
): Promise<WarmupOutcome> {
  if (plan !== 'auto') {
    for (let run = 0; run < plan; run++) {
      const result = runOnce();
      if (isPromiseLike(result)) await result;
    }
    return { runs: plan, stable: null };
  }
  return warmUpUntilStable(runOnce, clock);
}

async function warmUpUntilStable(runOnce: RunOnce, clock: () => bigint): Promise<WarmupOutcome> {
  const { windowRuns, minWindowRuns, tolerance, maxRuns, maxMs } = AUTO_WARMUP;
  const begin = clock();
  const elapsedMs = (now: bigint) => Number(now - begin) / 1e6;
  const timedRun = async (): Promise<number> => {
    const start = clock();
    const result = runOnce();
    if (isPromiseLike(result)) await result;
    return Number(clock() - start) / 1e6;
  };
  const firstMs = await timedRun();
  let runs = 1;
  const window = Math.max(
    minWindowRuns,
    Math.min(windowRuns, Math.floor(maxMs / (4 * Math.max(firstMs, 1e-6)))),
  );
  let previous: number | null = null;
  while (runs < maxRuns && elapsedMs(clock()) < maxMs) {
    const times: number[] = [];
    while (times.length < window && runs < maxRuns) {
      times.push(await timedRun());
      runs++;
    }
    if (times.length < window) break;
    const current = median(times);
    if (previous !== null && Math.abs(current - previous) <= tolerance * previous)
      return { runs, stable: true };
    previous = current;
  }
  return { runs, stable: false };
}

/** Whether a target returned a promise (then it is awaited; a synchronous result pays no microtask turn). */
export function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
