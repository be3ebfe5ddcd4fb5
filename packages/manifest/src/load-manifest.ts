import { describeIoError, readTextFile } from '@aver/host-io';
import { parse, TomlError } from 'smol-toml';
import * as v from 'valibot';
import { closestKey } from './closest-key.js';
import { ParseError as PositionParseError } from 'toml-eslint-parser';
import { EFFECTS_KEYS } from './effects-schema.js';
import type { KeyPosition } from './key-positions.js';
import { keyPositions } from './key-positions.js';
import type { Manifest } from './manifest.js';
import type { ManifestIssue } from './manifest-error.js';
import { ManifestError } from './manifest-error.js';
import type { Finding } from './manifest-paths.js';
import { checkManifestPaths } from './manifest-paths.js';
import {
  EXPECTED_KEYS,
  isReferenceCheck,
  ManifestSchema,
  TOLERANCE_KEYS,
  TOP_LEVEL_KEYS,
} from './manifest-schema.js';
import * as messages from './messages.js';
import { fileStem, joinPathVerbatim, parentDirVerbatim } from './path-utils.js';

/**
 * Reads, parses and validates a scenario manifest (bench spec: "`Manifest::load` algorithm", with the deliberate
 * fixes listed in the README).
 * @param path The manifest path as the user gave it; relative paths in it resolve against its folder.
 * @returns The validated manifest; unknown keys are reported in `warnings`.
 * @throws {ManifestError} `read` when the file cannot be read as UTF-8, `parse` on a TOML syntax error (with line
 *   and column), `validate` when a value is missing, of the wrong type or out of range.
 */
export function loadManifest(path: string): Manifest {
  const source = readManifestSource(path);
  const document = parseManifestSource(path, source);
  const positions = findKeyPositions(path, source);
  const manifestDir = parentDirVerbatim(path);
  // Two steps, each reporting every problem it finds: the schema checks shape and range, then the paths are
  // checked on disk. Their findings are merged in the reference's check order (the order of the top-level keys).
  const result = v.safeParse(ManifestSchema, document, { abortEarly: false });
  const findings = [
    ...(result.success ? [] : result.issues.map(schemaFinding)),
    ...checkManifestPaths(document, manifestDir),
  ];
  if (!result.success || findings.length > 0) {
    const issues = inCheckOrder(findings).map((finding) => toManifestIssue(path, finding, positions));
    throw new ManifestError('validate', path, issues);
  }
  const fields = result.output;
  const entry = joinPathVerbatim(manifestDir, fields.entry);
  return {
    path,
    name: fields.name ?? fileStem(path, 'scenario'),
    entry,
    moduleRoot:
      fields.moduleRoot === null
        ? parentDirVerbatim(entry) || '.'
        : joinPathVerbatim(manifestDir, fields.moduleRoot),
    iterations: fields.iterations,
    warmup: fields.warmup,
    args: fields.args,
    expected: fields.expected,
    tolerance: fields.tolerance,
    effects: {
      allow: fields.effects.allow,
      diskRoot:
        fields.effects.diskRoot === null ? null : joinPathVerbatim(manifestDir, fields.effects.diskRoot),
    },
    timeoutMs: fields.timeoutMs,
    memoryLimitMb: fields.memoryLimitMb,
    warnings: unknownKeyWarnings(path, document, positions),
  };
}

/** A schema issue as a finding: its key path, and whether it is one of the reference's checks. */
function schemaFinding(issue: v.BaseIssue<unknown>): Finding {
  const keys = (issue.path ?? []).map((item) => item.key);
  return {
    path: keys.filter((key): key is string | number => typeof key === 'string' || typeof key === 'number'),
    message: issue.message,
    verbatim: isReferenceCheck(issue),
  };
}

/** Findings ordered by their top-level key as the reference checks them; a stable sort keeps each key's order. */
function inCheckOrder(findings: readonly Finding[]): Finding[] {
  const rank = (finding: Finding): number => {
    const index = TOP_LEVEL_KEYS.indexOf(finding.path[0] as (typeof TOP_LEVEL_KEYS)[number]);
    return index < 0 ? -1 : index;
  };
  return [...findings].sort((left, right) => rank(left) - rank(right));
}

/**
 * Where each key is written. The document already parsed, so the position parser failing means the two parsers
 * disagree about the text; that is reported as a syntax error at the position parser's location, not skipped.
 */
