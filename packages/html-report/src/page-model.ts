import type { BenchReport } from '@aver/bench-report';
import {
  type Comparison,
  type FailureLine,
  collectHistory,
  collectScenarios,
  type ResultFile,
  type ScenarioHistory,
} from '@aver/bench-results';
import { type FunctionChange, functionChanges } from './function-changes.js';
import {
  comparisonChart,
  distributionChart,
  historyChart,
  overviewChart,
  type PageChart,
  sequenceChart,
} from './page-charts.js';

/** One input file as the page lists it. */
export interface InputView {
  readonly source: string;
  readonly reports: number;
  readonly comparisons: number;
}

/** A run (an input file with reports): where and on what it ran. */
export interface RunView {
  /** Short label used on chart axes: `#1 file.ndjson`. */
  readonly label: string;
  readonly source: string;
  readonly hosts: readonly string[];
  readonly backends: readonly string[];
  readonly scenarios: number;
}

/** A point of a scenario's history that regressed. */
export interface RegressionView {
  readonly scenarioId: string;
  readonly scenario: string;
  readonly target: string;
  readonly run: string;
  readonly reasons: readonly string[];
}

/** Everything the page shows about one scenario. */
export interface ScenarioView {
  /** The HTML id of its section. */
  readonly id: string;
  readonly name: string;
  readonly target: string | null;
  readonly report: BenchReport | null;
  readonly comparison: Comparison | null;
  /** Why the scenario's latest run failed (out of time or memory), if it did. */
  readonly failure: FailureLine | null;
  readonly source: string;
  /** Timed samples per replicate (one entry for a run without replicates; none without samples). */
  readonly replicates: readonly (readonly number[])[];
  readonly charts: readonly PageChart[];
  /** The functions whose counts changed most since the scenario's previous run, and that run's label. */
  readonly functionChanges: { readonly since: string; readonly changes: readonly FunctionChange[] } | null;
}

/** The whole page, as data. */
export interface PageModel {
  readonly title: string;
  readonly inputs: readonly InputView[];
  readonly runs: readonly RunView[];
  readonly scenarios: readonly ScenarioView[];
  /** Present when two or more runs were given. */
  readonly history: { readonly chart: PageChart; readonly regressions: readonly RegressionView[] } | null;
  readonly warnings: readonly string[];
}

/** Options of `buildPageModel`. */
export interface PageOptions {
  /** The page title; default `Aver Bench report`. */
  readonly title?: string;
}

/**
 * Builds the page's model from result files given oldest first: the latest report and comparison of each
 * scenario (see `collectScenarios`), each scenario's history when two or more files have reports, the hosts
 * and backends of each run, and every chart as data.
 * @param files The result files, in time order.
 * @param options Page options.
 * @returns The model.
 */
export function buildPageModel(files: readonly ResultFile[], options: PageOptions = {}): PageModel {
  const runFiles = files.filter((file) => file.entries.some((entry) => entry.kind === 'report'));
  const runs = runFiles.map((file, index) => runView(file, index));
  const histories = runs.length >= 2 ? collectHistory(files) : [];
  const historyByKey = new Map(
    histories.map((history) => [`${history.name}\u0000${history.target}`, history]),
  );
  const ids = new UniqueIds();
  const scenarios = collectScenarios(files).map((result): ScenarioView => {
    const id = ids.next(result.name, result.target);
    const replicates = replicatesOf(result.report);
    const history =
      result.target === null ? undefined : historyByKey.get(`${result.name}\u0000${result.target}`);
    const charts: PageChart[] = [];
    if (result.report !== null) {
      charts.push(distributionChart(`${id}-distribution`, result.report, replicates));
      if (replicates.length > 0) charts.push(sequenceChart(`${id}-sequence`, replicates));
    }
    if (result.comparison !== null) {
      const chart = comparisonChart(`${id}-comparison`, result.comparison);
      if (chart !== null) charts.push(chart);
    }
    if (history !== undefined && history.points.length >= 2) {
      charts.push(historyChart(`${id}-history`, history, runs));
    }
    const previous = history !== undefined && history.points.length >= 2 ? history.points.at(-2)! : undefined;
    const latest = history?.points.at(-1);
    const changes =
      previous === undefined || latest === undefined || latest.report !== result.report
        ? []
        : functionChanges(previous.report, latest.report);
    return {
      id,
      ...result,
      failure: result.failure ?? null,
      replicates,
      charts,
      functionChanges: changes.length === 0 ? null : { since: runs[previous!.run]!.label, changes },
    };
  });
  return {
    title: options.title ?? 'Aver Bench report',
    inputs: files.map(inputView),
    runs,
    scenarios,
    history: runs.length >= 2 ? historyView(histories, runs, scenarios) : null,
    warnings: files.flatMap((file) => file.warnings),
  };
}

