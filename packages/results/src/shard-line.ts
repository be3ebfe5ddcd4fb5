import type { ShardLine } from './types.js';

/**
 * The first line of a sharded `--json` run: `{"kind":"shard","index":K,"count":N,"scenarios":[…],
 * "assigned":[…],"targets":[…]}`, compact, without a trailing newline.
 * @param shard What the shard holds.
 * @returns One line of JSON.
 */
export function formatShardLine(shard: ShardLine): string {
  return JSON.stringify({
    kind: 'shard',
    index: shard.index,
    count: shard.count,
    scenarios: shard.scenarios,
    assigned: shard.assigned,
    targets: shard.targets,
  });
}
