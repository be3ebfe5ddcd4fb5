import type { DiffReport } from '@aver/bench-diff';
import type { BenchReport } from '@aver/bench-report';

/**
 * The verdict of one comparison. `regression`, `improvement`, `unchanged` and `inconclusive` come from the
 * statistical comparison (`ab` lines); `ok` is the reference diff's word for "within tolerance", which says
 * nothing about a change either way.
 */
export type Verdict = 'regression' | 'improvement' | 'unchanged' | 'inconclusive' | 'ok';

/** An `aver-bench ab` NDJSON line: `{"kind":"ab","scenario":…,"time":{…},"counters":{…},"response":…,…}`. */
export interface AbLine {
  readonly scenario: string;
  readonly time: {
    readonly verdict: Verdict;
    /** head / base of the median time. */
    readonly ratio: number | null;
    /** Confidence interval of the ratio, `[low, high]`. */
    readonly ci: readonly [number, number] | null;
  };
  readonly counters: { readonly verdict: Verdict } | null;
  readonly response: 'same' | 'changed' | null;
  /** The whole line as parsed, keys the reader does not model included. */
  readonly raw: Readonly<Record<string, unknown>>;
}

/**
 * A statistical comparison with a stored baseline (`--compare`/`--baseline-dir` when both sides carry replicates):
 * `{"kind":"stat-diff","scenario","time","counters","response","target","regressed","notes","base","head",…}`.
 * It belongs to the report of its scenario and target in the same file (a run prints these lines after its
 * reports, once the folder has been judged).
 */
export interface StatDiffLine extends AbLine {
  readonly target: string;
  /** Whether the gate failed on it. */
  readonly regressed: boolean;
  readonly notes: readonly string[];
}

/**
 * The first line of a sharded directory run (`--shard K/N --json`): which slice of which plan the output holds,
 * so `merge` can tell a missing scenario from one that was never planned.
 */
export interface ShardLine {
  /** K, 1-based. */
  readonly index: number;
  /** N. */
  readonly count: number;
  /** Every scenario of the folder, in run (bytewise file name) order. */
  readonly scenarios: readonly string[];
  /** The scenarios of this shard, in run order. */
  readonly assigned: readonly string[];
  /** The targets each scenario runs on. */
  readonly targets: readonly string[];
}

/**
 * A scenario that was contained rather than measured (it ran out of time or memory): written in its report's
 * place as `{"kind":"failure","scenario","target","error","message"}`.
 */
export interface FailureLine {
  readonly scenario: string;
  readonly target: string;
  /** The run error's kind: `timeout`, `memory`, ... */
  readonly error: string;
  readonly message: string;
}

/** One line (or one whole pretty document) of an output file, with where it came from. */
export type ResultEntry =
  | { readonly kind: 'report'; readonly line: number; readonly text: string; readonly report: BenchReport }
  | { readonly kind: 'diff'; readonly line: number; readonly text: string; readonly diff: DiffReport }
  | { readonly kind: 'ab'; readonly line: number; readonly text: string; readonly ab: AbLine }
  | { readonly kind: 'stat-diff'; readonly line: number; readonly text: string; readonly stat: StatDiffLine }
  | { readonly kind: 'shard'; readonly line: number; readonly text: string; readonly shard: ShardLine }
  | { readonly kind: 'failure'; readonly line: number; readonly text: string; readonly failure: FailureLine };

/** A file of results: a pretty report, a baseline, a `--json` run, `ab` output or a shard output. */
export interface ResultFile {
  /** Where it was read from (a path, as given). */
  readonly source: string;
  readonly entries: readonly ResultEntry[];
  /** Lines this version does not understand (an unknown `kind`), each with its line number. */
  readonly warnings: readonly string[];
}

/** Base against head for one scenario: from a reference diff line, an `ab` line or a `stat-diff` line. */
export interface Comparison {
  readonly source: 'diff' | 'ab' | 'stat-diff';
  readonly verdict: Verdict;
  /** head / base of the p50 (diff) or of the median (ab); `null` when the base is not positive. */
  readonly ratio: number | null;
  /** Confidence interval of the ratio; only the statistical comparisons (`ab`, `stat-diff`) have one. */
  readonly interval: readonly [number, number] | null;
  readonly baseP50Ms: number | null;
  readonly headP50Ms: number | null;
  readonly baseP95Ms: number | null;
  readonly headP95Ms: number | null;
  /** The counters' own verdict (`ab`, `stat-diff`), if any. */
  readonly countersVerdict: Verdict | null;
  /** Whether the response stayed the same (`ab`, `stat-diff`), if known. */
  readonly response: 'same' | 'changed' | null;
  /** The diff's notes, in order (a reference diff or a `stat-diff` line). */
  readonly notes: readonly string[];
}

/** What one scenario shows: its latest report (or failure) and the comparison that goes with it. */
export interface ScenarioResult {
  readonly name: string;
  /** The target, or `null` for an `ab` comparison that does not name one. */
  readonly target: string | null;
  readonly report: BenchReport | null;
  readonly comparison: Comparison | null;
  /** Set when the scenario's latest run failed instead of giving a report (then `report` is `null`). */
  readonly failure?: FailureLine | null;
  /** Where the report (or the comparison) was read from. */
  readonly source: string;
}

/** One point of a scenario's history: its report in one input file. */
export interface HistoryPoint {
  /** Index of the run (input file with reports), 0-based, in the order given. */
  readonly run: number;
  readonly report: BenchReport;
  /** Whether this point regressed against the previous point of the same scenario. */
  readonly regressed: boolean;
  /** Why, when it regressed: the verdict's notes or metric lines. */
  readonly reasons: readonly string[];
}

/** A scenario's reports across runs, oldest first. */
export interface ScenarioHistory {
  readonly name: string;
  readonly target: string;
  readonly points: readonly HistoryPoint[];
}
