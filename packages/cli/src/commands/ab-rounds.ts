import type { Manifest } from '@aver/bench-manifest';
import type { RunCounters } from '@aver/bench-report';
import type { Replicate, ScenarioIsolation, TargetRunner } from '@aver/bench-runner';
import { runReplicate } from '@aver/bench-runner';

/** Two manifests of one scenario: the base and the head version. */
export interface ScenarioPair {
  readonly name: string;
  readonly base: Manifest;
  readonly head: Manifest;
}

/** What one round measured for one scenario: the replicates of each side, in run order. */
export interface RoundResult {
  readonly base: readonly Replicate[];
  readonly head: readonly Replicate[];
}

/** How a round runs its replicates. */
export interface RoundOptions {
  readonly target: TargetRunner;
  /** Replicates per side. */
  readonly replicates: number;
  readonly isolation: ScenarioIsolation;
  /** Called before each replicate starts (progress). */
  readonly onReplicate?: (scenario: string, done: number, total: number) => void;
}

/**
 * The order of a round's replicates: pairs alternate which side goes first (A B, B A, A B, …, ABBA), so a machine
 * that drifts during the round (a neighbour starts, the CPU warms up) slows both sides alike.
 * @param replicates Replicates per side.
 * @returns `'base'`/`'head'` for each of the `2 × replicates` runs.
 */
export function abbaOrder(replicates: number): ('base' | 'head')[] {
  const order: ('base' | 'head')[] = [];
  for (let pair = 0; pair < replicates; pair++)
    order.push(...(pair % 2 === 0 ? (['base', 'head'] as const) : (['head', 'base'] as const)));
  return order;
}

/**
 * One round of an A/B comparison for one scenario: `replicates` fresh isolates per side, interleaved ABBA, each with
 * the manifest's own warm-up, timed iterations and counted run. Run errors propagate.
 * @param pair The scenario's two manifests.
 * @param options Target, replicates, isolation.
 * @returns The replicates of each side.
 */
export async function runRound(pair: ScenarioPair, options: RoundOptions): Promise<RoundResult> {
  const base: Replicate[] = [];
  const head: Replicate[] = [];
  const order = abbaOrder(options.replicates);
  for (const [index, side] of order.entries()) {
    options.onReplicate?.(pair.name, index, order.length);
    const replicate = await runReplicate(side === 'base' ? pair.base : pair.head, options.target, {
      isolation: options.isolation,
    });
    (side === 'base' ? base : head).push(replicate);
  }
  return { base, head };
}

/** Two rounds of one scenario as one: each side's replicates of the first round, then of the second. */
export function poolRounds(first: RoundResult, second: RoundResult): RoundResult {
  return { base: [...first.base, ...second.base], head: [...first.head, ...second.head] };
}

/** Each replicate's timed samples: the input of the statistics. */
export function samplesOf(replicates: readonly Replicate[]): number[][] {
  return replicates.map((replicate) => [...replicate.samplesMs]);
}

/** The counters of the replicates that counted. */
export function countersOf(replicates: readonly Replicate[]): RunCounters[] {
  return replicates.flatMap((replicate) => (replicate.counters === null ? [] : [replicate.counters]));
}
