import type { BenchReport } from '@aver/bench-report';
import * as messages from './messages.js';
import { ResultsError } from './results-error.js';

/** A scenario to place in a shard, with its expected cost when a baseline gives one. */
export interface PlannedScenario {
  readonly name: string;
  /** Expected run time in ms; `null` when unknown. */
  readonly cost: number | null;
}

/**
 * The fixed cost of one scenario besides its iterations, in ms: a fresh isolate, compiling the program and the
 * counted run (measured at about 80–120 ms per scenario on our CI machine).
 */
export const SCENARIO_OVERHEAD_MS = 100;

/**
 * The expected run time of a scenario from its baseline: the fixed overhead plus the baseline's mean time per
 * iteration times the iterations the manifest asks for now (warm-up, timed and the counted run).
 * @param baseline The scenario's baseline report.
 * @param iterations Timed iterations of the current manifest.
 * @param warmup Warm-up iterations of the current manifest.
 * @returns The cost in ms.
 */
export function expectedCostMs(baseline: BenchReport, iterations: number, warmup: number): number {
  return SCENARIO_OVERHEAD_MS + baseline.iterations.mean_ms * (iterations + warmup + 1);
}

/**
 * Splits scenarios into `count` shards, deterministically: every scenario lands in exactly one shard, and
 * every shard run with the same inputs computes the same split. The split balances expected cost greedily
 * (longest first, each into the shard with the least cost so far; ties go to the earlier scenario and the lower
 * shard). A scenario without a known cost counts as the median of the known costs, or 1 when none is known, so
 * without a baseline the scenarios are dealt round-robin in order.
 *
 * @param scenarios The scenarios in run order (names must be unique).
 * @param count N, the number of shards.
 * @returns For each shard (index 0 = shard 1/N), its scenario names in run order.
 * @throws {ResultsError} When `count` is not a positive integer or a name repeats.
 */
export function planShards(scenarios: readonly PlannedScenario[], count: number): string[][] {
  if (!Number.isSafeInteger(count) || count < 1) throw new ResultsError(messages.badShardCount(count));
  const seen = new Set<string>();
  for (const { name } of scenarios) {
    if (seen.has(name)) throw new ResultsError(messages.duplicateScenario(name));
    seen.add(name);
  }
  const fallback = medianCost(scenarios);
  const order = scenarios
    .map((scenario, position) => ({ position, cost: isKnown(scenario.cost) ? scenario.cost : fallback }))
    .sort((left, right) => right.cost - left.cost || left.position - right.position);
  const totals = new Array<number>(count).fill(0);
  const members: number[][] = Array.from({ length: count }, () => []);
  for (const { position, cost } of order) {
    let lightest = 0;
    for (let shard = 1; shard < count; shard++) if (totals[shard]! < totals[lightest]!) lightest = shard;
    totals[lightest]! += cost;
    members[lightest]!.push(position);
  }
  return members.map((positions) =>
    positions.sort((a, b) => a - b).map((position) => scenarios[position]!.name),
  );
}

/**
 * The scenarios of shard `index` of `count` (1-based), in run order.
 * @throws {ResultsError} When the index is outside 1..count, or as `planShards`.
 */
export function shardOf(scenarios: readonly PlannedScenario[], index: number, count: number): string[] {
  const plan = planShards(scenarios, count);
  if (!Number.isSafeInteger(index) || index < 1 || index > count) {
    throw new ResultsError(messages.badShardIndex(index, count));
  }
  return plan[index - 1]!;
}

function medianCost(scenarios: readonly PlannedScenario[]): number {
  const known = scenarios.flatMap((scenario) => (isKnown(scenario.cost) ? [scenario.cost] : []));
  if (known.length === 0) return 1;
  known.sort((a, b) => a - b);
  const middle = Math.floor(known.length / 2);
  return known.length % 2 === 1 ? known[middle]! : (known[middle - 1]! + known[middle]!) / 2;
}

function isKnown(cost: number | null): cost is number {
  return cost !== null && Number.isFinite(cost) && cost >= 0;
}
