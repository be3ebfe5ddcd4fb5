import { type BenchReport, formatMs, statsFromSamples } from '@aver/bench-report';
import type { Comparison, ScenarioHistory } from '@aver/bench-results';
import type { ChartSpec, HistorySpec } from './chart-spec.js';
import { formatChange, formatRatio } from './format-numbers.js';
import * as messages from './messages.js';

/** A chart of the page: its spec, and the text that stands in for it (caption, description, data table). */
export interface PageChart {
  /** The canvas's `data-chart` key and the figure's id. */
  readonly id: string;
  readonly title: string;
  /** One sentence for assistive technology (`aria-label` of the canvas). */
  readonly description: string;
  readonly spec: ChartSpec;
  /** The same numbers as a table, shown on request. */
  readonly table: { readonly headers: readonly string[]; readonly rows: readonly (readonly string[])[] };
}

interface RunLabel {
  readonly label: string;
}

/**
 * The distribution of a report's timed samples: a violin per replicate with every sample as a dot; for a
 * report without samples, its percentiles as bars.
 */
export function distributionChart(
  id: string,
  report: BenchReport,
  replicates: readonly (readonly number[])[],
): PageChart {
  const name = report.scenario.name;
  if (replicates.length === 0) {
    const { min_ms, p50_ms, p95_ms, p99_ms, max_ms, mean_ms } = report.iterations;
    const bars = [
      { label: 'min', value: min_ms },
      { label: 'p50', value: p50_ms },
      { label: 'p95', value: p95_ms },
      { label: 'p99', value: p99_ms },
      { label: 'max', value: max_ms },
      { label: 'mean', value: mean_ms },
    ];
    return {
      id,
      title: messages.chartTitles.percentiles,
      description: messages.percentilesDescription(
        name,
        formatMs(p50_ms),
        formatMs(min_ms),
        formatMs(max_ms),
      ),
      spec: { kind: 'percentiles', bars },
      table: { headers: ['statistic', 'time'], rows: bars.map((bar) => [bar.label, formatMs(bar.value)]) },
    };
  }
  const groups = replicates.map((samples, index) => ({
    label: replicates.length === 1 ? messages.allSamples : messages.replicateLabel(index + 1),
    role: 'head' as const,
    samples,
  }));
  // Each replicate's warm-up and steady-state test, when the report records its replicates.
  const records =
    report.replicates != null && report.replicates.length === replicates.length ? report.replicates : null;
  const all = replicates.flat();
  const overall = statsFromSamples(all);
  return {
    id,
    title: messages.chartTitles.distribution,
    description: messages.distributionDescription(
      name,
      all.length,
      replicates.length,
      formatMs(overall.p50_ms),
      formatMs(overall.min_ms),
      formatMs(overall.max_ms),
    ),
    spec: { kind: 'distribution', groups },
    table: {
      headers: [
        'group',
        'samples',
        'min',
        'p50',
        'p95',
        'max',
        ...(records === null ? [] : ['warm-up', 'trend']),
      ],
      rows: groups.map((group, index) => {
        const stats = statsFromSamples(group.samples);
        const record = records?.[index];
        return [
          group.label,
          String(group.samples.length),
          formatMs(stats.min_ms),
          formatMs(stats.p50_ms),
          formatMs(stats.p95_ms),
          formatMs(stats.max_ms),
          ...(record === undefined
            ? []
            : [String(record.warmup_count), messages.trendText(record.steady_state)]),
        ];
      }),
    },
  };
}

/** The samples in measurement order, one line per replicate. */
export function sequenceChart(id: string, replicates: readonly (readonly number[])[]): PageChart {
  const series = replicates.map((samples, index) => ({
    label: replicates.length === 1 ? messages.allSamples : messages.replicateLabel(index + 1),
    role: index === 0 ? ('head' as const) : ('series' as const),
    samples,
  }));
  const length = Math.max(...replicates.map((samples) => samples.length));
  const rows = Array.from({ length }, (_, iteration) => [
    String(iteration + 1),
    ...replicates.map((samples) =>
      iteration < samples.length ? formatMs(samples[iteration]!) : messages.none,
    ),
  ]);
  return {
    id,
    title: messages.chartTitles.sequence,
    description: messages.sequenceDescription(length, replicates.length),
    spec: { kind: 'sequence', series },
    table: { headers: ['iteration', ...series.map((item) => item.label)], rows },
  };
}

