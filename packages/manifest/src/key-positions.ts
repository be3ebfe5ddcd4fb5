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

const KEY_PART = String.raw`(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')`;
const DOTTED_KEY = String.raw`${KEY_PART}(?:[ \t]*\.[ \t]*${KEY_PART})*`;
const KEY_VALUE_LINE = new RegExp(String.raw`^([ \t]*)(${DOTTED_KEY})[ \t]*=[ \t]*`);
const INLINE_KEY = new RegExp(String.raw`([{,][ \t]*)(${DOTTED_KEY})[ \t]*=[ \t]*`, 'g');
const TABLE_HEADER = new RegExp(String.raw`^([ \t]*)\[(\[?)[ \t]*(${DOTTED_KEY})[ \t]*\]`);

/**
 * Finds where each key of a TOML document is written, by a line scan of the source. smol-toml reports positions
 * for syntax errors only, so validation errors use this map to point at the offending value. Keys are dotted paths
 * (`iterations`, `expected.response_bytes`); a table header is recorded under the table's path. Best effort: the
 * document is already known to parse, and a key that cannot be found simply has no position.
 * @param source The TOML text.
 * @returns Dotted key path → position of the key and its value (first occurrence wins).
 */
export function scanKeyPositions(source: string): Map<string, KeyPosition> {
  const positions = new Map<string, KeyPosition>();
  const record = (keyPath: string, position: KeyPosition): void => {
    if (!positions.has(keyPath)) positions.set(keyPath, position);
  };
  const lines = source.split(/\r?\n/);
  let table: string[] = [];
  let openMultiline: string | null = null;
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index];
    const lineNumber = index + 1;
    if (openMultiline !== null) {
      if (countOccurrences(text, openMultiline) % 2 === 1) openMultiline = null;
      continue;
    }
    const header = TABLE_HEADER.exec(text);
    if (header !== null) {
      table = splitDottedKey(header[3]);
      const column = header[1].length + 1;
      record(table.join('.'), { key: { line: lineNumber, column }, value: { line: lineNumber, column } });
      continue;
    }
    const keyValue = KEY_VALUE_LINE.exec(text);
    if (keyValue === null) continue;
    const keyPath = [...table, ...splitDottedKey(keyValue[2])];
    const valueColumn = keyValue[0].length + 1;
    record(keyPath.join('.'), {
      key: { line: lineNumber, column: keyValue[1].length + 1 },
      value: { line: lineNumber, column: valueColumn },
    });
    const rest = text.slice(keyValue[0].length);
    if (rest.startsWith('{')) recordInlineTable(rest, keyPath, lineNumber, valueColumn, record);
    for (const quote of ['"""', "'''"]) {
      if (rest.startsWith(quote) && countOccurrences(rest, quote) === 1) openMultiline = quote;
    }
  }
  return positions;
}

function recordInlineTable(
  rest: string,
  parent: readonly string[],
  lineNumber: number,
  restColumn: number,
  record: (keyPath: string, position: KeyPosition) => void,
): void {
  INLINE_KEY.lastIndex = 0;
  for (let match = INLINE_KEY.exec(rest); match !== null; match = INLINE_KEY.exec(rest)) {
    const keyColumn = restColumn + match.index + match[1].length;
    const valueColumn = restColumn + match.index + match[0].length;
    record([...parent, ...splitDottedKey(match[2])].join('.'), {
      key: { line: lineNumber, column: keyColumn },
      value: { line: lineNumber, column: valueColumn },
    });
  }
}

function splitDottedKey(dotted: string): string[] {
  const parts: string[] = [];
  const partPattern = new RegExp(KEY_PART, 'g');
  for (let match = partPattern.exec(dotted); match !== null; match = partPattern.exec(dotted)) {
    const raw = match[0];
    parts.push(raw.startsWith('"') || raw.startsWith("'") ? raw.slice(1, -1) : raw);
  }
  return parts;
}

function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}
