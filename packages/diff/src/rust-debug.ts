/**
 * Rust's `Debug` formatting of `Vec<String>`, which the `passes_applied changed` note prints (bench spec:
 * "TypeScript porting notes", note 9): `["tco", "typecheck"]`.
 */

// Rust's `char::escape_debug` escapes grapheme extenders and everything `is_printable` rejects: the
// categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs, except the ASCII space.
const needsUnicodeEscape = /^(?:\p{Grapheme_Extend}|[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}])$/u;

const namedEscapes: Readonly<Record<string, string>> = {
  '\0': '\\0',
  '\t': '\\t',
  '\r': '\\r',
  '\n': '\\n',
  '\\': '\\\\',
  '"': '\\"',
};

/**
 * Formats a string as Rust's `{:?}` does: in double quotes, with `\"`, `\\`, `\0`, `\t`, `\r`, `\n` and
 * `\u{…}` escapes (lowercase hex) for non-printable characters. Single quotes are not escaped.
 *
 * @param text The string.
 * @returns The quoted, escaped string.
 */
export function formatRustDebugString(text: string): string {
  let quoted = '"';
  for (const char of text) {
    const named = namedEscapes[char];
    if (named !== undefined) quoted += named;
    else if (char !== ' ' && needsUnicodeEscape.test(char))
      quoted += `\\u{${char.codePointAt(0)!.toString(16)}}`;
    else quoted += char;
  }
  return `${quoted}"`;
}

/**
 * Formats a list of strings as Rust's `{:?}` of a `Vec<String>` does: `["a", "b"]`, `[]` when empty.
 *
 * @param items The strings.
 * @returns The Debug form.
 */
export function formatRustDebugList(items: readonly string[]): string {
  return `[${items.map(formatRustDebugString).join(', ')}]`;
}
