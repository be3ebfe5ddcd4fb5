/**
 * Characters a terminal acts on instead of printing (ESC, CR, BS, DEL, the C1 controls, line and paragraph
 * separators, bidirectional overrides, lone surrogates). Source files and paths are input: a code frame or a
 * diagnostic must not pass them to the terminal raw. (The bench report package has the same rule for its texts;
 * this package depends on nothing.)
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]|\p{Surrogate}/u;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu');

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** How one character is shown: itself, or its escape (`\n`, `\u{1b}`). */
export function showChar(char: string): string {
  if (!UNSAFE.test(char)) return char;
  return NAMED[char] ?? `\\u{${char.codePointAt(0)!.toString(16)}}`;
}

/**
 * A single line of text safe to print: every terminal control escaped (`\n`, `\t`, `\u{1b}`), printable text
 * (also non-ASCII) kept.
 */
export function escapeControlChars(text: string): string {
  return text.replace(UNSAFE_ALL, showChar);
}
