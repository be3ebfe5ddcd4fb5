import { type DiffReport, diff } from '@aver/bench-diff';
import { formatFixed } from '@aver/bench-report';
import { comparisonFromAb, comparisonFromDiff, comparisonFromStatLine } from './comparison.js';
import type {
  AbLine,
  HistoryPoint,
  ResultFile,
  ScenarioHistory,
  ScenarioResult,
  StatDiffLine,
} from './types.js';

/**
 * What each scenario shows now: for every scenario and target, the report of the last file that has one, with
 * the comparison that goes with it. A diff line belongs to the next report of its scenario in the same file
 * (directory mode prints it just before); a `stat-diff` line to the report of its scenario and target in the same
 * file (a run prints them after its reports); an `ab` line belongs to every scenario of its name; when several
 * exist, the later one in the input wins. Scenarios keep the order in which they first appear.
 *
 * @param files Result files in the order given (oldest first).
 * @returns One result per scenario and target (or per `ab` scenario without a report).
 */
export function collectScenarios(files: readonly ResultFile[]): ScenarioResult[] {
  const results = new Map<string, ScenarioResult>();
  const attach = (name: string, make: (existing: ScenarioResult | null) => ScenarioResult): void => {
    let found = false;
    for (const [key, result] of results) {
      if (result.name !== name) continue;
      results.set(key, make(result));
      found = true;
    }
    if (!found) results.set(scenarioKey(name, null), make(null));
  };
  for (const file of files) {
    const pending = new Map<string, DiffReport>();
    for (const entry of file.entries) {
      if (entry.kind === 'diff') pending.set(entry.diff.scenario, entry.diff);
      else if (entry.kind === 'report') {
        const { name, target } = entry.report.scenario;
        const paired = pending.get(name);
        pending.delete(name);
        results.delete(scenarioKey(name, null));
        results.set(scenarioKey(name, target), {
          name,
          target,
          report: entry.report,
          comparison: paired === undefined ? null : comparisonFromDiff(paired),
          source: file.source,
        });
      } else if (entry.kind === 'failure') {
        const { scenario: name, target } = entry.failure;
        pending.delete(name);
        results.delete(scenarioKey(name, null));
        results.set(scenarioKey(name, target), {
          name,
          target,
          report: null,
          comparison: null,
          failure: entry.failure,
          source: file.source,
        });
      } else if (entry.kind === 'ab') {
        attach(entry.ab.scenario, (existing) => withComparison(existing, entry.ab, file.source));
      }
    }
    for (const [name, unpaired] of pending) {
      attach(name, (existing) => ({
        name,
        target: existing?.target ?? null,
        report: existing?.report ?? null,
        comparison: comparisonFromDiff(unpaired),
        source: existing?.source ?? file.source,
      }));
    }
    for (const stat of statLinesOf(file).values()) {
      const key = scenarioKey(stat.scenario, stat.target);
      const existing = results.get(key) ?? null;
      results.set(key, {
        name: stat.scenario,
        target: stat.target,
        report: existing?.report ?? null,
        ...(existing?.failure == null ? {} : { failure: existing.failure }),
        comparison: comparisonFromStatLine(stat),
        source: existing?.source ?? file.source,
      });
    }
  }
  return [...results.values()];
}

/** The `stat-diff` lines of a file by scenario and target (the last one wins). */
function statLinesOf(file: ResultFile): Map<string, StatDiffLine> {
  const lines = new Map<string, StatDiffLine>();
  for (const entry of file.entries)
    if (entry.kind === 'stat-diff')
      lines.set(scenarioKey(entry.stat.scenario, entry.stat.target), entry.stat);
  return lines;
}

function withComparison(existing: ScenarioResult | null, ab: AbLine, source: string): ScenarioResult {
  return {
    name: ab.scenario,
    target: existing?.target ?? null,
    report: existing?.report ?? null,
    comparison: comparisonFromAb(ab),
    source: existing?.source ?? source,
  };
}

