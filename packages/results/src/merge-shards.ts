import type { BenchReport, HostInfo } from '@aver/bench-report';
import * as messages from './messages.js';
import { ResultsError } from './results-error.js';
import type { ResultFile, ShardLine } from './types.js';

/** Shard outputs joined into one run. */
export interface MergedShards {
  /**
   * The NDJSON lines, in scenario order: each report preceded by its diff line, if it has one; then the `stat-diff`
   * lines, in scenario order (a run prints them after its reports).
   */
  readonly lines: readonly string[];
  /** The reports, in the same order (failure records have none). */
  readonly reports: readonly BenchReport[];
  /** N, the number of shards merged. */
  readonly count: number;
}

interface Placed {
  /** The report, or `null` for a failure record in its place. */
  readonly report: BenchReport | null;
  readonly lines: readonly string[];
  readonly where: string;
}

/**
 * Joins the `--shard K/N --json` outputs of one plan into the output an unsharded run would have printed:
 * report lines (each after its diff line) in the plan's scenario order, targets in the plan's order, then the
 * `stat-diff` lines in the same order (each shard judged its own scenarios: Holm's family is the shard). Knows what
 * is missing from the shard lines: each output starts with the full scenario list, its own share and the targets.
 * A failure record (a scenario that ran out of time or memory) takes its report's place.
 *
 * Refuses, with a message naming the files and lines: a file without (or with two) shard lines; outputs of
 * different plans (count, scenarios or targets differ); a shard given twice or missing; a report outside its
 * shard's share; the same scenario and target twice; a planned scenario without its report (a shard that stopped
 * early); reports from different hosts (os, arch or cpus differ); a diff or `stat-diff` line without its report;
 * `ab` lines.
 *
 * @param files The shard outputs, in any order.
 * @returns The merged lines and reports.
 * @throws {ResultsError} For every case above.
 */
export function mergeShards(files: readonly ResultFile[]): MergedShards {
  if (files.length === 0) throw new ResultsError(messages.mergeNothing());
  const shards = files.map((file) => ({ file, shard: shardLineOf(file) }));
  const plan = shards[0]!;
  for (const other of shards.slice(1)) checkSamePlan(plan, other);
  const count = plan.shard.count;

  const byIndex = new Map<number, ResultFile>();
  for (const { file, shard } of shards) {
    const previous = byIndex.get(shard.index);
    if (previous !== undefined) {
      throw new ResultsError(messages.mergeShardTwice(label(shard), previous.source, file.source));
    }
    byIndex.set(shard.index, file);
  }
  const missingShards: string[] = [];
  const unplaced: string[] = [];
  for (let index = 1; index <= count; index++) {
    if (byIndex.has(index)) continue;
    missingShards.push(`${index}/${count}`);
  }
  if (missingShards.length > 0) {
    const covered = new Set(shards.flatMap(({ shard }) => shard.assigned));
    for (const name of plan.shard.scenarios) if (!covered.has(name)) unplaced.push(name);
    throw new ResultsError(messages.mergeShardMissing(missingShards, unplaced));
  }

  checkShares(
    shards.map(({ shard }) => shard),
    plan.shard.scenarios,
  );

  const placed = new Map<string, Placed>();
  const statLines = new Map<string, string>();
  let firstHost: { host: HostInfo; where: string } | null = null;
  for (const { file, shard } of [...shards].sort((a, b) => a.shard.index - b.shard.index)) {
    const assigned = new Set(shard.assigned);
    const pendingDiffs = new Map<string, { text: string; line: number }>();
    const fileStats: { key: string; name: string; text: string; line: number }[] = [];
    const fileReports = new Set<string>();
    for (const entry of file.entries) {
      if (entry.kind === 'shard') continue;
      if (entry.kind === 'ab') throw new ResultsError(messages.mergeAbLine(file.source, entry.line));
      if (entry.kind === 'stat-diff') {
        const { scenario: name, target } = entry.stat;
        fileStats.push({ key: `${name}\u0000${target}`, name, text: entry.text, line: entry.line });
        continue;
      }
      if (entry.kind === 'diff') {
        pendingDiffs.set(entry.diff.scenario, { text: entry.text, line: entry.line });
        continue;
      }
      const report = entry.kind === 'report' ? entry.report : null;
      const name = entry.kind === 'report' ? entry.report.scenario.name : entry.failure.scenario;
      const target = entry.kind === 'report' ? entry.report.scenario.target : entry.failure.target;
      const where = messages.place(file.source, entry.line);
      if (!assigned.has(name)) {
        throw new ResultsError(messages.mergeNotAssigned(file.source, entry.line, name, label(shard)));
      }
      const key = `${name}\u0000${target}`;
      fileReports.add(key);
      const earlier = placed.get(key);
      if (earlier !== undefined)
        throw new ResultsError(messages.mergeDuplicate(name, target, earlier.where, where));
      if (report === null) {
        placed.set(key, { report, lines: [entry.text], where });
        continue;
      }
      if (firstHost === null) firstHost = { host: report.host, where };
      else if (!sameHost(firstHost.host, report.host)) {
        throw new ResultsError(
          messages.mergeHosts(firstHost.where, hostText(firstHost.host), where, hostText(report.host)),
        );
      }
      const diff = pendingDiffs.get(name);
      pendingDiffs.delete(name);
      placed.set(key, { report, lines: diff === undefined ? [entry.text] : [diff.text, entry.text], where });
    }
    const [unpaired] = pendingDiffs;
    if (unpaired !== undefined) {
      throw new ResultsError(messages.mergeUnpairedDiff(file.source, unpaired[1].line, unpaired[0]));
    }
    for (const stat of fileStats) {
      if (!fileReports.has(stat.key))
        throw new ResultsError(messages.mergeUnpairedStatDiff(file.source, stat.line, stat.name));
      statLines.set(stat.key, stat.text);
    }
    const missing = shard.assigned.flatMap((name) =>
      shard.targets.flatMap((target) =>
        placed.has(`${name}\u0000${target}`) ? [] : [shard.targets.length > 1 ? `${name} [${target}]` : name],
      ),
    );
    if (missing.length > 0) throw new ResultsError(messages.mergeMissing(file.source, label(shard), missing));
  }

  const lines: string[] = [];
  const reports: BenchReport[] = [];
  for (const name of plan.shard.scenarios) {
    for (const target of plan.shard.targets) {
      const item = placed.get(`${name}\u0000${target}`)!;
      lines.push(...item.lines);
      if (item.report !== null) reports.push(item.report);
    }
  }
  for (const name of plan.shard.scenarios) {
    for (const target of plan.shard.targets) {
      const stat = statLines.get(`${name}\u0000${target}`);
      if (stat !== undefined) lines.push(stat);
    }
  }
  return { lines, reports, count };
}

