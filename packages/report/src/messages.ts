/** Every user-facing text of @aver/bench-report, in one place. */

/** `statsFromSamples` (and the other estimators) got an empty sample array. */
export const emptySamples = (fn: string): string => `${fn} requires at least one sample`;

/** `percentile` got a rank outside 0–100. */
export const percentileOutOfRange = (p: number): string => `percentile must be between 0 and 100, got ${p}`;

/** `formatFixed` got a fraction digit count that is not a non-negative integer. */
export const badFractionDigits = (digits: number): string =>
  `fractionDigits must be a non-negative integer, got ${digits}`;

/** A value failed validation: `{path}: expected {label}, got {what}`. */
export const unexpectedValue = (path: string, expected: string, got: string): string =>
  `${path}: expected ${expected}, got ${got}`;

/** An object lacks a key the contract requires. */
export const missingKey = (path: string): string => `${path}: required key is missing`;

/** The text was not JSON at all. */
export const invalidJson = (detail: string): string => `invalid JSON: ${detail}`;

/** Prefix for a problem on one NDJSON line (1-based). */
export const onLine = (line: number, message: string): string => `line ${line}: ${message}`;

/** Suffix when a report had more than one problem. */
export const moreIssues = (count: number): string =>
  ` (and ${count} more ${count === 1 ? 'issue' : 'issues'})`;

/** Name of the whole document in paths. */
export const rootPath = 'report';
