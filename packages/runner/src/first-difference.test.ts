import { describe, expect, it } from 'vitest';
import { escapeBytes, firstDifference } from './first-difference.js';

describe('firstDifference', () => {
  it('is null for equal responses, Unit included', () => {
    expect(firstDifference('610', '610')).toBeNull();
    expect(firstDifference(null, null)).toBeNull();
  });

  it('gives the byte offset of the first difference and both sides from there', () => {
    expect(firstDifference('[1, 2, 3]', '[1, 2, 4]')).toEqual({ offset: 7, left: '"3]"', right: '"4]"' });
  });

  it('counts UTF-8 bytes and escapes each byte of a multi-byte character', () => {
    // 'é' is C3 A9, 'è' is C3 A8: they share the first byte.
    expect(firstDifference('café', 'cafè')).toEqual({ offset: 4, left: '"\\xa9"', right: '"\\xa8"' });
  });

  it('describes a response that is a prefix of the other', () => {
    expect(firstDifference('ab', 'abc')).toEqual({ offset: 2, left: '""', right: '"c"' });
  });

  it('describes a Unit response against a text', () => {
    expect(firstDifference(null, 'x')).toEqual({ offset: 0, left: 'none (Unit)', right: '"x"' });
  });

  it('cuts each side at 24 bytes and marks the cut', () => {
    const difference = firstDifference(`-${'a'.repeat(30)}`, `+${'a'.repeat(30)}`);
    expect(difference).toEqual({
      offset: 0,
      left: `"-${'a'.repeat(23)}"…`,
      right: `"+${'a'.repeat(23)}"…`,
    });
  });
});

describe('escapeBytes', () => {
  it('keeps printable ASCII and escapes quotes, backslashes, controls and escape sequences', () => {
    const bytes = Buffer.from('a"b\\c\n\r\t\x1b[31m\x00\x7f', 'utf8');
    expect(escapeBytes(bytes)).toBe('a\\"b\\\\c\\n\\r\\t\\x1b[31m\\x00\\x7f');
  });
});
