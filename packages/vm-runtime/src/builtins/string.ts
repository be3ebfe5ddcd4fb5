import { formatFloat } from '../float-format.js';
import { cons, EMPTY_LIST, type ListValue, NONE, type Value } from '../values.js';
import type { BuiltinImpls } from './builtin-def.js';
import { codePointAt, codePointLength, codePointOffsets } from './code-point-index.js';
import { MAX_STRING_LENGTH, checkedString, stringTooLong } from '../engine-limits.js';
import { some } from './wrappers.js';

/** Rust `char::is_whitespace` (Unicode White_Space): like JS `trim` but with U+0085 and without U+FEFF. */
function isWhiteSpace(unit: number): boolean {
  if (unit <= 0x20) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
  if (unit < 0x85) return false;
  return (
    unit === 0x85 ||
    unit === 0xa0 ||
    unit === 0x1680 ||
    (unit >= 0x2000 && unit <= 0x200a) ||
    unit === 0x2028 ||
    unit === 0x2029 ||
    unit === 0x202f ||
    unit === 0x205f ||
    unit === 0x3000
  );
}

/** Rust `str::trim`. */
export function trimWhiteSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isWhiteSpace(s.charCodeAt(start))) start++;
  while (end > start && isWhiteSpace(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** Number of UTF-8 bytes of `s`. */
export function utf8Length(s: string): number {
  let bytes = s.length;
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    if (unit < 0x80) continue;
    // 2 bytes below U+0800, 3 for other BMP units; a surrogate pair is 4 bytes for 2 units.
    if (unit < 0x800) bytes += 1;
    else {
      bytes += 2;
      const next = unit <= 0xdbff && unit >= 0xd800 ? s.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return bytes;
}

/** The code points of `s` as one-code-point strings, prepended to `tail`; built back to front without an array. */
export function charsOf(s: string, tail: ListValue = EMPTY_LIST): ListValue {
  let list = tail;
  let i = s.length - 1;
  while (i >= 0) {
    const unit = s.charCodeAt(i);
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0) {
      const previous = s.charCodeAt(i - 1);
      if (previous >= 0xd800 && previous <= 0xdbff) {
        list = cons(s.slice(i - 1, i + 1), list);
        i -= 2;
        continue;
      }
    }
    list = cons(s[i], list);
    i--;
  }
  return list;
}

/**
 * Rust `str::split`: non-empty separators behave like JS `split`; the empty separator matches at every char
 * boundary, so `split("ab", "")` is `["", "a", "b", ""]` and `split("", "")` is `["", ""]`.
 */
export function splitString(s: string, separator: string): ListValue {
  if (separator.length === 0) return cons('', charsOf(s, cons('', EMPTY_LIST)));
  const parts = s.split(separator);
  let list = EMPTY_LIST;
  for (let i = parts.length - 1; i >= 0; i--) list = cons(parts[i], list);
  return list;
}

/**
 * Rust `str::replace`: every non-overlapping match, left to right, replaced literally (no `$` patterns). An empty
 * pattern inserts the replacement at every char boundary, both ends included.
 */
export function replaceAll(s: string, pattern: string, replacement: string): string {
  if (pattern.length > 0) {
    const pieces = s.split(pattern);
    // `join` copies into one flat block at once: check its size before asking for it (see engine-limits.ts).
    if (s.length + (pieces.length - 1) * (replacement.length - pattern.length) > MAX_STRING_LENGTH)
      throw stringTooLong();
    return pieces.join(replacement);
  }
  let out = replacement;
  for (const char of s) out += char + replacement;
  return checkedString(out);
}

/** Clamps an Int index to a JS number; bigints are far outside any string. */
function clampIndex(x: Value): number {
  return typeof x === 'bigint' ? (x < 0n ? -1 : Number.MAX_SAFE_INTEGER) : (x as number);
}

/** `String.slice`: code points `[max(from, 0), min(max(to, 0), len))`, `""` when empty. */
export function sliceString(s: string, from: Value, to: Value): string {
  const offsets = codePointOffsets(s);
  const length = offsets === null ? s.length : offsets.length - 1;
  const start = Math.max(clampIndex(from), 0);
  const end = Math.min(Math.max(clampIndex(to), 0), length);
  if (start >= end) return '';
  if (start === 0 && end === length) return s;
  return offsets === null ? s.slice(start, end) : s.slice(offsets[start], offsets[end]);
}

function joinStrings(list: ListValue, separator: string): string {
  if (list.length === 0) return '';
  let out = list.head as string;
  for (let cell = list.tail!; cell.length > 0; cell = cell.tail!) out += separator + (cell.head as string);
  return checkedString(out);
}

/**
 * The `String` namespace (language reference: "Pure namespaces", String; runtime "String"): code points, not
 * UTF-16 units.
 */
export const STRING_IMPLS: BuiltinImpls = {
  'String.len': (_host, a) => codePointLength(a as string),
  'String.byteLength': (_host, a) => utf8Length(a as string),
  'String.startsWith': (_host, a, b) => (a as string).startsWith(b as string),
  'String.endsWith': (_host, a, b) => (a as string).endsWith(b as string),
  'String.contains': (_host, a, b) => (a as string).includes(b as string),
  'String.slice': (_host, a, b, c) => sliceString(a as string, b, c),
  'String.trim': (_host, a) => trimWhiteSpace(a as string),
  'String.split': (_host, a, b) => splitString(a as string, b as string),
  'String.replace': (_host, a, b, c) => replaceAll(a as string, b as string, c as string),
  'String.join': (_host, a, b) => joinStrings(a as ListValue, b as string),
  /** The code point at index i; `None` when i < 0 or i ≥ len. O(1) amortised over a walk (code-point-index.ts). */
  'String.charAt': (_host, a, b) => {
    if (typeof b !== 'number') return NONE;
    const char = codePointAt(a as string, b);
    return char === undefined ? NONE : some(char);
  },
  'String.chars': (_host, a) => charsOf(a as string),
  'String.fromInt': (_host, a) => String(a),
  /** Float display (language reference: "Value display"). */
  'String.fromFloat': (_host, a) => formatFloat(a as number),
  'String.fromBool': (_host, a) => (a ? 'true' : 'false'),
  // Case mapping can lengthen text ('ß' → 'SS'; up to three units per unit).
  'String.toLower': (_host, a) => checkedString((a as string).toLowerCase()),
  'String.toUpper': (_host, a) => checkedString((a as string).toUpperCase()),
  /** Concatenation; removed in 0.17.0 (use `+` or interpolation). */
  'String.concat': (_host, a, b) => checkedString((a as string) + (b as string)),
};
