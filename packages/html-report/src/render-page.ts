import { formatMs } from '@aver/bench-report';
import type { ResultFile } from '@aver/bench-results';
import { PAGE_DATA_ID, type PageData } from './chart-spec.js';
import { formatChange, formatInterval } from './format-numbers.js';
import { escapeHtml, jsonForScript, scriptForInline } from './html.js';
import * as messages from './messages.js';
import { buildPageModel, type PageModel, type PageOptions, type ScenarioView } from './page-model.js';
import { pageScript } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';
import { renderChart } from './render-chart.js';
import { failedBadge, renderScenario, verdictBadge } from './render-scenario.js';
import { type Cell, renderTable } from './render-table.js';

/**
 * Renders result files (oldest first) as one self-contained HTML page: styles, data and the bundled chart
 * script are inline, and nothing is loaded from the network.
 * @param files The result files, as `readResults` returns them, in time order.
 * @param options Page options (title).
 * @returns The HTML document.
 */
export function renderHtmlReport(files: readonly ResultFile[], options: PageOptions = {}): string {
  return renderPage(buildPageModel(files, options), pageScript());
}

/**
 * Renders a page model with the given page script (the bundle, or another script in tests).
 * @param model The page model.
 * @param script The JavaScript to inline.
 * @returns The HTML document.
 */
