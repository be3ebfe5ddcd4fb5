import { loadManifest } from '@aver/bench-manifest';
import type { BenchReport } from '@aver/bench-report';
import { expectedCostMs, ResultsError, type ShardLine, shardOf } from '@aver/bench-results';
import type { Baselines } from './baselines.js';
import { CliError } from './cli-errors.js';
import type { ShardSpec } from './parse-cli-args.js';

/** The manifests one shard runs, and the shard line that tells `merge` what the whole plan was. */
export interface ShardSelection {
  readonly paths: readonly string[];
  /** The chosen scenarios' expected costs in ms (same order as `paths`), `null` where unknown. */
  readonly costs: readonly (number | null)[];
  readonly line: ShardLine;
}

/**
 * Picks shard K of N of a folder's manifests (in run order). Every manifest is loaded to learn its scenario name
 * and counts; the expected cost of a scenario comes from its baseline entry when there is one (see
 * `@aver/bench-results` `planShards`), so every shard that sees the same folder and baseline makes the same split.
 * @param manifestPaths The folder's manifests, in run order.
 * @param shard K/N.
 * @param baselines The run's baselines, if any.
 * @param targets The targets' names (recorded in the shard line; each scenario runs on each).
 * @throws {ManifestError} When a manifest cannot be loaded; {CliError} when two manifests share a name.
 */
export function selectShard(
  manifestPaths: readonly string[],
  shard: ShardSpec,
  baselines: Baselines | null,
  targets: readonly string[],
): ShardSelection {
  const manifests = manifestPaths.map((path) => ({ path, manifest: loadManifest(path) }));
  const planned = manifests.map(({ manifest }) => {
    const baseline = baselines?.find(manifest.name) ?? null;
    return {
      name: manifest.name,
      cost:
        baseline === null
          ? null
          : expectedCostMs(baseline, manifest.iterations, plannedWarmup(manifest.warmup, baseline)),
    };
  });
  let assigned: string[];
  try {
    assigned = shardOf(planned, shard.index, shard.count);
  } catch (error) {
    if (error instanceof ResultsError) throw new CliError(error.message);
    throw error;
  }
  const chosen = new Set(assigned);
  const picked = planned.flatMap((scenario, index) => (chosen.has(scenario.name) ? [index] : []));
  return {
    paths: picked.map((index) => manifests[index]!.path),
    costs: picked.map((index) => planned[index]!.cost),
    line: {
      index: shard.index,
      count: shard.count,
      scenarios: planned.map((scenario) => scenario.name),
      assigned,
      targets: [...targets],
    },
  };
}

/**
 * The expected cost in ms of each manifest from its baseline entry, for the progress estimate: `null` where the
 * baseline has no entry or the manifest cannot be loaded (the run itself reports that, in order).
 */
export function expectedCosts(
  manifestPaths: readonly string[],
  baselines: Baselines | null,
): (number | null)[] {
  return manifestPaths.map((path) => {
    if (baselines === null) return null;
    try {
      const manifest = loadManifest(path);
      const baseline = baselines.find(manifest.name);
      return baseline === null
        ? null
        : expectedCostMs(baseline, manifest.iterations, plannedWarmup(manifest.warmup, baseline));
    } catch {
      return null;
    }
  });
}

/** The warm-up runs to expect: the manifest's count, or for `warmup = "auto"` what the baseline run used. */
function plannedWarmup(warmup: number | 'auto', baseline: BenchReport): number {
  return warmup === 'auto' ? baseline.scenario.warmup_count : warmup;
}
