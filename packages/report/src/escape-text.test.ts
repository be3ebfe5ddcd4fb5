import { describe, expect, it } from 'vitest';
import { escapeControlChars, escapeControlCharsInText, quoteText } from './escape-text.js';

describe('escapeControlChars', () => {
  it('escapes what a terminal would act on and keeps printable text', () => {
    expect(escapeControlChars('fib\u001b[2J\u001b]0;pwned\u0007')).toBe('fib\\u{1b}[2J\\u{1b}]0;pwned\\u{7}');
    expect(escapeControlChars('a\nb\rc\td')).toBe('a\\nb\\rc\\td');
    expect(escapeControlChars('\u009b31m \u007f \u202eevil\u2066 \u2028')).toBe(
      '\\u{9b}31m \\u{7f} \\u{202e}evil\\u{2066} \\u{2028}',
    );
    expect(escapeControlChars('café ☕ C:\\bench\\fib.toml "x"')).toBe('café ☕ C:\\bench\\fib.toml "x"');
    expect(escapeControlChars('lone \ud800 surrogate')).toBe('lone \\u{d800} surrogate');
  });
});

describe('escapeControlCharsInText', () => {
  it('keeps line feeds and tabs, and escapes every other control', () => {
    expect(escapeControlCharsInText('a\n\tb\r\u001b[0m\u0007')).toBe('a\n\tb\\r\\u{1b}[0m\\u{7}');
  });
});

describe('quoteText', () => {
  it('quotes and escapes quotes, backslashes and controls', () => {
    expect(quoteText('832', 200)).toBe('"832"');
    expect(quoteText('say "hi"\\\n\u001b', 200)).toBe('"say \\"hi\\"\\\\\\n\\u{1b}"');
  });

  it('cuts after maxBytes UTF-8 bytes, never inside a character, and marks the cut', () => {
    expect(quoteText('abcdef', 4)).toBe('"abcd"…');
    expect(quoteText('abcd', 4)).toBe('"abcd"');
    // é is two bytes: three of them are six bytes, the fourth would be eight.
    expect(quoteText('éééé', 7)).toBe('"ééé"…');
    expect(quoteText('😀x', 3)).toBe('""…');
  });
});
