import { escapeHtml } from './html.js';
import * as messages from './messages.js';
import type { PageChart } from './page-charts.js';
import { renderTable } from './render-table.js';

/**
 * A chart as a figure: the caption, a focusable canvas labelled with the chart's description (the page script
 * draws into it and steps through it with the arrow keys), a live region that reads out the point in focus, and
 * the same numbers as a table behind a disclosure.
 */
export function renderChart(chart: PageChart, options: { wide?: boolean } = {}): string {
  const id = escapeHtml(chart.id);
  return `<figure id="${id}-figure" aria-labelledby="${id}-caption">
<figcaption id="${id}-caption">${escapeHtml(chart.title)}</figcaption>
<div class="chart-box${options.wide === true ? ' wide' : ''}"><canvas id="${id}" data-chart="${id}" tabindex="0" role="img" aria-label="${escapeHtml(chart.description)}" aria-describedby="${id}-live"></canvas></div>
<p id="${id}-live" class="visually-hidden" aria-live="polite"></p>
<details><summary>${escapeHtml(messages.page.dataTable)}</summary>
${renderTable(chart.table.headers, chart.table.rows, { caption: chart.title })}
</details>
</figure>`;
}
