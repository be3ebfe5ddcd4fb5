/** Every text the page shows, in one place. */

import type { Verdict } from '@aver/bench-results';

export const none = '—';
export const allSamples = 'all samples';
export const replicateLabel = (index: number): string => `replicate ${index}`;
export const regressionMark = '▲ regression';

/** A scenario contained instead of measured (out of time or memory). */
export const failedWord = 'failed';
export const failedText = (error: string, message: string): string => `Failed (${error}): ${message}`;

/** A replicate's steady-state test, in words. */
export const trendText = (
  test: { readonly trending: boolean; readonly early_late_ratio: number } | null,
): string =>
  test === null
    ? 'too few samples to test'
    : test.trending
      ? `still getting faster (first third ${test.early_late_ratio.toFixed(2)}× the last)`
      : 'steady';

export const chartTitles = {
  distribution: 'Distribution of the timed samples',
  percentiles: 'Percentiles (this report has no samples)',
  sequence: 'Samples in measurement order',
  comparison: 'Base against head',
  history: 'History of this scenario',
  overview: 'History: p50 relative to each scenario’s first run',
} as const;

export const distributionDescription = (
  name: string,
  samples: number,
  replicates: number,
  p50: string,
  min: string,
  max: string,
): string =>
  `Violin plot of ${samples} timed samples of ${name}${replicates > 1 ? ` in ${replicates} replicates` : ''}: ` +
  `p50 ${p50}, from ${min} to ${max}.`;

export const percentilesDescription = (name: string, p50: string, min: string, max: string): string =>
  `Bar chart of the percentiles of ${name}: p50 ${p50}, from ${min} to ${max}.`;

export const sequenceDescription = (iterations: number, replicates: number): string =>
  `Line chart of ${iterations} timed iterations in the order they ran` +
  `${replicates > 1 ? `, one line per replicate (${replicates})` : ''}.`;

export const comparisonDescription = (base: string, head: string, ratio: string, verdict: Verdict): string =>
  `Bar chart of base against head: p50 ${base} before, ${head} after, ratio ${ratio}, verdict ${verdict}.`;

export const historyDescription = (name: string, runs: number, regressions: number): string =>
  `Line chart of p50 and p95 of ${name} over ${runs} runs, ${regressionCount(regressions)} marked.`;

export const overviewDescription = (scenarios: number, runs: number, regressions: number): string =>
  `Line chart of ${scenarios} scenarios over ${runs} runs, each p50 divided by its first run's; ` +
  `${regressionCount(regressions)} marked with triangles.`;

export const regressedBecause = (reasons: readonly string[]): string =>
  reasons.length === 0 ? 'regression' : `regression: ${reasons.join('; ')}`;

const regressionCount = (count: number): string =>
  count === 0 ? 'no regressions' : `${count} ${count === 1 ? 'regression' : 'regressions'}`;

/** Verdict badges: the word always shows, so colour is never the only sign. */
export const verdictText: Readonly<Record<Verdict, string>> = {
  regression: 'regression',
  improvement: 'improvement',
  unchanged: 'unchanged',
  inconclusive: 'inconclusive',
  ok: 'ok',
};

export const page = {
  skipLink: 'Skip to the scenarios',
  scenariosNav: 'Scenarios',
  summaryHeading: 'Summary',
  environmentHeading: 'Hosts and backends',
  historyHeading: 'History',
  regressionsHeading: 'Regressions across runs',
  noRegressions: 'No run regressed against the one before it.',
  historyRule:
    'A point is a regression when its run said so in a diff line, otherwise when it regresses against the ' +
    'previous run by the reference rules with the default tolerance (p50 +20 %, p95 +30 %, a changed ' +
    'response or more allocation sites).',
  inputsHeading: 'Inputs',
  warningsHeading: 'Skipped lines',
  statsHeading: 'Statistics',
  countersHeading: 'Counters of the counted run',
  functionsHeading: 'Functions with the most instructions',
  functionChangesHeading: (since: string): string => `Functions behind the change since ${since}`,
  comparisonHeading: 'Comparison',
  notesHeading: 'Notes',
  dataTable: 'Data table',
  chartKeys: 'Focus a chart and use the arrow keys to step through its points; Escape hides the tooltip.',
  noReport: 'No report for this scenario in the input; only the comparison below.',
  generatedFrom: (files: number, scenarios: number): string =>
    `${scenarios} ${scenarios === 1 ? 'scenario' : 'scenarios'} from ${files} ${files === 1 ? 'file' : 'files'}`,
  empty: 'The input holds no reports or comparisons.',
  noScript: 'Charts need JavaScript; every number is also in the tables.',
} as const;

export const columns = {
  scenario: 'Scenario',
  target: 'Target',
  p50: 'p50',
  p95: 'p95',
  samples: 'Samples',
  verdict: 'Verdict',
  change: 'Change',
  interval: 'Interval',
  run: 'Run',
  file: 'File',
  host: 'Host',
  backend: 'Backend',
  scenarios: 'Scenarios',
  reports: 'Reports',
  comparisons: 'Comparisons',
  reasons: 'Why',
  function: 'Function',
  where: 'Defined at',
} as const;

export const statLabels = {
  iterations: 'iterations',
  warmup: 'warm-up',
  min: 'min',
  p50: 'p50',
  p95: 'p95',
  p99: 'p99',
  max: 'max',
  mean: 'mean',
  response: 'response',
  expected: 'expected',
  allocs: 'allocation sites',
  entry: 'entry',
  source: 'from',
  instructions: 'instructions',
  calls: 'calls',
  allocations: 'allocations',
  base: 'base p50',
  head: 'head p50',
  ratio: 'ratio',
  interval: 'interval',
  counters: 'counters',
  responseChange: 'response',
} as const;

export const responseBytes = (bytes: number | null): string =>
  bytes === null ? 'Unit (no response)' : `${bytes} bytes`;
export const expectedText = (match: boolean | null): string =>
  match === null ? 'not checked' : match ? 'ok' : 'MISMATCH';

/** The bundled page script is missing: the package was not built. */
export const missingBundle = (path: string, detail: string): string =>
  `the page script bundle is missing at ${path} (${detail}); build @aver/bench-html first`;
