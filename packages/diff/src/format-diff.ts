import { escapeControlChars, formatFixed, formatMs } from '@aver/bench-report';
import { formatCounterChanges } from './format-counter-change.js';
import * as messages from './messages.js';
import type { DiffReport, MetricDiff } from './types.js';

/**
 * Renders a diff for people, byte for byte as the reference's `format_diff` (bench spec:
 * "Comparison: `format_diff`"):
 *
 * ```text
 * fib: REGRESSION
 *   p50    7.50ms (baseline 7.07ms, +6.1%)  ok
 *   p95    10.20ms (baseline 7.42ms, +37.5%)  REGRESSION (limit +30%)
 *   note: passes_applied changed: baseline=["tco"] current=["tco", "typecheck"]
 * ```
 *
 * When both reports carried counters (our addition; reference reports never do), the functions and opcodes whose
 * counts changed most follow, under `  changed most:`.
 *
 * Percentages round half to even on the exact binary value, as Rust's `{:.1}` and `{:.0}` do.
 *
 * @param diff The diff.
 * @returns The text block; every line ends in `\n`.
 */
export function formatDiff(diff: DiffReport): string {
  // The name and the notes come from manifests and baseline files: no terminal control reaches the output.
  let text = `${messages.diffHeader(escapeControlChars(diff.scenario), diff.regressed)}\n`;
  text += metricLine('p50', diff.p50);
  text += metricLine('p95', diff.p95);
  for (const note of diff.notes) text += `  note: ${escapeControlChars(note)}\n`;
  const changes = diff.changes == null ? '' : formatCounterChanges(diff.changes, '    ');
  if (changes !== '') text += `  ${messages.changedMost}\n${changes}`;
  return text;
}

function metricLine(label: string, metric: MetricDiff): string {
  const sign = metric.delta_pct >= 0 ? '+' : '';
  const change = `${sign}${formatFixed(metric.delta_pct, 1)}%`;
  const verdict = messages.metricVerdict(metric.regressed, formatFixed(metric.tolerance_pct, 0));
  return `  ${label.padEnd(6)} ${formatMs(metric.current)} (baseline ${formatMs(metric.baseline)}, ${change})  ${verdict}\n`;
}
