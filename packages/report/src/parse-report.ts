import * as v from 'valibot';
import * as messages from './messages.js';
import { ndjsonLines } from './ndjson-lines.js';
import { BenchReportSchema } from './schema.js';
import type { BenchReport } from './types.js';

/** A report (or one NDJSON line of reports) did not match the contract. */
export class ReportParseError extends Error {
  override readonly name = 'ReportParseError';
  /** Dot path of the first offending key (`iterations.p50_ms`, `passes_applied[2]`), or `report`. */
  readonly path: string;
  /** 1-based NDJSON line, when the report came from `parseReports`. */
  readonly line: number | undefined;
  /** Every problem found, each as `{path}: {what is wrong}`; the message shows the first. */
  readonly issues: readonly string[];
  /** The message without its `line N: ` prefix: the first issue, and how many more there are. */
  readonly detail: string;

  constructor(issues: readonly ReportIssue[], line?: number) {
    const first = issues[0]!;
    const detail = first.message + (issues.length > 1 ? messages.moreIssues(issues.length - 1) : '');
    super(line === undefined ? detail : messages.onLine(line, detail));
    this.path = first.path;
    this.line = line;
    this.issues = issues.map((issue) => issue.message);
    this.detail = detail;
  }
}

/** One problem with a report: where, and the full one-line message. */
interface ReportIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Validates a parsed JSON value as a report and returns it normalised: keys in contract order, unknown keys
 * dropped, missing optional keys set to `null`.
 *
 * @param value A value from `JSON.parse`, or a report built in code.
 * @returns The report.
 * @throws {ReportParseError} When the value does not match the contract.
 */
export function parseReport(value: unknown): BenchReport {
  return validate(value, undefined);
}

/**
 * Parses one report from JSON text (a pretty `--json` / `--save-baseline` document, or a single line).
 *
 * @param text The JSON text.
 * @returns The report.
 * @throws {ReportParseError} When the text is not JSON or not a report.
 */
export function parseReportJson(text: string): BenchReport {
  return validate(parseJson(text, undefined), undefined);
}

/**
 * Parses NDJSON reports (a directory-mode baseline): one compact report per line; blank and
 * whitespace-only lines are skipped, and a line may end in CRLF.
 *
 * @param ndjsonText The NDJSON text.
 * @returns The reports in file order.
 * @throws {ReportParseError} With the 1-based line number of the first line that is not a report.
 */
export function parseReports(ndjsonText: string): BenchReport[] {
  return Array.from(readReportLines(ndjsonText), (entry) => entry.report);
}

/** One report of an NDJSON text, with the line it was read from. */
export interface ReportLine {
  /** 1-based line number in the text. */
  readonly line: number;
  /** The report on that line. */
  readonly report: BenchReport;
}

/**
 * Reads NDJSON reports one line at a time, for a caller that checks more about each report and names its line
 * (as `aver-bench` does with a baseline). Lines are split by `ndjsonLines`. Lazy: a line is parsed when the
 * iteration reaches it, so a caller's own check of an earlier report fails before a later line is parsed.
 *
 * @param ndjsonText The NDJSON text.
 * @returns The reports with their 1-based line numbers, in file order.
 * @throws {ReportParseError} With the 1-based line number of a line that is not a report, when reached.
 */
export function* readReportLines(ndjsonText: string): Generator<ReportLine, void, undefined> {
  for (const { line, text } of ndjsonLines(ndjsonText)) {
    yield { line, report: validate(parseJson(text, line), line) };
  }
}

function parseJson(text: string, line: number | undefined): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ReportParseError([{ path: messages.rootPath, message: messages.invalidJson(detail) }], line);
  }
}

function validate(value: unknown, line: number | undefined): BenchReport {
  const result = v.safeParse(BenchReportSchema, value);
  if (result.success) return result.output;
  throw new ReportParseError(describeIssues(result.issues), line);
}

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): ReportIssue[] {
  const described: ReportIssue[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const item = describeIssue(issue);
    if (seen.has(item.message)) continue;
    seen.add(item.message);
    described.push(item);
  }
  return described;
}

function describeIssue(issue: v.BaseIssue<unknown>): ReportIssue {
  const keys = (issue.path ?? []).map((item) => item.key);
  const parent = issue.path?.at(-1)?.input;
  if (isMissingKey(issue)) {
    // valibot accepts arrays as objects and then reports every key as missing; say what is really wrong.
    if (Array.isArray(parent)) {
      const path = formatPath(keys.slice(0, -1));
      return { path, message: messages.unexpectedValue(path, 'object', 'array') };
    }
    const path = formatPath(keys);
    return { path, message: messages.missingKey(path) };
  }
  const path = formatPath(keys);
  const got = issue.kind === 'schema' ? typeName(issue.input) : showValue(issue.input);
  return { path, message: messages.unexpectedValue(path, issue.message, got) };
}

/** An object schema reports a missing key with the key's name in quotes as `expected`. */
function isMissingKey(issue: v.BaseIssue<unknown>): boolean {
  return issue.type === 'object' && issue.input === undefined && (issue.expected?.startsWith('"') ?? false);
}

function formatPath(keys: readonly unknown[]): string {
  let path = '';
  for (const key of keys) {
    if (typeof key === 'number') path += `[${key}]`;
    else path += path === '' ? String(key) : `.${String(key)}`;
  }
  return path === '' ? messages.rootPath : path;
}

/** The JSON type of a value, as a reader would name it. */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : 'number';
  return typeof value;
}

/** A right-typed value that broke a rule (an integer or pattern check): show the value itself. */
function showValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(shown);
  }
  return String(value);
}
