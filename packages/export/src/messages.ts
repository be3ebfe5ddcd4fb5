/** Every user-facing text of @aver/bench-export, in one place. */

import type { Verdict } from '@aver/bench-results';

/** The heading of the Markdown summary. */
export const markdownTitle = 'Aver Bench';

/** Column headings of the Markdown table. */
export const columns = {
  scenario: 'Scenario',
  target: 'Target',
  p50: 'p50',
  p95: 'p95',
  instructions: 'Instructions',
  response: 'Response',
  baseP50: 'Base p50',
  change: 'Change',
  verdict: 'Verdict',
  counters: 'Counters',
  failure: 'Failure',
} as const;

/** A failed scenario's cell: `💥 timeout: timed out after 5000 ms`. */
export const failureLabel = (error: string, message: string): string => `💥 ${error}: ${message}`;

export const failedCount = (count: number): string => `${count} failed`;

/** A verdict as the summary shows it: a symbol for the eye, the word for everyone else. */
export const verdictLabel: Readonly<Record<Verdict, string>> = {
  regression: '❌ regression',
  improvement: '🚀 improvement',
  unchanged: '➖ unchanged',
  inconclusive: '❔ inconclusive',
  ok: '✅ ok',
};

/** `expected_match` in the table. */
export const responseLabel = (match: boolean | null): string =>
  match === null ? '—' : match ? 'ok' : '❌ MISMATCH';

/** A cell without a value. */
export const none = '—';

/** The line under the heading: counts, hosts and backends. */
export const summaryLine = (parts: readonly string[]): string => parts.join(' · ');

export const scenarioCount = (count: number): string => `${count} ${count === 1 ? 'scenario' : 'scenarios'}`;

export const verdictCount = (count: number, verdict: Verdict): string =>
  `${count} ${verdict === 'regression' && count !== 1 ? 'regressions' : verdict}`;

export const mismatchCount = (count: number): string =>
  `${count} wrong ${count === 1 ? 'response' : 'responses'}`;

export const backendText = (version: string, build: string): string => `aver ${version} (${build})`;

export const notesHeading = '**Notes**';

export const emptySummary = 'No results.';
