import { readFileSync, statSync } from 'node:fs';
import { describeIoError, joinPathVerbatim } from '@aver/bench-manifest';
import type { BenchReport, HostInfo } from '@aver/bench-report';
import { parseReport, parseReports } from '@aver/bench-report';
import { CliError } from './cli-errors.js';
import * as messages from './messages.js';

/**
 * The baseline `--baseline-dir` uses for this machine (spec §7.5): `{dir}/{os}-{arch}-{target}.json`, joined
 * verbatim. It counts only when it is a regular file (symlinks followed), like Rust's `is_file()`.
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
 * Finds the baseline of one scenario in a `--compare` file (spec §7.5): a file that is one JSON document must be
 * a report and is used whatever its scenario name (the `--save-baseline` output); otherwise the file is NDJSON and
 * the first report with the scenario's name wins. Unlike the reference, every NDJSON line must parse, also those
 * after the match.
 * @param path The `--compare` value.
 * @param name The current scenario's name.
 * @returns The baseline report, or `null` when the NDJSON has no entry for the scenario.
 * @throws {CliError} When the file cannot be read or parsed.
 */
export function findCompareBaseline(path: string, name: string): BenchReport | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(messages.compareCannotRead(path, describeIoError(error)));
  }
  let document: unknown;
  let isOneDocument = true;
  try {
    document = JSON.parse(text);
  } catch {
    isOneDocument = false;
  }
  try {
    if (isOneDocument) return parseReport(document);
    return parseReports(text).find((report) => report.scenario.name === name) ?? null;
  } catch (error) {
    throw new CliError(
      messages.compareCannotParse(path, error instanceof Error ? error.message : String(error)),
    );
  }
}

/**
 * Reads a `--baseline-dir` host baseline strictly as NDJSON (spec §9.5 step 3) and indexes it by scenario name;
 * when a name repeats, the last line wins.
 * @param path The host baseline file.
 * @returns Scenario name → baseline report.
 * @throws {CliError} When the file cannot be read or a line is not a report (with its 1-based line number).
 */
export function loadBaselineIndex(path: string): Map<string, BenchReport> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(messages.baselineDirCannotRead(path, describeIoError(error)));
  }
  const index = new Map<string, BenchReport>();
  const lines = text.split('\n');
  for (let at = 0; at < lines.length; at++) {
    if (lines[at].trim() === '') continue;
    let report: BenchReport;
    try {
      report = parseReport(JSON.parse(lines[at]));
    } catch (error) {
      const detail = error instanceof SyntaxError ? `invalid JSON: ${error.message}` : errorText(error);
      throw new CliError(messages.baselineDirParse(path, at + 1, detail));
    }
    index.set(report.scenario.name, report);
  }
  return index;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
