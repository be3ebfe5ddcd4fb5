import { escapeControlChars } from '@aver/bench-report';
import type { RunError } from '@aver/bench-runner';

/**
 * What takes a report's place when a scenario was contained rather than measured: it ran out of time or
 * memory, its isolate was ended, and the run went on. One JSON document (`--json` on one scenario) or one NDJSON
 * line among the reports (a folder). Its keys, in this order: `kind` (always `"failure"`), `scenario`, `target`,
 * `error` (the `RunError` kind: `timeout` or `memory`) and `message` (the same text as on stderr).
 */
export interface FailureRecord {
  readonly kind: 'failure';
  readonly scenario: string;
  readonly target: string;
  readonly error: string;
  readonly message: string;
}

/** The record of `error` for `scenario` on `target`. */
export function failureRecord(scenario: string, target: string, error: RunError): FailureRecord {
  return { kind: 'failure', scenario, target, error: error.kind, message: error.message };
}

/** The record as the human report would show it: the scenario's header line and a `failed:` line. */
export function formatFailureHuman(record: FailureRecord): string {
  return `${escapeControlChars(record.scenario)} [${record.target}]\n  failed:       ${record.message}\n`;
}

/** The record as one pretty JSON document (two-space indent), with a final newline. */
export function formatFailureJson(record: FailureRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

/** The record as one NDJSON line. */
export function formatFailureLine(record: FailureRecord): string {
  return `${JSON.stringify(record)}\n`;
}
