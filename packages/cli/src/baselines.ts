import { readFileSync, statSync } from 'node:fs';
import { describeIoError } from '@aver/host-io';
import { joinPathVerbatim } from '@aver/bench-manifest';
import type { NoiseFile } from '@aver/bench-diff';
import type { BenchReport, HostInfo } from '@aver/bench-report';
import { parseReport, ReportParseError, readReportLines } from '@aver/bench-report';
import { checkBaselineValues } from './check-baseline-values.js';
import { CliError } from './cli-errors.js';
import * as messages from './messages.js';

/** A baseline file, read and checked in full before any scenario runs. */
export interface Baselines {
  /** The file, for messages. */
  readonly path: string;
  /** Whether the file holds no report at all (empty, or blank lines only). */
  readonly empty: boolean;
  /**
   * The baseline of one scenario.
   * @param name The scenario's name.
   * @returns Its report, or `null` when the file has none for it.
   */
  find(name: string): BenchReport | null;
  /**
   * The calibrated noise beside the baseline (`aver-bench calibrate`), whose `cross_run_pct` is the noise floor of
   * a statistical comparison with it; `null` when there is none.
   */
  readonly noise: NoiseFile | null;
}

/**
 * The baseline `--baseline-dir` uses for this machine (bench spec: "How the CLI finds the baseline"):
 * `{dir}/{os}-{arch}-{target}.json`, joined verbatim. It counts only when it is a regular file (symlinks followed),
 * like Rust's `is_file()`.
 * @param dir The `--baseline-dir` value.
 * @param target The target name.
 * @param host This machine.
 * @returns The candidate path and whether it is a usable file.
 */
export function pickHostBaseline(
  dir: string,
  target: string,
  host: HostInfo,
): { path: string; exists: boolean } {
  const candidate = joinPathVerbatim(dir, `${host.os}-${host.arch}-${target}.json`);
  let exists = false;
  try {
    exists = statSync(candidate).isFile();
  } catch {
    exists = false;
  }
  return { path: candidate, exists };
}

/**
 * What is wrong with a `--baseline-dir` folder, or `null` when it is a folder. The reference treats a missing
 * folder like a folder without this host's file (no comparison, silently); the caller decides how loud to be.
 * @param dir The `--baseline-dir` value.
 * @returns A one-line problem, or `null`.
 */
export function baselineDirProblem(dir: string): string | null {
  try {
    return statSync(dir).isDirectory() ? null : messages.baselineDirNotFolder(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return messages.baselineDirMissing(dir);
    return messages.baselineDirUnreadable(dir, describeIoError(error));
  }
}

/**
 * Reads a `--compare` file (bench spec: "How the CLI finds the baseline"): a file that is one JSON document must be a
 * report and is used whatever its scenario name (the `--save-baseline` output); otherwise the file is NDJSON and the
 * first report with a scenario's name wins. Unlike the reference, every line must parse (also those after a match),
 * and every report must hold possible values (`checkBaselineValues`); errors name the key and the line.
 * @param path The `--compare` value (or, in single-scenario mode, this host's `--baseline-dir` file).
 * @returns The baselines.
 * @throws {CliError} When the file cannot be read or parsed, or holds an impossible value.
 */
export function readCompareBaseline(path: string): Baselines {
  const text = readBaselineText(path, messages.compareCannotRead);
  const fail = (line: number, detail: string) =>
    new CliError(messages.compareCannotParse(path, messages.onLine(line, detail)));
  let document: unknown;
  let isOneDocument = true;
  try {
    document = JSON.parse(text);
  } catch {
    isOneDocument = false;
  }
  if (isOneDocument) {
    const report = checkedReport(document, (key, detail) => fail(lineOfKey(text, key), detail));
    return { path, empty: false, find: () => report, noise: null };
  }
  const reports = readNdjson(text, fail);
  return {
    path,
    empty: reports.length === 0,
    find: (name) => reports.find((report) => report.scenario.name === name) ?? null,
    noise: null,
  };
}

/**
 * Reads a `--baseline-dir` host baseline strictly as NDJSON (bench spec: "CLI: directory mode" step 3) and indexes it
 * by scenario name; when a name repeats, the last line wins. Every report must hold possible values
 * (`checkBaselineValues`).
 * @param path The host baseline file.
 * @returns The baselines.
 * @throws {CliError} When the file cannot be read, a line is not a report or holds an impossible value (with its
 *   1-based line number).
 */
export function loadBaselineIndex(path: string): Baselines {
  const text = readBaselineText(path, messages.baselineDirCannotRead);
  const reports = readNdjson(
    text,
    (line, detail) => new CliError(messages.baselineDirParse(path, line, detail)),
  );
  const index = new Map(reports.map((report) => [report.scenario.name, report]));
  return { path, empty: index.size === 0, find: (name) => index.get(name) ?? null, noise: null };
}

function readBaselineText(path: string, cannotRead: (path: string, detail: string) => string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(cannotRead(path, describeIoError(error)));
  }
}

/**
 * Every non-blank line must be a report with possible values; `fail` builds the error for a line. The lines are
 * split and parsed by `readReportLines`, one at a time, so the first bad line in file order is the one reported.
 */
function readNdjson(text: string, fail: (line: number, detail: string) => CliError): BenchReport[] {
  const reports: BenchReport[] = [];
  try {
    for (const { line, report } of readReportLines(text)) {
      const problem = checkBaselineValues(report);
      if (problem !== null) throw fail(line, problem.message);
      reports.push(report);
    }
  } catch (error) {
    if (error instanceof ReportParseError && error.line !== undefined) throw fail(error.line, error.detail);
    throw error;
  }
  return reports;
}

/** A report whose shape and values hold; `fail` gets the dot path of the first bad key and the problem. */
function checkedReport(value: unknown, fail: (key: string, detail: string) => CliError): BenchReport {
  let report: BenchReport;
  try {
    report = parseReport(value);
  } catch (error) {
    if (error instanceof ReportParseError) throw fail(error.path, error.message);
    throw error;
  }
  const problem = checkBaselineValues(report);
  if (problem !== null) throw fail(problem.key, problem.message);
  return report;
}

/** How `ReportParseError.path` names the document itself. */
const WHOLE_REPORT = 'report';

/**
 * The 1-based line of a key in a pretty JSON document (`iterations.p50_ms` → the line of `"p50_ms"` after
 * `"iterations"`; an array index points at its array). The keys are searched in order, so this holds for
 * documents laid out like `--save-baseline` writes them; line 1 when a key is not found.
 */
function lineOfKey(text: string, path: string): number {
  if (path === WHOLE_REPORT) return 1;
  let at = 0;
  for (const key of path.replace(/\[\d+\]/g, '').split('.')) {
    const found = text.indexOf(JSON.stringify(key), at);
    if (found < 0) break;
    at = found;
  }
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
