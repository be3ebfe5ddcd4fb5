import { describeIoError, readTextFile } from '@aver/host-io';
import { parse, TomlError } from 'smol-toml';
import * as v from 'valibot';
import { closestKey } from './closest-key.js';
import type { KeyPosition } from './key-positions.js';
import { scanKeyPositions } from './key-positions.js';
import type { Manifest } from './manifest.js';
import type { ManifestIssue } from './manifest-error.js';
import { ManifestError } from './manifest-error.js';
import {
  createManifestSchema,
  EXPECTED_KEYS,
  TOLERANCE_KEYS,
  TOP_LEVEL_KEYS,
  VERBATIM,
} from './manifest-schema.js';
import * as messages from './messages.js';
import { fileStem, parentDirVerbatim } from './path-utils.js';
import { EFFECTS_KEYS } from './effects-schema.js';

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
  const positions = scanKeyPositions(source);
  const manifestDir = parentDirVerbatim(path);
  const result = v.safeParse(createManifestSchema(manifestDir), document, { abortEarly: false });
  if (!result.success) {
    const issues = result.issues.map((issue) => toManifestIssue(path, issue, positions));
    throw new ManifestError('validate', path, issues);
  }
  const fields = result.output;
  return {
    path,
    name: fields.name ?? fileStem(path, 'scenario'),
    entry: fields.entry,
    moduleRoot: fields.moduleRoot,
    iterations: fields.iterations,
    warmup: fields.warmup,
    args: fields.args,
    expected: fields.expected,
    tolerance: fields.tolerance,
    effects: fields.effects,
    timeoutMs: fields.timeoutMs,
    memoryLimitMb: fields.memoryLimitMb,
    warnings: unknownKeyWarnings(path, document, positions),
  };
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
 * Turns a valibot issue into a manifest issue: dotted key, position of the value, `{path}: ` prefix. The position
 * is appended to the message unless the message is a reference template (`VERBATIM`), which stays byte for byte.
 */
function toManifestIssue(
  path: string,
  issue: v.BaseIssue<unknown>,
  positions: Map<string, KeyPosition>,
): ManifestIssue {
  const segments = (issue.path ?? []).map((item) => item.key).filter((key) => key !== undefined);
  const key = segments.length === 0 ? null : formatKeyPath(segments);
  const position = findPosition(segments, positions);
  const text = `${path}: ${issue.message}`;
  if (position === null) return { message: text, key, line: null, column: null };
  return {
    message: issue.expected === VERBATIM ? text : messages.atPosition(text, position.line, position.column),
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
