import * as messages from './messages.js';
import { median } from './quantile.js';
import { StatsInputError } from './stats-input-error.js';

/**
 * One side of a comparison: its replicates (each a fresh isolate or process), each holding that replicate's timed
 * samples in milliseconds.
 */
export type Replicates = readonly (readonly number[])[];

/**
 * Checks one side: at least one replicate, every replicate non-empty, every sample finite and positive (a location
 * is divided by, and a run never takes zero time).
 *
 * @param replicates The side.
 * @param side Its name in messages (`base`, `head`).
 * @throws {StatsInputError} Naming the first problem.
 */
export function checkReplicates(replicates: Replicates, side: string): void {
  if (replicates.length === 0) throw new StatsInputError(messages.empty(`${side} replicates`));
  replicates.forEach((samples, index) => {
    if (samples.length === 0) throw new StatsInputError(messages.emptyReplicate(side, index));
    for (const sample of samples) {
      if (!Number.isFinite(sample)) throw new StatsInputError(messages.notFinite(`${side} sample`, sample));
      if (sample <= 0) throw new StatsInputError(messages.notPositive(`${side} sample`, sample));
    }
  });
}

/**
 * Each replicate's median, in replicate order: the one value per isolate that the rank test compares (samples
 * within one isolate are not independent, so they are not compared one by one).
 *
 * @param replicates One side.
 * @returns One median per replicate.
 */
export function replicateMedians(replicates: Replicates): number[] {
  return replicates.map((samples) => median(samples));
}

/**
 * The side's location: the median of its replicates' medians. Robust twice over: a slow sample cannot move a
 * replicate's median far, and a slow isolate cannot move the median of the replicates far.
 *
 * @param replicates One side (checked by the caller or by `median`).
 * @returns The location in milliseconds.
 */
export function medianOfMedians(replicates: Replicates): number {
  return median(replicateMedians(replicates));
}
