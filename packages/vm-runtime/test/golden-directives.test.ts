import { describe, expect, it } from 'vitest';
import { readDirectives } from './golden-directives.js';

describe('readDirectives', () => {
  const known = ['expect', 'expect-verify', 'error'];

  it('reads directives in order, with the bracket part and the text', () => {
    const text = [
      '// A program. Prose with a colon: not a directive, it starts with a capital.',
      '// expect: 3',
      'fn main() -> Int',
      "    // error[4:5]: Unknown identifier 'x'",
      '// expect-verify:',
    ].join('\n');
    expect(readDirectives(text, known)).toEqual([
      { name: 'expect', bracket: null, text: '3', line: 2 },
      { name: 'error', bracket: '4:5', text: "Unknown identifier 'x'", line: 4 },
      { name: 'expect-verify', bracket: null, text: '', line: 5 },
    ]);
  });

  it('fails on a misspelled directive, naming the line and the closest known one', () => {
    const text = '// expect: 1\n// expect-verfy: Verify: x.av\n';
    expect(() => readDirectives(text, known)).toThrow(
      "line 2: unknown directive 'expect-verfy' (did you mean 'expect-verify'?); known directives: expect, expect-verify, error",
    );
  });

  it('fails on an unknown directive with no close match', () => {
    expect(() => readDirectives('// stdout-lines: 4', known)).toThrow(
      "line 1: unknown directive 'stdout-lines'; known directives: expect, expect-verify, error",
    );
  });

  it('ignores code, trailing comments and comments that do not start with a lowercase word and a colon', () => {
    const text = ['x = 1 // expect: 2', '// Note: prose', '// see the spec', '//expect: no space'].join('\n');
    expect(readDirectives(text, known)).toEqual([]);
  });
});
