import { sharedCorpus } from '@aver/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateProgram } from '../../../bench/frontend/generate.mjs';
import { tokenize } from './lexer.js';
import { parseSource } from './parser.js';
import { expectValidPositions, source } from './parser/test-helpers.js';
import { TokenKind } from './token.js';

/** Generous: a parse of these inputs takes well under a millisecond; this only catches runaway loops. */
const maxMillisecondsPerInput = 2000;

/** Lexes and parses `text`, asserting it returns promptly with well-positioned diagnostics. */
function checkTotal(text: string): void {
  const started = performance.now();
  const buffer = tokenize(text);
  const { file, diagnostics } = parseSource(text, 'fuzz.av');
  expect(performance.now() - started).toBeLessThan(maxMillisecondsPerInput);

  expect(buffer.kinds[buffer.length - 1]).toBe(TokenKind.Eof);
  const unordered: number[] = [];
  for (let i = 1; i < buffer.length; i++) if (buffer.starts[i] < buffer.starts[i - 1]) unordered.push(i);
  expect(unordered).toEqual([]);
  expect(file.text).toBe(text);
  expectValidPositions(text, diagnostics);
  for (const diagnostic of diagnostics) {
    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.message.length).toBeGreaterThan(0);
  }
}

/** Fragments of Aver syntax, so random sequences reach deep into the grammar. */
const fragment = fc.constantFrom(
  'module M\n',
  '    intent = "x"\n',
  '    depends [A.B]\n',
  'fn ',
  'f(x: Int) -> Int\n',
  'match ',
  'type ',
  'record ',
  'verify ',
  'decision ',
  ' law ',
  'given ',
  'when ',
  '\n',
  '    ',
  '  ',
  '\t',
  '\r\n',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '"',
  '"a {x} b"',
  '\\',
  '{{',
  '}}',
  ',',
  '.',
  '..',
  '->',
  '=>',
  '=',
  '==',
  '!',
  '?',
  '?!',
  '-',
  '+',
  '*',
  '/',
  ':',
  '<',
  '>',
  '>=',
  'x',
  'Foo',
  'Result.Ok(v)',
  'Option.None',
  'List<Int>',
  'Fn(Int) -> Int',
  '1',
  '2.5',
  '99999999999999999999',
  '// c',
  '😀',
  'é',
  '%',
  '_',
  ' ',
  'val ',
  'Unit',
);

const avLike = fc.array(fragment, { maxLength: 120 }).map((parts) => parts.join(''));

/** Real programs to mutate: the corpus (when present), a generated program and a few local ones. */
function seedPrograms(): string[] {
  const corpus = sharedCorpus('parser property');
  const corpusFiles = corpus.dir === null ? [] : corpus.files.filter((file) => file.endsWith('.av'));
  const programs = corpusFiles.map((file) => corpus.read(file)!);
  programs.push(generateProgram({ lines: 150, seed: 3 }));
  programs.push(
    source(`
      module Local
          intent =
              "A local program."
          exposes opaque [T]
      type T
          A(Int, (Int, String))
          B
      fn f(t: T, g: Fn(Int) -> Int ! [Console]) -> Result<Int, String>
          ? "Doc."
          ! [Console.print]
          x: Int = match t
              T.A(n, _) -> match n
                  0 -> -1
                  _ -> g(n) * 2
              T.B -> 0
          y = (f(t, g), f(t, g))?!
          Result.Ok(x + List.len([1, 2,]) + Map.len({"a" => 1}))
      verify f law l
          given n: Int = -2..2
          when n > 0
          f(T.A(n, (n, "s")), g) => Result.Ok(n)
    `),
  );
  return programs;
}

/** One edit of a program: positions are taken modulo its length. */
const mutation = fc.record({
  kind: fc.constantFrom('delete', 'insert', 'duplicateLine', 'swapLines', 'reindent', 'truncate'),
  at: fc.nat(),
  other: fc.nat(),
  length: fc.integer({ min: 1, max: 40 }),
  text: fragment,
});

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, edit: Mutation): string {
  const at = text.length === 0 ? 0 : edit.at % text.length;
  const lines = text.split('\n');
  const line = lines.length === 0 ? 0 : edit.at % lines.length;
  switch (edit.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + edit.length);
    case 'insert':
      return text.slice(0, at) + edit.text + text.slice(at);
    case 'duplicateLine':
      lines.splice(line, 0, lines[line]);
      return lines.join('\n');
    case 'swapLines': {
      const other = edit.other % lines.length;
      [lines[line], lines[other]] = [lines[other], lines[line]];
      return lines.join('\n');
    }
    case 'reindent':
      lines[line] =
        edit.other % 2 === 0 ? ' '.repeat(edit.length % 9) + lines[line] : lines[line].replace(/^ {1,3}/, '');
      return lines.join('\n');
    case 'truncate':
      return text.slice(0, at);
  }
}

describe('the lexer and parser are total', () => {
  it('return for arbitrary strings, with valid diagnostic positions', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), checkTotal), { numRuns: 400 });
  });

  it('return for random sequences of Aver fragments, with valid diagnostic positions', () => {
    fc.assert(fc.property(avLike, checkTotal), { numRuns: 600 });
  });

  it('return for mutated real programs, with valid diagnostic positions', () => {
    const programs = seedPrograms();
    fc.assert(
      fc.property(
        fc.constantFrom(...programs),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (text, edits) => checkTotal(edits.reduce(mutate, text)),
      ),
      { numRuns: 400 },
    );
  });

  it('return for pathological nesting and very long lines', () => {
    for (const text of [
      '('.repeat(50_000),
      '"{'.repeat(5_000),
      `x = ${'['.repeat(10_000)}${']'.repeat(10_000)}`,
      `fn f() -> Int\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(4 * (i + 1))}match x\n`).join('')}`,
      `x = ${'a.'.repeat(30_000)}b`,
      `x = ${'f('.repeat(2_000)}${')'.repeat(2_000)}`,
      '\n'.repeat(100_000),
      ' '.repeat(100_000),
    ]) {
      checkTotal(text);
    }
  });
});
