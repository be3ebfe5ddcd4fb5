import { describe, expect, it } from 'vitest';
import { formatRustDebugList, formatRustDebugString } from './rust-debug.js';

describe('formatRustDebugList', () => {
  it('quotes items and separates them with a comma and a space', () => {
    expect(formatRustDebugList(['tco', 'typecheck'])).toBe('["tco", "typecheck"]');
    expect(formatRustDebugList(['tco'])).toBe('["tco"]');
    expect(formatRustDebugList([])).toBe('[]');
  });
});

describe('formatRustDebugString', () => {
  it('escapes double quotes and backslashes but not single quotes', () => {
    expect(formatRustDebugString('say "hi"')).toBe('"say \\"hi\\""');
    expect(formatRustDebugString('C:\\passes')).toBe('"C:\\\\passes"');
    expect(formatRustDebugString("it's")).toBe('"it\'s"');
  });

  it('uses the short escapes for NUL, tab, carriage return and newline', () => {
    expect(formatRustDebugString('a\0b\tc\rd\ne')).toBe('"a\\0b\\tc\\rd\\ne"');
  });

  it('escapes other non-printable characters as \\u{…} in lowercase hex', () => {
    expect(formatRustDebugString('\u0001')).toBe('"\\u{1}"');
    expect(formatRustDebugString('\u001b[0m')).toBe('"\\u{1b}[0m"');
    expect(formatRustDebugString('\u007f')).toBe('"\\u{7f}"');
    expect(formatRustDebugString('a\u00a0b')).toBe('"a\\u{a0}b"');
    expect(formatRustDebugString('zero\u200bwidth')).toBe('"zero\\u{200b}width"');
    expect(formatRustDebugString('\u2028')).toBe('"\\u{2028}"');
    // A combining mark (grapheme extender) is escaped too.
    expect(formatRustDebugString('e\u0301')).toBe('"e\\u{301}"');
  });

  it('keeps printable non-ASCII text and spaces as they are', () => {
    expect(formatRustDebugString('héllo wörld — ✓ 日本 🚀')).toBe('"héllo wörld — ✓ 日本 🚀"');
  });
});