function findKeyPositions(path: string, source: string): Map<string, KeyPosition> {
  try {
    return keyPositions(source);
  } catch (error) {
    if (!(error instanceof PositionParseError)) throw error;
    const column = error.column + 1;
    const message = `${path}: ${messages.tomlSyntax(error.lineNumber, column, lineOf(source, error.lineNumber), error.message)}`;
    throw new ManifestError('parse', path, [{ message, key: null, line: error.lineNumber, column }]);
  }
}

/** The manifest's text (strict UTF-8, as `fs::read_to_string`), without a byte-order mark, which TOML forbids. */
function readManifestSource(path: string): string {
  try {
    const text = readTextFile(path);
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch (error) {
    throw new ManifestError('read', path, [
      wholeFileIssue(messages.cannotRead(path, describeIoError(error))),
    ]);
  }
}

function parseManifestSource(path: string, source: string): Record<string, unknown> {
  try {
    return parse(source, { integersAsBigInt: true });
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const reason = error.message.replace(/^Invalid TOML document: /, '').split('\n\n')[0] ?? '';
    const sourceLine = lineOf(source, error.line);
    const message = `${path}: ${messages.tomlSyntax(error.line, error.column, sourceLine, reason)}`;
    throw new ManifestError('parse', path, [{ message, key: null, line: error.line, column: error.column }]);
  }
}

/** Line `line` (1-based) of a text without its line end ('' past the end), found without splitting the text. */
function lineOf(text: string, line: number): string {
  let start = 0;
  for (let current = 1; current < line; current++) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) return '';
    start = newline + 1;
  }
  const newline = text.indexOf('\n', start);
  const end = newline < 0 ? text.length : newline;
  return text.slice(start, text.charCodeAt(end - 1) === 13 && end > start ? end - 1 : end);
}

function wholeFileIssue(message: string): ManifestIssue {
  return { message, key: null, line: null, column: null };
}

/**
 * Turns a finding into a manifest issue: dotted key, position of the value, `{path}: ` prefix. The position is
 * appended to the message unless the message is a reference template, which stays byte for byte.
 */
function toManifestIssue(path: string, finding: Finding, positions: Map<string, KeyPosition>): ManifestIssue {
  const key = finding.path.length === 0 ? null : formatKeyPath(finding.path);
  const position = findPosition(finding.path, positions);
  const text = `${path}: ${finding.message}`;
  if (position === null) return { message: text, key, line: null, column: null };
  return {
    message: finding.verbatim ? text : messages.atPosition(text, position.line, position.column),
    key,
    line: position.line,
    column: position.column,
  };
}

function formatKeyPath(segments: readonly unknown[]): string {
  return segments
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`))
    .join('');
}

/** The position of the value at `segments`, or of its closest enclosing key (array elements point at the array). */
function findPosition(
  segments: readonly unknown[],
  positions: Map<string, KeyPosition>,
): { line: number; column: number } | null {
  const names = segments.filter((key): key is string => typeof key === 'string');
  for (let length = names.length; length > 0; length--) {
    const found = positions.get(names.slice(0, length).join('.'));
    if (found !== undefined) return found.value;
  }
  return null;
}

/** One warning per unknown key at the top level and in each table, with a likely fix. */
function unknownKeyWarnings(
  path: string,
  document: Record<string, unknown>,
  positions: Map<string, KeyPosition>,
): string[] {
  const warnings: string[] = [];
  const check = (table: unknown, prefix: string, known: readonly string[]): void => {
    if (typeof table !== 'object' || table === null || Array.isArray(table) || table instanceof Date) return;
    for (const key of Object.keys(table)) {
      if (known.includes(key)) continue;
      const dotted = prefix + key;
      const position = positions.get(dotted)?.key;
      const where = position === undefined ? '' : messages.positionSuffix(position.line, position.column);
      warnings.push(`${path}: ${messages.unknownKey(dotted, where, closestKey(key, known), known)}`);
    }
  };
  check(document, '', TOP_LEVEL_KEYS);
  check(document.expected, 'expected.', EXPECTED_KEYS);
  check(document.tolerance, 'tolerance.', TOLERANCE_KEYS);
  check(document.effects, 'effects.', EFFECTS_KEYS);
  return warnings;
}
