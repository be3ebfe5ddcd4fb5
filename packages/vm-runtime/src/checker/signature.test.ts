import { describe, expect, it } from 'vitest';
import { BUILTIN_SIGNATURES } from '../builtins/signatures.js';
import { parseSignature, parseSignatureType } from './signature.js';
import { typeToString } from './types.js';

function render(text: string): string | null {
  const signature = parseSignature(text);
  if (signature === null) return null;
  return `(${signature.params.map((param) => typeToString(param, 'angle')).join(', ')}) -> ${typeToString(signature.ret, 'angle')}`;
}

describe('parseSignature', () => {
  it('parses every signature of the built-in table', () => {
    const failures = BUILTIN_SIGNATURES.filter((def) => parseSignature(def.signature) === null).map(
      (def) => def.name,
    );
    expect(failures).toEqual([]);
  });

  it('agrees with the arity recorded on every built-in row', () => {
    const mismatches = BUILTIN_SIGNATURES.filter(
      (def) => parseSignature(def.signature)?.params.length !== def.arity,
    );
    expect(mismatches.map((def) => def.name)).toEqual([]);
  });

  it('reads type variables, generics, tuples and built-in records', () => {
    expect(render('(Map<K, V>, K) -> Option<V>')).toBe('(Map<K, V>, K) -> Option<V>');
    expect(render('(List<A>, List<B>) -> List<Tuple<A, B>>')).toBe('(List<A>, List<B>) -> List<Tuple<A, B>>');
    expect(render('() -> Float')).toBe('() -> Float');
    expect(render('(String) -> Result<Tcp.Connection, String>')).toBe(
      '(String) -> Result<Tcp.Connection, String>',
    );
    expect(render('((Int, String)) -> Unit')).toBe('(Tuple<Int, String>) -> Unit');
    expect(render('(Any) -> Unit')).toBe('(Any) -> Unit');
  });

  it('ignores parameter names and reads function types with and without effects', () => {
    expect(render('(String url, Int port) -> Bool')).toBe('(String, Int) -> Bool');
    expect(render('(Fn(Int) -> Int ! [Console.print, Disk]) -> Unit')).toBe(
      '(Fn(Int) -> Int ! [Console.print, Disk]) -> Unit',
    );
    expect(render('(Int, Fn(HttpRequest) -> HttpResponse) -> Unit')).toBe(
      '(Int, Fn(HttpRequest) -> HttpResponse ! [..]) -> Unit',
    );
    expect(render('(Fn() -> Unit ! [..]) -> Unit')).toBe('(Fn() -> Unit ! [..]) -> Unit');
  });

  it('returns null for malformed text instead of throwing', () => {
    for (const text of [
      '',
      '(',
      '(Int',
      '(Int) ->',
      '(Int) -> List<Int',
      '(List) -> Int',
      '(Int) -> Int extra',
      '(Int;) -> Int',
    ]) {
      expect(parseSignature(text)).toBeNull();
    }
    expect(parseSignatureType('Map<String>')).toBeNull();
    expect(parseSignatureType('Tuple<Int>')).toBeNull();
    expect(typeToString(parseSignatureType('Map<String, List<String>>')!)).toBe('Map<String, List<String>>');
  });
});