function shardLineOf(file: ResultFile): ShardLine {
  const lines = file.entries.filter((entry) => entry.kind === 'shard');
  if (lines.length === 0) throw new ResultsError(messages.mergeNoShardLine(file.source));
  if (lines.length > 1) {
    throw new ResultsError(messages.mergeTwoShardLines(file.source, lines[0]!.line, lines[1]!.line));
  }
  return lines[0]!.shard;
}

function checkSamePlan(
  first: { file: ResultFile; shard: ShardLine },
  other: { file: ResultFile; shard: ShardLine },
): void {
  const differs: string[] = [];
  if (first.shard.count !== other.shard.count) differs.push('shard counts');
  if (!sameList(first.shard.scenarios, other.shard.scenarios)) differs.push('scenario lists');
  if (!sameList(first.shard.targets, other.shard.targets)) differs.push('targets');
  if (differs.length === 0) return;
  throw new ResultsError(
    messages.mergeOtherPlan(
      first.file.source,
      label(first.shard),
      other.file.source,
      label(other.shard),
      differs.join(' and '),
    ),
  );
}

/** Every planned scenario in exactly one shard's share: shards that split differently cannot be merged. */
function checkShares(shards: readonly ShardLine[], scenarios: readonly string[]): void {
  const owner = new Map<string, ShardLine>();
  const planned = new Set(scenarios);
  for (const shard of shards) {
    for (const name of shard.assigned) {
      if (!planned.has(name)) throw new ResultsError(messages.mergeUnplanned(name, label(shard)));
      const other = owner.get(name);
      if (other !== undefined)
        throw new ResultsError(messages.mergeSharedScenario(name, label(other), label(shard)));
      owner.set(name, shard);
    }
  }
  const orphans = scenarios.filter((name) => !owner.has(name));
  if (orphans.length > 0) throw new ResultsError(messages.mergeOrphans(orphans));
}

function label(shard: ShardLine): string {
  return `${shard.index}/${shard.count}`;
}

function sameList(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((item, index) => item === right[index]);
}

function sameHost(left: HostInfo, right: HostInfo): boolean {
  return left.os === right.os && left.arch === right.arch && left.cpus === right.cpus;
}

function hostText(host: HostInfo): string {
  return messages.hostText(host.os, host.arch, host.cpus);
}
