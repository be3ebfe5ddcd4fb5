import { escapeControlChars } from './escape-text.js';
import { formatFixed } from './format-fixed.js';
import { serializeReport } from './serialize-report.js';
import { percentile } from './stats/percentile.js';
import { sortSamples } from './stats/sort-samples.js';
import type { BenchReport, ReplicateRecord } from './types.js';

/**
 * Formats a duration the way the reference's `fmt_ms` does (bench spec: "`format_human`"): `{:.2}ms` from 1 ms up,
 * otherwise whole microseconds `{:.0}µs` (U+00B5) of `ms × 1000`, both rounded half to even on the exact binary
 * value. Values in [0.9995, 1) print as `1000µs`, as in the reference.
 *
 * @param ms A duration in milliseconds.
 * @returns The formatted duration.
 */
export function formatMs(ms: number): string {
  if (ms >= 1.0) return `${formatFixed(ms, 2)}ms`;
  return `${formatFixed(ms * 1000, 0)}µs`;
}

/**
 * Renders one report for people, byte for byte as the reference's `format_human` (bench spec: "`format_human`").
 * Every line ends in `\n`; values start at column 16. The additions (`response_sha256`, `samples_ms`, `counters`) are
 * not shown; several replicates add a `replicates:` line after `wall_time` (their count and the range of their p50s).
 *
 * @param report The report.
 * @returns The text block.
 */
export function formatHuman(report: BenchReport): string {
  const { scenario, backend, host, iterations } = escapedTexts(report);
  const wasmtime = backend.wasmtime_version === null ? '' : `, wasmtime ${backend.wasmtime_version}`;
  const passes =
    report.passes_applied.length === 0 ? '(none)' : escapeControlChars(report.passes_applied.join(', '));
  const wallTime = [
    `min=${formatMs(iterations.min_ms)}`,
    `p50=${formatMs(iterations.p50_ms)}`,
    `p95=${formatMs(iterations.p95_ms)}`,
    `max=${formatMs(iterations.max_ms)}`,
    `mean=${formatMs(iterations.mean_ms)}`,
  ].join('  ');

  let text = `${scenario.name} [${scenario.target}]\n`;
  text += line('entry', scenario.entry);
  text += line('backend', `aver ${backend.aver_version} (${backend.build})${wasmtime}`);
  text += line('host', `${host.os}/${host.arch} (${host.cpus} cpus)`);
  text += line('iterations', `${scenario.iterations_count} (warmup ${scenario.warmup_count})`);
  text += line('passes', passes);
  text += line('wall_time', wallTime);
  const replicates = report.replicates ?? [];
  if (replicates.length > 1) text += line('replicates', describeReplicates(replicates));
  if (report.response_bytes !== null) text += line('response', `${report.response_bytes} bytes`);
  if (report.expected_match !== null) text += line('expected', report.expected_match ? 'ok' : 'MISMATCH');
  return text;
}

/** `5 (p50 per replicate 61µs … 702µs)`: how many replicates, and how far apart their medians lie. */
function describeReplicates(replicates: readonly ReplicateRecord[]): string {
  const medians = replicates
    .filter((replicate) => replicate.samples_ms.length > 0)
    .map((replicate) => percentile(sortSamples(replicate.samples_ms), 50));
  if (medians.length === 0) return String(replicates.length);
  return `${replicates.length} (p50 per replicate ${formatMs(Math.min(...medians))} … ${formatMs(Math.max(...medians))})`;
}

/**
 * The report's texts with terminal controls escaped (`escapeControlChars`): names, paths and versions come from
 * manifests and report files, and a name must not be able to recolour or rewrite the terminal.
 */
function escapedTexts(
  report: BenchReport,
): Pick<BenchReport, 'scenario' | 'backend' | 'host' | 'iterations'> {
  const { scenario, backend, host, iterations } = report;
  return {
    scenario: {
      ...scenario,
      name: escapeControlChars(scenario.name),
      entry: escapeControlChars(scenario.entry),
      target: escapeControlChars(scenario.target),
    },
    backend: {
      ...backend,
      aver_version: escapeControlChars(backend.aver_version),
      build: escapeControlChars(backend.build),
      wasmtime_version:
        backend.wasmtime_version === null ? null : escapeControlChars(backend.wasmtime_version),
    },
    host: { ...host, os: escapeControlChars(host.os), arch: escapeControlChars(host.arch) },
    iterations,
  };
}

/** One labelled line: two spaces, `label:` padded so the value starts at column 16. */
function line(label: string, value: string): string {
  return `  ${`${label}:`.padEnd(14)}${value}\n`;
}

/** A named way to print one report; the result is exactly what goes to stdout, final newline included. */
export type ReportFormatter = (report: BenchReport) => string;

/**
 * The report renderings by name, so a CLI only picks one: `human` (`format_human`), `json` (pretty JSON plus
 * `\n`, as `--json` prints one report) and `ndjson` (one compact line plus `\n`, as directory mode prints).
 */
export const formats = Object.freeze({
  human: formatHuman,
  json: (report: BenchReport) => `${serializeReport(report, { pretty: true })}\n`,
  ndjson: (report: BenchReport) => `${serializeReport(report)}\n`,
} satisfies Record<string, ReportFormatter>);

/** A name in `formats`. */
export type ReportFormat = keyof typeof formats;
