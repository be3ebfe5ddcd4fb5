import { formatRustFloat } from '@aver/bench-report';
import type { DiffReport, MetricDiff } from './types.js';

/**
 * Renders a diff as the directory-mode NDJSON line (bench spec: "CLI: directory mode"), built by hand with no spaces:
 * `{"kind":"diff","scenario":…,"regressed":…,"p50":{"baseline_ms":…,"current_ms":…,"delta_pct":…,
 * "tolerance_pct":…,"regressed":…},"p95":{…},"notes":[…]}`. Numbers print in Rust `Display` form (`20`, never
 * an exponent).
 *
 * When both reports carried counters (our addition), `"functions"` and `"opcodes"` follow `"notes"`: the changes
 * that changed most (head minus base), as in the `ab` line; a reference baseline keeps the reference's layout.
 *
 * Deliberate fix: the reference prints a non-finite number as `NaN`/`inf`, which is not JSON; here it is
 * `null`. Valid reports cannot produce one.
 *
 * @param diff The diff.
 * @returns One line of JSON, without a trailing newline.
 */
export function formatDiffLine(diff: DiffReport): string {
  const notes = diff.notes.map((note) => JSON.stringify(note)).join(',');
  return (
    `{"kind":"diff","scenario":${JSON.stringify(diff.scenario)},"regressed":${diff.regressed},` +
    `"p50":${metricObject(diff.p50)},"p95":${metricObject(diff.p95)},"notes":[${notes}]` +
    (diff.changes == null
      ? ''
      : `,"functions":${JSON.stringify(diff.changes.functions)},"opcodes":${JSON.stringify(diff.changes.opcodes)}`) +
    '}'
  );
}

function metricObject(metric: MetricDiff): string {
  return (
    `{"baseline_ms":${jsonNumber(metric.baseline)},"current_ms":${jsonNumber(metric.current)},` +
    `"delta_pct":${jsonNumber(metric.delta_pct)},"tolerance_pct":${jsonNumber(metric.tolerance_pct)},` +
    `"regressed":${metric.regressed}}`
  );
}

function jsonNumber(value: number): string {
  return Number.isFinite(value) ? formatRustFloat(value) : 'null';
}