/**
 * Each scenario's reports across runs (input files with reports, in the order given), with regressions marked.
 * A point regressed when the run that wrote it said so in a diff or `stat-diff` line (the gate's verdict, with the
 * manifest's tolerance); otherwise when it regresses against the scenario's previous point by the reference rules with the
 * default tolerance (p50 +20 %, p95 +30 %, a changed response or more allocation sites).
 *
 * @param files Result files, oldest first.
 * @returns One history per scenario and target, in order of first appearance.
 */
export function collectHistory(files: readonly ResultFile[]): ScenarioHistory[] {
  const histories = new Map<string, { name: string; target: string; points: HistoryPoint[] }>();
  let run = 0;
  for (const file of files) {
    if (!file.entries.some((entry) => entry.kind === 'report')) continue;
    const pending = new Map<string, DiffReport>();
    const stats = statLinesOf(file);
    for (const entry of file.entries) {
      if (entry.kind === 'diff') pending.set(entry.diff.scenario, entry.diff);
      if (entry.kind !== 'report') continue;
      const { name, target } = entry.report.scenario;
      const key = scenarioKey(name, target);
      const stat = stats.get(key);
      if (stat !== undefined) {
        pending.delete(name);
        pushPoint(histories, key, name, target, {
          run,
          report: entry.report,
          regressed: stat.regressed,
          reasons: stat.regressed ? statRegressionReasons(stat) : [],
        });
        continue;
      }
      const previous = histories.get(key)?.points.at(-1)?.report;
      const verdict =
        pending.get(name) ?? (previous === undefined ? undefined : diff(entry.report, previous));
      pending.delete(name);
      pushPoint(histories, key, name, target, {
        run,
        report: entry.report,
        regressed: verdict?.regressed ?? false,
        reasons: verdict?.regressed ? regressionReasons(verdict) : [],
      });
    }
    run++;
  }
  return [...histories.values()];
}

function pushPoint(
  histories: Map<string, { name: string; target: string; points: HistoryPoint[] }>,
  key: string,
  name: string,
  target: string,
  point: HistoryPoint,
): void {
  let history = histories.get(key);
  if (history === undefined) {
    history = { name, target, points: [] };
    histories.set(key, history);
  }
  history.points.push(point);
}

/**
 * Why a `stat-diff` line regressed: the time (`time ratio 1.063 [1.041, 1.088] (limit +5%)`), the counters
 * (`counters: instructions +9.8% > +0%`), then the notes that say regression.
 */
function statRegressionReasons(stat: StatDiffLine): string[] {
  const reasons: string[] = [];
  const time = stat.raw.time as Record<string, unknown>;
  if (stat.time.verdict === 'regression' && stat.time.ratio !== null) {
    const interval =
      stat.time.ci === null ? '' : ` [${stat.time.ci[0].toFixed(3)}, ${stat.time.ci[1].toFixed(3)}]`;
    const limit = typeof time.threshold_pct === 'number' ? ` (limit +${time.threshold_pct}%)` : '';
    reasons.push(`time ratio ${stat.time.ratio.toFixed(3)}${interval}${limit}`);
  }
  const counters = stat.raw.counters as Record<string, unknown> | null | undefined;
  if (stat.counters?.verdict === 'regression')
    reasons.push(`counters: ${typeof counters?.reason === 'string' ? counters.reason : 'regression'}`);
  for (const note of stat.notes) if (note.endsWith('— regression')) reasons.push(note);
  return reasons;
}

/** The gated reasons of a regressed diff: the metrics over their limit, then the notes that say regression. */
function regressionReasons(verdict: DiffReport): string[] {
  const reasons: string[] = [];
  for (const [label, metric] of [
    ['p50', verdict.p50],
    ['p95', verdict.p95],
  ] as const) {
    if (!metric.regressed) continue;
    const sign = metric.delta_pct >= 0 ? '+' : '';
    reasons.push(
      `${label} ${sign}${formatFixed(metric.delta_pct, 1)}% (limit +${formatFixed(metric.tolerance_pct, 0)}%)`,
    );
  }
  for (const note of verdict.notes) if (note.endsWith('— regression')) reasons.push(note);
  return reasons;
}

function scenarioKey(name: string, target: string | null): string {
  return `${name}\u0000${target ?? ''}`;
}
