import { formatMs } from '@aver/bench-report';
import type { Comparison, Verdict } from '@aver/bench-results';
import { formatInterval, formatRatio, groupDigits } from './format-numbers.js';
import { escapeHtml } from './html.js';
import * as messages from './messages.js';
import type { ScenarioView } from './page-model.js';
import { renderChart } from './render-chart.js';
import { type Cell, renderFacts, renderTable } from './render-table.js';
import { functionPlace } from './function-changes.js';

/** How many functions the table of a scenario's counters lists (most instructions first). */
const TOP_FUNCTIONS = 10;

/** `+2,000` / `-12` / `0`. */
function signedDigits(count: number): string {
  return `${count > 0 ? '+' : count < 0 ? '-' : ''}${groupDigits(Math.abs(count))}`;
}

/** A verdict as a badge: the word in the verdict's colour, so colour is never the only sign. */
export function verdictBadge(verdict: Verdict): string {
  return `<span class="verdict verdict-${verdict}">${escapeHtml(messages.verdictText[verdict])}</span>`;
}

/** The badge of a scenario that failed instead of giving a report. */
export function failedBadge(): string {
  return `<span class="verdict verdict-regression">${escapeHtml(messages.failedWord)}</span>`;
}

/** One scenario's section: heading with its verdict, statistics, comparison, counters and charts. */
export function renderScenario(view: ScenarioView): string {
  const id = escapeHtml(view.id);
  const target = view.target === null ? '' : ` <span class="target">[${escapeHtml(view.target)}]</span>`;
  const badge =
    view.failure !== null
      ? ` ${failedBadge()}`
      : view.comparison === null
        ? ''
        : ` ${verdictBadge(view.comparison.verdict)}`;
  const parts = [`<section class="scenario" id="${id}" aria-labelledby="${id}-title">`];
  parts.push(`<h2 id="${id}-title">${escapeHtml(view.name)}${target}${badge}</h2>`);
  const { report } = view;
  if (view.failure !== null) {
    parts.push(
      `<p class="banner">${escapeHtml(messages.failedText(view.failure.error, view.failure.message))}</p>`,
    );
  } else if (report === null) parts.push(`<p class="muted">${escapeHtml(messages.page.noReport)}</p>`);
  else {
    parts.push(`<h3>${escapeHtml(messages.page.statsHeading)}</h3>`);
    parts.push(renderFacts(statistics(view), `${view.name}: ${messages.page.statsHeading}`));
  }
  if (view.comparison !== null) {
    parts.push(`<h3>${escapeHtml(messages.page.comparisonHeading)}</h3>`);
    parts.push(
      renderFacts(comparisonFacts(view.comparison), `${view.name}: ${messages.page.comparisonHeading}`),
    );
    if (view.comparison.notes.length > 0) {
      parts.push(
        `<ul class="notes" aria-label="${escapeHtml(messages.page.notesHeading)}">${view.comparison.notes
          .map((note) => `<li>${escapeHtml(note)}</li>`)
          .join('')}</ul>`,
      );
    }
  }
  if (report?.counters != null) {
    const { instructions, calls, allocations } = report.counters;
    parts.push(`<h3>${escapeHtml(messages.page.countersHeading)}</h3>`);
    parts.push(
      renderFacts(
        [
          [messages.statLabels.instructions, groupDigits(instructions)],
          [messages.statLabels.calls, groupDigits(calls)],
          [messages.statLabels.allocations, groupDigits(allocations)],
        ],
        `${view.name}: ${messages.page.countersHeading}`,
      ),
    );
  }
  const functions = report?.counters?.functions;
  if (functions != null && functions.length > 0) {
    parts.push(`<h3>${escapeHtml(messages.page.functionsHeading)}</h3>`);
    parts.push(
      renderTable(
        [
          messages.columns.function,
          messages.columns.where,
          messages.statLabels.calls,
          messages.statLabels.instructions,
          messages.statLabels.allocations,
        ],
        [...functions]
          .sort((left, right) => right.instructions - left.instructions)
          .slice(0, TOP_FUNCTIONS)
          .map((row) => [
            row.name,
            functionPlace(row),
            groupDigits(row.calls),
            groupDigits(row.instructions),
            groupDigits(row.allocations),
          ]),
        {
          caption: `${view.name}: ${messages.page.functionsHeading}`,
          numeric: [2, 3, 4],
          className: 'functions',
        },
      ),
    );
  }
  if (view.functionChanges !== null) {
    const title = messages.page.functionChangesHeading(view.functionChanges.since);
    parts.push(`<h3>${escapeHtml(title)}</h3>`);
    parts.push(
      renderTable(
        [
          messages.columns.function,
          messages.columns.where,
          messages.statLabels.calls,
          messages.statLabels.instructions,
          messages.statLabels.allocations,
        ],
        view.functionChanges.changes.map((change) => [
          change.name,
          change.where,
          signedDigits(change.calls),
          signedDigits(change.instructions),
          signedDigits(change.allocations),
        ]),
        { caption: `${view.name}: ${title}`, numeric: [2, 3, 4], className: 'function-changes' },
      ),
    );
  }
  if (view.charts.length > 0) {
    parts.push(`<div class="charts">${view.charts.map((chart) => renderChart(chart)).join('\n')}</div>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}

function statistics(view: ScenarioView): (readonly [string, Cell])[] {
  const report = view.report!;
  const { iterations: stats, scenario } = report;
  const facts: (readonly [string, Cell])[] = [
    [
      messages.statLabels.iterations,
      `${scenario.iterations_count} (${messages.statLabels.warmup} ${scenario.warmup_count})`,
    ],
    [messages.statLabels.min, formatMs(stats.min_ms)],
    [messages.statLabels.p50, formatMs(stats.p50_ms)],
    [messages.statLabels.p95, formatMs(stats.p95_ms)],
    [messages.statLabels.p99, formatMs(stats.p99_ms)],
    [messages.statLabels.max, formatMs(stats.max_ms)],
    [messages.statLabels.mean, formatMs(stats.mean_ms)],
    [messages.statLabels.response, messages.responseBytes(report.response_bytes)],
  ];
  if (report.expected_match !== null) {
    const text = messages.expectedText(report.expected_match);
    facts.push([
      messages.statLabels.expected,
      report.expected_match ? text : { html: `<span class="mismatch">${escapeHtml(text)}</span>` },
    ]);
  }
  if (report.compiler_visible_allocs !== null) {
    facts.push([messages.statLabels.allocs, String(report.compiler_visible_allocs)]);
  }
  facts.push([messages.statLabels.entry, scenario.entry], [messages.statLabels.source, view.source]);
  return facts;
}

function comparisonFacts(comparison: Comparison): (readonly [string, Cell])[] {
  const facts: (readonly [string, Cell])[] = [
    [messages.statLabels.base, time(comparison.baseP50Ms)],
    [messages.statLabels.head, time(comparison.headP50Ms)],
    [messages.statLabels.ratio, comparison.ratio === null ? messages.none : formatRatio(comparison.ratio)],
  ];
  if (comparison.interval !== null)
    facts.push([messages.statLabels.interval, formatInterval(comparison.interval)]);
  facts.push(['verdict', { html: verdictBadge(comparison.verdict) }]);
  if (comparison.countersVerdict !== null) {
    facts.push([messages.statLabels.counters, { html: verdictBadge(comparison.countersVerdict) }]);
  }
  if (comparison.response !== null) facts.push([messages.statLabels.responseChange, comparison.response]);
  return facts;
}

function time(ms: number | null): string {
  return ms === null ? messages.none : formatMs(ms);
}
