/** Every user-facing text of @aver/bench-results, in one place. */

/** Prefix of a problem in one file, or one line of it (1-based). */
export const at = (source: string, line: number | undefined, message: string): string =>
  line === undefined ? `${source}: ${message}` : `${source}:${line}: ${message}`;

export const emptyFile = (): string => 'no reports or result lines (the file is empty)';

export const notAnObject = (got: string): string =>
  `expected a JSON object (a report or a {"kind":…} line), got ${got}`;

export const invalidJson = (detail: string): string => `invalid JSON: ${detail}`;

export const kindNotText = (): string => '"kind" must be a string';

export const unknownKind = (source: string, line: number, kind: string): string =>
  `${source}:${line}: skipped a "${kind}" line (not a kind this version reads: report, diff, failure, ab, shard)`;

export const badLine = (kind: string, detail: string): string => `not a valid ${kind} line: ${detail}`;

/** Shard planning. */
export const badShardCount = (count: number): string =>
  `the shard count must be a positive integer, got ${count}`;
export const duplicateScenario = (name: string): string => `scenario '${name}' is listed twice`;
export const badShardIndex = (index: number, count: number): string =>
  `shard ${index}/${count}: the index must be between 1 and ${count}`;

/** Merging shard outputs. */
export const mergeNothing = (): string => 'nothing to merge: give the outputs of every shard';
export const mergeNoShardLine = (source: string): string =>
  `${source}: no shard line; merge reads the --json output of a run with --shard K/N`;
export const mergeTwoShardLines = (source: string, first: number, second: number): string =>
  `${source}: two shard lines (lines ${first} and ${second}); give each shard's output as its own file`;
export const mergeOtherPlan = (
  source: string,
  shard: string,
  other: string,
  otherShard: string,
  what: string,
) =>
  `${source} (shard ${shard}) and ${other} (shard ${otherShard}) come from different shard plans: ${what} differ`;
export const mergeShardTwice = (shard: string, first: string, second: string): string =>
  `shard ${shard} is given twice: ${first} and ${second}`;
export const mergeShardMissing = (shards: readonly string[], scenarios: readonly string[]): string =>
  `missing ${shards.length === 1 ? 'shard' : 'shards'} ${shards.join(', ')}` +
  (scenarios.length === 0 ? ' (no scenarios planned for it)' : `: no reports for ${quoteList(scenarios)}`);
export const mergeUnplanned = (name: string, shard: string): string =>
  `shard ${shard} lists scenario '${name}', which is not in the plan's scenario list`;
export const mergeSharedScenario = (name: string, first: string, second: string): string =>
  `scenario '${name}' is in shards ${first} and ${second}: the shards split the scenarios differently ` +
  '(each shard must see the same scenarios and the same baseline)';
export const mergeOrphans = (names: readonly string[]): string =>
  `no shard ran ${quoteList(names)}: the shards split the scenarios differently ` +
  '(each shard must see the same scenarios and the same baseline)';
export const mergeNotAssigned = (source: string, line: number, name: string, shard: string): string =>
  `${source}:${line}: scenario '${name}' is not in shard ${shard}`;
export const mergeDuplicate = (name: string, target: string, first: string, second: string): string =>
  `duplicate report for scenario '${name}' [${target}]: ${first} and ${second}`;
export const mergeMissing = (source: string, shard: string, missing: readonly string[]): string =>
  `${source} (shard ${shard}) has no report for ${quoteList(missing)}; did that shard stop early?`;
export const mergeHosts = (first: string, firstHost: string, second: string, secondHost: string): string =>
  `reports from different hosts cannot be merged: ${first} ran on ${firstHost}, ${second} on ${secondHost}`;
export const mergeUnpairedDiff = (source: string, line: number, name: string): string =>
  `${source}:${line}: diff line for '${name}' is not followed by a report of that scenario`;
export const mergeUnpairedStatDiff = (source: string, line: number, name: string): string =>
  `${source}:${line}: stat-diff line for '${name}' has no report of that scenario in the same file`;
export const mergeAbLine = (source: string, line: number): string =>
  `${source}:${line}: ab lines are not shard output and cannot be merged`;

/** `host` as people read it: `linux/x86_64 (2 cpus)`. */
export const hostText = (os: string, arch: string, cpus: number): string => `${os}/${arch} (${cpus} cpus)`;

/** A place in a file: `shard-1.ndjson:3`. */
export const place = (source: string, line: number): string => `${source}:${line}`;

function quoteList(names: readonly string[]): string {
  const quoted = names.map((name) => `'${name}'`);
  return quoted.length <= 5
    ? quoted.join(', ')
    : `${quoted.slice(0, 5).join(', ')} and ${quoted.length - 5} more`;
}
