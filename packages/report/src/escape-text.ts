/**
 * Characters a terminal acts on instead of printing: C0 controls (ESC starts escape sequences, CR and BS rewrite
 * the line), DEL, C1 controls (U+009B is a one-character CSI), the Unicode line and paragraph separators, the
 * bidirectional formatting characters that reorder what the reader sees (Trojan Source), and lone surrogates.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]|\p{Surrogate}/gu;
/** `UNSAFE` without the line feed and the tab, which only lay text out. */
const UNSAFE_IN_TEXT =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]|\p{Surrogate}/gu;
const UNSAFE_OR_QUOTE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"\\]|\p{Surrogate}/gu;

const NAMED: Readonly<Record<string, string>> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '"': '\\"',
  '\\': '\\\\',
};

/** Rust's `escape_debug` spelling: `\n`, `\r`, `\t`, otherwise `\u{1b}`. */
function escapeOne(char: string): string {
  return NAMED[char] ?? `\\u{${char.codePointAt(0)!.toString(16)}}`;
}

/**
 * Makes text that came from input (a scenario name, a path, a source line) safe to print on a terminal: every
 * character a terminal would act on is written as an escape (`\n`, `\t`, `\u{1b}`), so a manifest cannot move the
 * cursor, recolour or rewrite what was printed before it. Printable text, including non-ASCII letters, and
 * backslashes (Windows paths) are kept as they are.
 * @param text The text.
 * @returns The text with terminal controls escaped.
 */
export function escapeControlChars(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/**
 * `escapeControlChars` for a whole message of several lines (a code frame, a list of errors): line feeds and tabs
 * stay, every other terminal control is escaped.
 * @param text The message.
 * @returns The message with terminal controls other than `\n` and `\t` escaped.
 */
export function escapeControlCharsInText(text: string): string {
  return text.replace(UNSAFE_IN_TEXT, escapeOne);
}

/**
 * Shows a piece of text in double quotes, escaped like `escapeControlChars` plus `"` and `\`, cut after at most
 * `maxBytes` UTF-8 bytes of the original (never inside a character) with `…` after the closing quote when cut.
 * @param text The text (a rendered response).
 * @param maxBytes How much of it to show.
 * @returns For example `"832"` or `"[1, 2, 3, …"…`.
 */
export function quoteText(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = utf8Length(char.codePointAt(0)!);
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += char.length;
  }
  const quoted = `"${text.slice(0, end).replace(UNSAFE_OR_QUOTE, escapeOne)}"`;
  return end < text.length ? `${quoted}…` : quoted;
}

/** UTF-8 bytes of one code point (a lone surrogate is written as U+FFFD, three bytes). */
function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  return codePoint < 0x10000 ? 3 : 4;
}
