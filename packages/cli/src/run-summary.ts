import { appendFileSync } from 'node:fs';
import type { DiffReport, StatDiff } from '@aver/bench-diff';
import { formatBmf, formatMarkdown } from '@aver/bench-export';
import { describeIoError } from '@aver/bench-manifest';
import type { BenchReport } from '@aver/bench-report';
import { comparisonFromDiff, comparisonFromStatDiff, type ScenarioResult } from '@aver/bench-results';
import { CliError } from './cli-errors.js';
import type { FailureRecord } from './failure-record.js';
import type { CliIo } from './cli-io.js';
import * as messages from './messages.js';
import type { RunObserver } from './run-context.js';

/** The formats printed as one summary after the run rather than report by report. */
export type SummaryFormat = 'markdown' | 'bmf';

/** Collects a run's reports, each with the comparison told just before it, for a summary. */
export class ResultCollector implements RunObserver {
  private collected: ScenarioResult[] = [];
  private pending: DiffReport | null = null;

  readonly diff = (verdict: DiffReport): void => {
    this.pending = verdict;
  };

  readonly report = (report: BenchReport): void => {
    const paired =
      this.pending !== null && this.pending.scenario === report.scenario.name ? this.pending : null;
    this.pending = null;
    this.collected.push({
      name: report.scenario.name,
      target: report.scenario.target,
      report,
      comparison: paired === null ? null : comparisonFromDiff(paired),
      source: 'this run',
    });
  };

  readonly failure = (record: FailureRecord): void => {
    this.pending = null;
    const { scenario, target, error, message } = record;
    this.collected.push({
      name: scenario,
      target,
      report: null,
      comparison: null,
      failure: { scenario, target, error, message },
      source: 'this run',
    });
  };

  readonly statDiff = (comparison: StatDiff): void => {
    this.collected = this.collected.map((result) =>
      result.name === comparison.scenario && result.target === comparison.target
        ? { ...result, comparison: comparisonFromStatDiff(comparison) }
        : result,
    );
  };

  /** The results so far, in run order. */
  results(): readonly ScenarioResult[] {
    return this.collected;
  }
}

/**
 * Prints a summary of results: the Markdown table or the BMF JSON on stdout. A Markdown summary is also appended
 * to `$GITHUB_STEP_SUMMARY` when that is set (GitHub Actions shows it on the job's page).
 * @throws {CliError} When `$GITHUB_STEP_SUMMARY` cannot be appended to.
 */
export function printSummary(format: SummaryFormat, results: readonly ScenarioResult[], io: CliIo): void {
  if (format === 'bmf') {
    io.stdout(formatBmf(results));
    return;
  }
  const markdown = formatMarkdown(results);
  io.stdout(markdown);
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (summaryFile === undefined || summaryFile === '') return;
  try {
    appendFileSync(summaryFile, `${markdown}\n`);
  } catch (error) {
    throw new CliError(messages.stepSummaryWrite(summaryFile, describeIoError(error)));
  }
}