/** Base against head, p50 and p95 side by side; `null` when the comparison has no times. */
export function comparisonChart(id: string, comparison: Comparison): PageChart | null {
  const base = [comparison.baseP50Ms, comparison.baseP95Ms];
  const head = [comparison.headP50Ms, comparison.headP95Ms];
  if ([...base, ...head].every((value) => value === null)) return null;
  const metrics = ['p50', 'p95'];
  return {
    id,
    title: messages.chartTitles.comparison,
    description: messages.comparisonDescription(
      time(comparison.baseP50Ms),
      time(comparison.headP50Ms),
      comparison.ratio === null ? messages.none : formatRatio(comparison.ratio),
      comparison.verdict,
    ),
    spec: { kind: 'comparison', metrics, base, head },
    table: {
      headers: ['metric', 'base', 'head', 'change'],
      rows: metrics.map((metric, index) => {
        const before = base[index]!;
        const after = head[index]!;
        const change =
          before !== null && after !== null && before > 0 ? formatChange(after / before) : messages.none;
        return [metric, time(before), time(after), change];
      }),
    },
  };
}

/** One scenario across runs: p50 and p95, regressed points marked. */
export function historyChart(id: string, history: ScenarioHistory, runs: readonly RunLabel[]): PageChart {
  const spec: HistorySpec = {
    kind: 'history',
    runs: runs.map((run) => run.label),
    unit: 'ms',
    series: [
      {
        label: 'p50',
        role: 'head',
        points: history.points.map((point) => ({
          run: point.run,
          value: point.report.iterations.p50_ms,
          regressed: point.regressed,
        })),
      },
      {
        label: 'p95',
        role: 'secondary',
        points: history.points.map((point) => ({
          run: point.run,
          value: point.report.iterations.p95_ms,
          regressed: false,
        })),
      },
    ],
  };
  const regressions = history.points.filter((point) => point.regressed).length;
  return {
    id,
    title: messages.chartTitles.history,
    description: messages.historyDescription(history.name, history.points.length, regressions),
    spec,
    table: {
      headers: ['run', 'p50', 'p95', 'verdict'],
      rows: history.points.map((point) => [
        runs[point.run]!.label,
        formatMs(point.report.iterations.p50_ms),
        formatMs(point.report.iterations.p95_ms),
        point.regressed ? messages.regressedBecause(point.reasons) : messages.none,
      ]),
    },
  };
}

/** Every scenario across runs, each p50 relative to its first run, regressed points marked. */
export function overviewChart(
  id: string,
  histories: readonly ScenarioHistory[],
  runs: readonly RunLabel[],
): PageChart {
  const manyTargets = new Set(histories.map((history) => history.target)).size > 1;
  const series = histories.map((history) => {
    const first = history.points[0]!.report.iterations.p50_ms;
    return {
      label: manyTargets ? `${history.name} [${history.target}]` : history.name,
      role: 'series' as const,
      points: history.points.map((point) => ({
        run: point.run,
        value: first > 0 ? point.report.iterations.p50_ms / first : 1,
        regressed: point.regressed,
      })),
    };
  });
  const regressions = histories.reduce(
    (count, history) => count + history.points.filter((point) => point.regressed).length,
    0,
  );
  return {
    id,
    title: messages.chartTitles.overview,
    description: messages.overviewDescription(histories.length, runs.length, regressions),
    spec: { kind: 'history', runs: runs.map((run) => run.label), unit: 'ratio', series },
    table: {
      headers: ['scenario', ...runs.map((run) => run.label)],
      rows: series.map((item) =>
        [item.label].concat(
          runs.map((_, run) => {
            const point = item.points.find((candidate) => candidate.run === run);
            if (point === undefined) return messages.none;
            return `${formatRatio(point.value)}${point.regressed ? ` ${messages.regressionMark}` : ''}`;
          }),
        ),
      ),
    },
  };
}

function time(ms: number | null): string {
  return ms === null ? messages.none : formatMs(ms);
}
