import type { AST } from 'toml-eslint-parser';
import { parseTOML } from 'toml-eslint-parser';

/** A 1-based position in the manifest source. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** Where a key and its value were written. */
export interface KeyPosition {
  /** The first character of the key. */
  readonly key: SourcePosition;
  /** The first character of the value (for a table header, the `[`). */
  readonly value: SourcePosition;
}

/*
 * Why a second parser: smol-toml reads the values (integers as bigint, syntax errors worded like the reference's
 * Rust `toml` crate) but reports positions for syntax errors only. toml-eslint-parser builds a syntax tree with the
 * location of every key and value, so positions come from a real TOML parser fed by the same text, not from a
 * line scan. It runs only on a document smol-toml already accepted.
 */

/**
 * Finds where each key of a TOML document is written. Keys are dotted paths of names (`iterations`,
 * `expected.response_bytes`; array indices are left out); a table header is recorded under the table's path, at its
 * `[`. The first occurrence of a path wins.
 * @param source The TOML text.
 * @returns Dotted key path → position of the key and its value.
 * @throws {ParseError} (toml-eslint-parser's) When the text is not TOML 1.1, with its line and 0-based column.
 */
export function keyPositions(source: string): Map<string, KeyPosition> {
  const positions = new Map<string, KeyPosition>();
  const record = (names: readonly string[], key: SourcePosition, value: SourcePosition): void => {
    const path = names.join('.');
    if (!positions.has(path)) positions.set(path, { key, value });
  };
  const recordKeyValue = (prefix: readonly string[], node: AST.TOMLKeyValue): void => {
    const names = [...prefix, ...node.key.keys.map(keyName)];
    record(names, at(node.key.loc.start), at(node.value.loc.start));
    if (node.value.type === 'TOMLInlineTable') {
      for (const entry of node.value.body) recordKeyValue(names, entry);
    }
  };
  const program = parseTOML(source, { tomlVersion: '1.1' });
  for (const topLevel of program.body) {
    for (const node of topLevel.body) {
      if (node.type === 'TOMLKeyValue') {
        recordKeyValue([], node);
        continue;
      }
      const names = node.resolvedKey.filter((part): part is string => typeof part === 'string');
      record(names, at(node.loc.start), at(node.loc.start));
      for (const entry of node.body) recordKeyValue(names, entry);
    }
  }
  return positions;
}

function keyName(part: AST.TOMLBare | AST.TOMLQuoted): string {
  return part.type === 'TOMLBare' ? part.name : part.value;
}

/** toml-eslint-parser counts columns from 0, as ESLint does; messages count from 1. */
function at(position: AST.Position): SourcePosition {
  return { line: position.line, column: position.column + 1 };
}
