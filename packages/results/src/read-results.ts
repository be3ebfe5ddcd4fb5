import type { DiffReport, MetricDiff } from '@aver/bench-diff';
import { ndjsonLines, parseReport, ReportParseError, serializeReport } from '@aver/bench-report';
import * as v from 'valibot';
import {
  AbLineSchema,
  DiffLineSchema,
  describeFirstIssue,
  FailureLineSchema,
  ShardLineSchema,
  StatDiffLineSchema,
} from './line-schemas.js';
import * as messages from './messages.js';
import { ResultsError } from './results-error.js';
import type { AbLine, ResultEntry, ResultFile, ShardLine, StatDiffLine } from './types.js';

/**
 * Reads any output `aver-bench` writes: a pretty single report (`--json`, `--save-baseline`), an NDJSON baseline
 * or directory run (reports, `{"kind":"diff",…}` lines and `{"kind":"failure",…}` records of scenarios that ran
 * out of time or memory, and `{"kind":"stat-diff",…}` lines of statistical comparisons), `ab` output (`{"kind":"ab",…}`) or a shard output (which starts with a
 * `{"kind":"shard",…}` line). Blank lines are skipped. A line of a kind this version does
 * not know is skipped with a warning; anything else that is not valid is an error naming the line.
 *
 * @param text The file's content.
 * @param source Where it came from, for messages (a path as given).
 * @returns The entries in file order.
 * @throws {ResultsError} With the file and 1-based line of the first line that cannot be read.
 */
export function readResults(text: string, source: string): ResultFile {
  const entries: ResultEntry[] = [];
  const warnings: string[] = [];
  const whole = tryParse(text);
  if (whole.ok && whole.value !== null && typeof whole.value === 'object' && !Array.isArray(whole.value)) {
    // One JSON document (a pretty report, or a file of one line).
    const entry = classify(whole.value, JSON.stringify(whole.value), 1, source, warnings);
    if (entry !== null) entries.push(entry);
  } else {
    for (const { line, text: lineText } of ndjsonLines(text)) {
      const trimmed = lineText.trim();
      const parsed = tryParse(trimmed);
      if (!parsed.ok) throw new ResultsError(messages.invalidJson(parsed.error), source, line);
      const entry = classify(parsed.value, trimmed, line, source, warnings);
      if (entry !== null) entries.push(entry);
    }
  }
  if (entries.length === 0 && warnings.length === 0) throw new ResultsError(messages.emptyFile(), source);
  return { source, entries, warnings };
}

type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

function tryParse(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function classify(
  value: unknown,
  text: string,
  line: number,
  source: string,
  warnings: string[],
): ResultEntry | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ResultsError(messages.notAnObject(jsonType(value)), source, line);
  }
  const kind = (value as { kind?: unknown }).kind;
  if (kind === undefined) {
    try {
      const report = parseReport(value);
      // Reports are re-serialised in the contract's layout, so a merged file reads like a fresh run.
      return { kind: 'report', line, text: serializeReport(report), report };
    } catch (error) {
      if (error instanceof ReportParseError) throw new ResultsError(error.message, source, line);
      throw error;
    }
  }
  if (typeof kind !== 'string') throw new ResultsError(messages.kindNotText(), source, line);
  switch (kind) {
    case 'diff':
      return { kind, line, text, diff: diffFromLine(check(DiffLineSchema, value, kind, source, line)) };
    case 'ab':
      return { kind, line, text, ab: abFromLine(check(AbLineSchema, value, kind, source, line)) };
    case 'stat-diff':
      return {
        kind,
        line,
        text,
        stat: statDiffFromLine(check(StatDiffLineSchema, value, kind, source, line)),
      };
    case 'shard':
      return { kind, line, text, shard: shardFromLine(check(ShardLineSchema, value, kind, source, line)) };
    case 'failure': {
      const { scenario, target, error, message } = check(FailureLineSchema, value, kind, source, line);
      return { kind, line, text, failure: { scenario, target, error, message } };
    }
    default:
      warnings.push(messages.unknownKind(source, line, kind));
      return null;
  }
}

function check<TSchema extends v.GenericSchema>(
  schema: TSchema,
  value: unknown,
  kind: string,
  source: string,
  line: number,
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, value);
  if (!result.success) {
    throw new ResultsError(messages.badLine(kind, describeFirstIssue(result.issues)), source, line);
  }
  return result.output;
}

/** A diff line back as the `DiffReport` it was printed from; `null` numbers (non-finite) read as NaN. */
function diffFromLine(line: v.InferOutput<typeof DiffLineSchema>): DiffReport {
  const metric = (value: v.InferOutput<typeof DiffLineSchema>['p50']): MetricDiff => ({
    baseline: value.baseline_ms ?? Number.NaN,
    current: value.current_ms ?? Number.NaN,
    delta_pct: value.delta_pct ?? Number.NaN,
    tolerance_pct: value.tolerance_pct ?? Number.NaN,
    regressed: value.regressed,
  });
  return {
    scenario: line.scenario,
    p50: metric(line.p50),
    p95: metric(line.p95),
    regressed: line.regressed,
    notes: line.notes,
  };
}

function abFromLine(
  line: Pick<v.InferOutput<typeof AbLineSchema>, 'scenario' | 'time' | 'counters' | 'response'> &
    Readonly<Record<string, unknown>>,
): AbLine {
  return {
    scenario: line.scenario,
    time: { verdict: line.time.verdict, ratio: line.time.ratio, ci: line.time.ci },
    counters: line.counters === null ? null : { verdict: line.counters.verdict },
    response: line.response,
    raw: line,
  };
}

function statDiffFromLine(line: v.InferOutput<typeof StatDiffLineSchema>): StatDiffLine {
  return {
    ...abFromLine(line),
    target: line.target,
    regressed: line.regressed,
    notes: line.notes,
  };
}

function shardFromLine(line: v.InferOutput<typeof ShardLineSchema>): ShardLine {
  return {
    index: line.index,
    count: line.count,
    scenarios: line.scenarios,
    assigned: line.assigned,
    targets: line.targets,
  };
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