/**
 * The timed samples of a report, per replicate: from `replicates` when the report has them, else `samples_ms` as
 * one replicate. Reports without samples (the reference's) have none.
 */
export function replicatesOf(report: BenchReport | null): number[][] {
  if (report === null) return [];
  if (report.replicates != null && report.replicates.length > 0) {
    return report.replicates.map((replicate) => [...replicate.samples_ms]);
  }
  if (report.samples_ms === null || report.samples_ms.length === 0) return [];
  return [[...report.samples_ms]];
}

function inputView(file: ResultFile): InputView {
  let reports = 0;
  let comparisons = 0;
  for (const entry of file.entries) {
    if (entry.kind === 'report') reports++;
    else if (entry.kind === 'diff' || entry.kind === 'ab' || entry.kind === 'stat-diff') comparisons++;
  }
  return { source: file.source, reports, comparisons };
}

function runView(file: ResultFile, index: number): RunView {
  const reports = file.entries.flatMap((entry) => (entry.kind === 'report' ? [entry.report] : []));
  return {
    label: `#${index + 1} ${baseName(file.source)}`,
    source: file.source,
    hosts: unique(
      reports.map((report) => `${report.host.os}/${report.host.arch} (${report.host.cpus} cpus)`),
    ),
    backends: unique(
      reports.map(
        (report) =>
          `${report.backend.name}: aver ${report.backend.aver_version} (${report.backend.build})` +
          (report.backend.wasmtime_version === null ? '' : `, wasmtime ${report.backend.wasmtime_version}`),
      ),
    ),
    scenarios: reports.length,
  };
}

function historyView(
  histories: readonly ScenarioHistory[],
  runs: readonly RunView[],
  scenarios: readonly ScenarioView[],
): PageModel['history'] {
  const idOf = new Map(scenarios.map((view) => [`${view.name}\u0000${view.target}`, view.id]));
  const regressions: RegressionView[] = [];
  for (const history of histories) {
    for (const point of history.points) {
      if (!point.regressed) continue;
      regressions.push({
        scenarioId: idOf.get(`${history.name}\u0000${history.target}`) ?? '',
        scenario: history.name,
        target: history.target,
        run: runs[point.run]!.label,
        reasons: point.reasons,
      });
    }
  }
  return { chart: overviewChart('history-overview', histories, runs), regressions };
}

/** HTML ids from scenario names: readable, unique, and safe in a URL fragment. */
class UniqueIds {
  private readonly used = new Set<string>();

  next(name: string, target: string | null): string {
    const slug = `${name}${target === null ? '' : `-${target}`}`
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '');
    const base = `s-${slug === '' ? 'scenario' : slug}`;
    let id = base;
    for (let suffix = 2; this.used.has(id); suffix++) id = `${base}-${suffix}`;
    this.used.add(id);
    return id;
  }
}

function baseName(source: string): string {
  return source.split(/[\\/]/).at(-1) ?? source;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
