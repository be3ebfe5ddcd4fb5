import { describe, expect, it } from 'vitest';
import { listToArray, NONE, type ListValue, type Value, WrapKind, WrapValue } from '../values.js';
import { callBuiltin } from './test-helpers.js';

const some = (value: Value) => new WrapValue(WrapKind.Some, value);
const items = (list: Value) => listToArray(list as ListValue);

describe('String built-ins count code points', () => {
  it('measures length in code points and byteLength in UTF-8 bytes', () => {
    expect(callBuiltin('String.len', 'a😀b')).toBe(3);
    expect(callBuiltin('String.len', '')).toBe(0);
    expect(callBuiltin('String.byteLength', 'a😀b')).toBe(6);
    expect(callBuiltin('String.byteLength', 'zażółć')).toBe(10);
    expect(callBuiltin('String.byteLength', '€')).toBe(3);
  });

  it('slices code points with clamping', () => {
    expect(callBuiltin('String.slice', 'a😀b😀c', 1, 4)).toBe('😀b😀');
    expect(callBuiltin('String.slice', 'hello', -3, 2)).toBe('he');
    expect(callBuiltin('String.slice', 'hello', 2, 99)).toBe('llo');
    expect(callBuiltin('String.slice', 'hello', 4, 2)).toBe('');
    expect(callBuiltin('String.slice', 'hello', 1, -1)).toBe('');
    expect(callBuiltin('String.slice', 'hello', 2n ** 62n, 2n ** 63n - 1n)).toBe('');
  });

  it('returns the code point at an index, or None', () => {
    expect(callBuiltin('String.charAt', 'a😀b', 1)).toEqual(some('😀'));
    expect(callBuiltin('String.charAt', 'a😀b', 2)).toEqual(some('b'));
    expect(callBuiltin('String.charAt', 'a😀b', 3)).toBe(NONE);
    expect(callBuiltin('String.charAt', 'abc', -1)).toBe(NONE);
    expect(callBuiltin('String.charAt', 'abc', 2n ** 60n)).toBe(NONE);
  });

  it('splits a string into code points with chars', () => {
    expect(items(callBuiltin('String.chars', 'a😀b'))).toEqual(['a', '😀', 'b']);
    expect(items(callBuiltin('String.chars', ''))).toEqual([]);
  });
});

describe('String.split follows Rust str::split', () => {
  it.each([
    ['a,b,', ',', ['a', 'b', '']],
    ['', ',', ['']],
    ['ab', '', ['', 'a', 'b', '']],
    ['', '', ['', '']],
    ['a😀', '', ['', 'a', '😀', '']],
    ['a--b----c', '--', ['a', 'b', '', 'c']],
    ['no separator', ';', ['no separator']],
  ])('splits %j by %j into %j', (text, separator, parts) => {
    expect(items(callBuiltin('String.split', text, separator))).toEqual(parts);
  });
});

describe('String.replace follows Rust str::replace', () => {
  it('replaces every non-overlapping match literally', () => {
    expect(callBuiltin('String.replace', 'aaaa', 'aa', 'b')).toBe('bb');
    expect(callBuiltin('String.replace', 'a.b.c', '.', '$&')).toBe('a$&b$&c');
    expect(callBuiltin('String.replace', 'abc', 'x', 'y')).toBe('abc');
  });

  it('inserts the replacement at every char boundary for an empty pattern', () => {
    expect(callBuiltin('String.replace', 'ab', '', '-')).toBe('-a-b-');
    expect(callBuiltin('String.replace', '😀', '', '-')).toBe('-😀-');
    expect(callBuiltin('String.replace', '', '', '-')).toBe('-');
  });
});

describe('String.trim follows Rust White_Space', () => {
  it('strips ASCII and Unicode white space, including U+0085', () => {
    expect(callBuiltin('String.trim', ' \t\n\r\u000B\u000C x y \u00A0\u2003\u3000\u0085')).toBe('x y');
    expect(callBuiltin('String.trim', 'plain')).toBe('plain');
    expect(callBuiltin('String.trim', '   ')).toBe('');
  });

  it('keeps U+FEFF, which JS trim would strip', () => {
    expect(callBuiltin('String.trim', '\uFEFFx\uFEFF')).toBe('\uFEFFx\uFEFF');
  });
});

describe('other String built-ins', () => {
  it('joins, tests and converts', () => {
    expect(callBuiltin('String.join', callBuiltin('String.split', 'a b c', ' '), ', ')).toBe('a, b, c');
    expect(callBuiltin('String.join', callBuiltin('String.chars', ''), ',')).toBe('');
    expect(callBuiltin('String.contains', 'abc', '')).toBe(true);
    expect(callBuiltin('String.startsWith', 'abc', 'ab')).toBe(true);
    expect(callBuiltin('String.endsWith', 'abc', 'ab')).toBe(false);
    expect(callBuiltin('String.fromInt', -(2n ** 63n))).toBe('-9223372036854775808');
    expect(callBuiltin('String.fromFloat', 1e21)).toBe('1000000000000000000000');
    expect(callBuiltin('String.fromFloat', 2.0)).toBe('2');
    expect(callBuiltin('String.fromBool', false)).toBe('false');
    expect(callBuiltin('String.toUpper', 'straße')).toBe('STRASSE');
    expect(callBuiltin('String.toLower', 'ÀB')).toBe('àb');
    expect(callBuiltin('String.concat', 'a', 'b')).toBe('ab');
  });
});

describe('Char and Byte', () => {
  it('converts chars to and from code points', () => {
    expect(callBuiltin('Char.toCode', 'A')).toBe(65);
    expect(callBuiltin('Char.toCode', '😀x')).toBe(0x1f600);
    expect(callBuiltin('Char.fromCode', 0x1f600)).toEqual(some('😀'));
    expect(callBuiltin('Char.fromCode', -1)).toBe(NONE);
    expect(callBuiltin('Char.fromCode', 0xd800)).toBe(NONE);
    expect(callBuiltin('Char.fromCode', 0x110000)).toBe(NONE);
  });

  it('fails Char.toCode on the empty string with the reference message', () => {
    expect(() => callBuiltin('Char.toCode', '')).toThrow('Char.toCode: string is empty');
  });

  it('converts bytes to and from two hex digits', () => {
    expect(callBuiltin('Byte.toHex', 10)).toEqual(new WrapValue(WrapKind.Ok, '0a'));
    expect(callBuiltin('Byte.toHex', 255)).toEqual(new WrapValue(WrapKind.Ok, 'ff'));
    expect(callBuiltin('Byte.toHex', 256)).toEqual(
      new WrapValue(WrapKind.Err, 'Byte.toHex: 256 is out of range 0-255'),
    );
    expect(callBuiltin('Byte.fromHex', 'Ff')).toEqual(new WrapValue(WrapKind.Ok, 255));
    expect(callBuiltin('Byte.fromHex', 'f')).toEqual(
      new WrapValue(WrapKind.Err, "Byte.fromHex: 'f' is not a two-digit hex byte"),
    );
  });
});