export function renderPage(model: PageModel, script: string): string {
  const charts: Record<string, PageData['charts'][string]> = {};
  for (const chart of [
    ...(model.history === null ? [] : [model.history.chart]),
    ...model.scenarios.flatMap((view) => view.charts),
  ]) {
    charts[chart.id] = chart.spec;
  }
  const data: PageData = { charts };
  const body = [
    `<a class="skip-link" href="#scenarios">${escapeHtml(messages.page.skipLink)}</a>`,
    '<header>',
    `<h1>${escapeHtml(model.title)}</h1>`,
    `<p class="subtitle">${escapeHtml(messages.page.generatedFrom(model.inputs.length, model.scenarios.length))}</p>`,
    navigation(model.scenarios),
    '</header>',
    '<main>',
    `<p id="chart-error" class="banner" role="alert" hidden></p>`,
    `<noscript><p class="banner">${escapeHtml(messages.page.noScript)}</p></noscript>`,
    warnings(model.warnings),
    model.scenarios.length === 0 ? `<p>${escapeHtml(messages.page.empty)}</p>` : summary(model.scenarios),
    environment(model),
    history(model),
    `<div id="scenarios">`,
    `<p class="muted">${escapeHtml(messages.page.chartKeys)}</p>`,
    ...model.scenarios.map(renderScenario),
    '</div>',
    '</main>',
    inputs(model),
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(model.title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
${body.filter((part) => part !== '').join('\n')}
<script type="application/json" id="${PAGE_DATA_ID}">${jsonForScript(data)}</script>
<script>${scriptForInline(script)}</script>
</body>
</html>
`;
}

function navigation(scenarios: readonly ScenarioView[]): string {
  if (scenarios.length === 0) return '';
  const manyTargets = new Set(scenarios.map((view) => view.target)).size > 1;
  const links = scenarios
    .map(
      (view) =>
        `<li><a href="#${escapeHtml(view.id)}">${escapeHtml(manyTargets ? label(view) : view.name)}</a></li>`,
    )
    .join('');
  return `<nav aria-label="${escapeHtml(messages.page.scenariosNav)}"><ul>${links}</ul></nav>`;
}

function label(view: ScenarioView): string {
  return view.target === null ? view.name : `${view.name} [${view.target}]`;
}

function warnings(list: readonly string[]): string {
  if (list.length === 0) return '';
  return `<section aria-labelledby="warnings-title"><h2 id="warnings-title">${escapeHtml(messages.page.warningsHeading)}</h2><ul>${list
    .map((warning) => `<li>${escapeHtml(warning)}</li>`)
    .join('')}</ul></section>`;
}

function summary(scenarios: readonly ScenarioView[]): string {
  const compared = scenarios.some((view) => view.comparison !== null || view.failure !== null);
  const headers = [
    messages.columns.scenario,
    messages.columns.target,
    messages.columns.p50,
    messages.columns.p95,
    messages.columns.samples,
    ...(compared ? [messages.columns.change, messages.columns.interval, messages.columns.verdict] : []),
  ];
  const rows = scenarios.map((view): Cell[] => {
    const p50 = view.report?.iterations.p50_ms ?? view.comparison?.headP50Ms ?? null;
    const p95 = view.report?.iterations.p95_ms ?? view.comparison?.headP95Ms ?? null;
    const samples = view.replicates.reduce((sum, samples) => sum + samples.length, 0);
    const row: Cell[] = [
      { html: `<a href="#${escapeHtml(view.id)}">${escapeHtml(view.name)}</a>` },
      view.target ?? messages.none,
      p50 === null ? messages.none : formatMs(p50),
      p95 === null ? messages.none : formatMs(p95),
      samples === 0 ? messages.none : String(samples),
    ];
    if (compared) {
      const comparison = view.comparison;
      row.push(
        comparison?.ratio == null ? messages.none : formatChange(comparison.ratio),
        comparison?.interval == null ? messages.none : formatInterval(comparison.interval),
        view.failure !== null
          ? { html: failedBadge() }
          : comparison === null
            ? messages.none
            : { html: verdictBadge(comparison.verdict) },
      );
    }
    return row;
  });
  return `<section aria-labelledby="summary-title"><h2 id="summary-title">${escapeHtml(messages.page.summaryHeading)}</h2>
${renderTable(headers, rows, { caption: messages.page.summaryHeading, numeric: compared ? [2, 3, 4, 5, 6] : [2, 3, 4], className: 'summary' })}
</section>`;
}

function environment(model: PageModel): string {
  if (model.runs.length === 0) return '';
  const rows = model.runs.map((run) => [
    run.label,
    run.hosts.join(', '),
    run.backends.join(', '),
    String(run.scenarios),
  ]);
  return `<section aria-labelledby="environment-title"><h2 id="environment-title">${escapeHtml(messages.page.environmentHeading)}</h2>
${renderTable([messages.columns.run, messages.columns.host, messages.columns.backend, messages.columns.scenarios], rows, { caption: messages.page.environmentHeading, numeric: [3], className: 'environment' })}
</section>`;
}

function history(model: PageModel): string {
  if (model.history === null) return '';
  const { chart, regressions } = model.history;
  const list =
    regressions.length === 0
      ? `<p>${escapeHtml(messages.page.noRegressions)}</p>`
      : renderTable(
          [
            messages.columns.scenario,
            messages.columns.target,
            messages.columns.run,
            messages.columns.reasons,
          ],
          regressions.map((item) => [
            { html: `<a href="#${escapeHtml(item.scenarioId)}">${escapeHtml(item.scenario)}</a>` },
            item.target,
            item.run,
            item.reasons.join('; '),
          ]),
          { caption: messages.page.regressionsHeading, className: 'regressions' },
        );
  return `<section aria-labelledby="history-title"><h2 id="history-title">${escapeHtml(messages.page.historyHeading)}</h2>
${renderChart(chart, { wide: true })}
<h3>${escapeHtml(messages.page.regressionsHeading)}</h3>
${list}
<p class="muted">${escapeHtml(messages.page.historyRule)}</p>
</section>`;
}

function inputs(model: PageModel): string {
  const rows = model.inputs.map((input) => [input.source, String(input.reports), String(input.comparisons)]);
  return `<footer><h2>${escapeHtml(messages.page.inputsHeading)}</h2>
${renderTable([messages.columns.file, messages.columns.reports, messages.columns.comparisons], rows, { caption: messages.page.inputsHeading, numeric: [1, 2] })}
</footer>`;
}
