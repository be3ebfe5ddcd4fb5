import { type BenchReport, formatFixed, formatMs } from '@aver/bench-report';
import type { ScenarioResult, Verdict } from '@aver/bench-results';
import { escapeMarkdown } from './markdown-escape.js';
import * as messages from './messages.js';

/** A column of the summary table: its heading, alignment and how a row fills it. */
interface Column {
  readonly heading: string;
  readonly align: 'left' | 'right';
  readonly cell: (result: ScenarioResult) => string;
}

/**
 * Renders results as a GitHub-flavoured Markdown summary, for a pull-request comment or a job summary
 * (`$GITHUB_STEP_SUMMARY`): a heading, one line with the counts, hosts and backends, then one table row per
 * scenario. The table always has the scenario, target, p50 and p95; it adds instructions when a report has
 * counters, the response check when a manifest had `[expected]`, base p50, change and verdict when the results
 * are a comparison, and why a scenario failed when one ran out of time or memory. Notes of the comparisons follow as a list. Text from the input is escaped, so a
 * scenario name cannot break the table.
 *
 * @param results What to show, one entry per scenario (and target).
 * @returns The Markdown, ending in a newline.
 */
export function formatMarkdown(results: readonly ScenarioResult[]): string {
  let text = `## ${messages.markdownTitle}\n\n`;
  if (results.length === 0) return `${text}${messages.emptySummary}\n`;
  text += `${messages.summaryLine(summaryParts(results))}\n\n`;
  const table = columnsFor(results);
  text += `${row(table.map((column) => column.heading))}\n`;
  text += `${row(table.map((column) => (column.align === 'right' ? '--:' : ':--')))}\n`;
  for (const result of results) text += `${row(table.map((column) => column.cell(result)))}\n`;
  const notes = results.flatMap((result) =>
    (result.comparison?.notes ?? []).map(
      (note) => `- **${escapeMarkdown(result.name)}**: ${escapeMarkdown(note)}`,
    ),
  );
  if (notes.length > 0) text += `\n${messages.notesHeading}\n\n${notes.join('\n')}\n`;
  return text;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function columnsFor(results: readonly ScenarioResult[]): Column[] {
  const table: Column[] = [
    { heading: messages.columns.scenario, align: 'left', cell: (result) => escapeMarkdown(result.name) },
    {
      heading: messages.columns.target,
      align: 'left',
      cell: (result) => (result.target === null ? messages.none : escapeMarkdown(result.target)),
    },
    { heading: messages.columns.p50, align: 'right', cell: (result) => time(headP50(result)) },
    { heading: messages.columns.p95, align: 'right', cell: (result) => time(headP95(result)) },
  ];
  if (results.some((result) => result.report?.counters != null)) {
    table.push({
      heading: messages.columns.instructions,
      align: 'right',
      cell: (result) => {
        const counters = result.report?.counters;
        return counters == null ? messages.none : groupDigits(counters.instructions);
      },
    });
  }
  if (results.some((result) => result.report?.expected_match != null)) {
    table.push({
      heading: messages.columns.response,
      align: 'left',
      cell: (result) => messages.responseLabel(result.report?.expected_match ?? null),
    });
  }
  if (results.some((result) => result.comparison !== null)) {
    table.push(
      {
        heading: messages.columns.baseP50,
        align: 'right',
        cell: (result) => time(result.comparison?.baseP50Ms ?? null),
      },
      { heading: messages.columns.change, align: 'right', cell: change },
      {
        heading: messages.columns.verdict,
        align: 'left',
        cell: (result) =>
          result.comparison === null ? messages.none : messages.verdictLabel[result.comparison.verdict],
      },
    );
  }
  if (results.some((result) => result.failure != null)) {
    table.push({
      heading: messages.columns.failure,
      align: 'left',
      cell: (result) =>
        result.failure == null
          ? messages.none
          : escapeMarkdown(messages.failureLabel(result.failure.error, result.failure.message)),
    });
  }
  if (results.some((result) => result.comparison?.countersVerdict != null)) {
    table.push({
      heading: messages.columns.counters,
      align: 'left',
      cell: (result) => {
        const verdict = result.comparison?.countersVerdict;
        return verdict == null ? messages.none : messages.verdictLabel[verdict];
      },
    });
  }
  return table;
}

function headP50(result: ScenarioResult): number | null {
  return result.report?.iterations.p50_ms ?? result.comparison?.headP50Ms ?? null;
}

function headP95(result: ScenarioResult): number | null {
  return result.report?.iterations.p95_ms ?? result.comparison?.headP95Ms ?? null;
}

function time(ms: number | null): string {
  return ms === null ? messages.none : formatMs(ms);
}

/** `+7.1%`, with the interval when there is one: `+7.1% (+2.0% to +12.0%)`. */
function change(result: ScenarioResult): string {
  const comparison = result.comparison;
  if (comparison === null || comparison.ratio === null) return messages.none;
  const point = percent(comparison.ratio);
  if (comparison.interval === null) return point;
  return `${point} (${percent(comparison.interval[0])} to ${percent(comparison.interval[1])})`;
}

function percent(ratio: number): string {
  const pct = (ratio - 1) * 100;
  return `${pct >= 0 ? '+' : ''}${formatFixed(pct, 1)}%`;
}

/** `12,345,678`: digits in groups of three, so large counts read at a glance. */
function groupDigits(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function summaryParts(results: readonly ScenarioResult[]): string[] {
  const parts = [messages.scenarioCount(results.length)];
  const verdicts = new Map<Verdict, number>();
  for (const result of results) {
    const verdict = result.comparison?.verdict;
    if (verdict !== undefined) verdicts.set(verdict, (verdicts.get(verdict) ?? 0) + 1);
  }
  for (const verdict of ['regression', 'improvement', 'inconclusive', 'unchanged', 'ok'] as const) {
    const count = verdicts.get(verdict);
    if (count !== undefined) parts.push(messages.verdictCount(count, verdict));
  }
  const failed = results.filter((result) => result.failure != null).length;
  if (failed > 0) parts.push(messages.failedCount(failed));
  const mismatches = results.filter((result) => result.report?.expected_match === false).length;
  if (mismatches > 0) parts.push(messages.mismatchCount(mismatches));
  const reports = results.flatMap((result) => (result.report === null ? [] : [result.report]));
  parts.push(...unique(reports.map(hostOf)), ...unique(reports.map(backendOf)));
  return parts.map((part) => escapeMarkdown(part));
}

function hostOf(report: BenchReport): string {
  return `${report.host.os}/${report.host.arch} (${report.host.cpus} cpus)`;
}

function backendOf(report: BenchReport): string {
  return messages.backendText(report.backend.aver_version, report.backend.build);
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
