import { describe, expect, it } from 'vitest';
import { parseSource } from '../parser.js';
import { diagnosticLines, errorsOf, expectValidPositions, source } from './test-helpers.js';

describe('syntax errors say what was expected and what was found, where', () => {
  it.each([
    ['x = (a foo)', "1:8 Expected ')', found 'foo'"],
    ['x = (a, b,)', "1:11 Expected an expression, found ')'"],
    ['x = ()', "1:6 Expected an expression, found ')'"],
    ['x = 1 +', '1:8 Expected an expression, found end of line'],
    ['x = [1, 2 = 3]', "1:11 Expected ',' or ']', found '='"],
    ['x = {"a": 1}', "1:9 Expected '=>', found ':'"],
    ['x = a.1', "1:7 Expected a field or member name after '.', found '1'"],
    ['}', "1:1 Expected an expression, found '}'"],
    ['x = fn(a) a', '1:5 Anonymous functions are not supported'],
    ['x = f(a)!', "1:9 The independent product '!' applies only to a tuple, e.g. '(a(), b())!'"],
    ['fn f(x: Int -> Int\n    x', "1:13 Expected ',' or ')', found '->'"],
    ['fn f(x: Map<String, Int) -> Int\n    1', "1:24 Expected '>', found ')'"],
    ['fn f() Int\n    1', "1:8 Expected '->' or end of line, found 'Int'"],
    ['fn f() -> Int\n1', "2:1 Expected an indented function body, found '1'"],
    ['record R\n    name String', "2:10 Expected ':', found 'String'"],
    ['type Shape\nfn g()\n    1', "2:1 Expected indented variants, found 'fn'"],
    ['verify f trace lw\n    f(1) => 2', "1:16 Expected 'law' or end of line, found 'lw'"],
    ['verify f\n    f(1) = 2', "2:10 Expected '=>', found '='"],
    ['decision D\n    chosen = 5', "2:14 Expected a string, a list or a name, found '5'"],
    [
      'module M\n    foo = 1',
      "2:5 Expected a module header line (intent, depends, exposes or effects), found 'foo'",
    ],
  ])('%j', (text, expected) => {
    expect(errorsOf(text)).toEqual([expected]);
  });

  it('rejects val and var with a hint', () => {
    expect(errorsOf('fn f() -> Int\n    val x = 5\n    x')).toEqual([
      "2:5 'val' is not supported: bindings are immutable and written without a keyword, e.g. 'x = …'",
    ]);
    expect(errorsOf('var count = 0')).toEqual([
      "1:1 'var' is not supported: bindings are immutable and written without a keyword, e.g. 'count = …'",
    ]);
  });

  it('rejects the removed = expr body shorthand with a hint', () => {
    expect(errorsOf('fn f() -> Int\n    = 5')).toEqual([
      "2:5 Expected an expression, found '=' (the '= expr' body shorthand was removed; write the expression on its own line)",
    ]);
  });

  it('rejects a constructor called with zero arguments but keeps the call', () => {
    const { file, diagnostics } = parseSource('x = Shape.Point()\ny = Float.pi()\n', 't.av');
    expect(diagnosticLines(diagnostics)).toEqual([
      "1:5 Constructor 'Shape.Point' called with no arguments: write a nullary variant without parentheses ('Shape.Point')",
    ]);
    expect(file.items).toHaveLength(2);
  });

  it('rejects positional arguments after named ones', () => {
    expect(errorsOf('x = User(name = "a", 3)')).toEqual(['1:22 Positional argument after named arguments']);
  });

  it('rejects nested and literal constructor sub-patterns as in 0.15–0.20 (a negative literal is accepted)', () => {
    const match = (pattern: string) => `fn f(x: Int) -> Int\n    match x\n        ${pattern} -> 1\n`;
    expect(errorsOf(match('Result.Ok(0)'))).toEqual(["3:19 Expected ')', found '0'"]);
    expect(errorsOf(match('Option.Some(Shape.Circle(r))'))).toEqual(["3:26 Expected ')', found '.'"]);
    expect(errorsOf(match('-1'))).toEqual([]);
    expect(errorsOf(match('-x'))).toEqual(["3:9 Expected a pattern, found '-'"]);
    expect(errorsOf(match('"a{b}"'))).toEqual(['3:9 A string pattern cannot contain interpolation']);
  });

  it('reports a match without arms and an arm without an arrow', () => {
    expect(errorsOf('fn f(x: Int) -> Int\n    match x\nfn g()\n    1')).toEqual([
      '3:1 Expected indented match arms, found end of block',
    ]);
    expect(errorsOf('fn f(x: Int) -> Int\n    match x\n        1 2')).toEqual([
      "3:11 Expected '->', found '2'",
    ]);
  });

  it('reports module declarations that are not first, or repeated', () => {
    expect(errorsOf('fn f() -> Int\n    1\nmodule M')).toEqual([
      "3:1 The 'module' declaration must be the first item of the file",
    ]);
    expect(errorsOf('module A\nmodule B')).toEqual(["2:1 A file can have only one 'module' declaration"]);
  });

  it('reports a function with a description but no body', () => {
    expect(errorsOf('fn f() -> Int\n    ? "desc"\nfn g() -> Int\n    2')).toEqual([
      "1:4 Function 'f' has no body",
    ]);
  });

  it('reports lexer errors at their own position', () => {
    expect(errorsOf('fn f() -> Int\n    x = "abc\n    x')).toEqual([
      '2:9 Unterminated string literal (strings end on the same line)',
    ]);
    expect(errorsOf('x = 99999999999999999999')).toEqual([
      '1:5 Integer literal 99999999999999999999 is out of range for Int (i64)',
    ]);
    expect(errorsOf('fn f() -> Int\n        x\n    y')).toEqual(['3:5 Invalid indentation level']);
  });

  it('reports errors inside interpolations at their place in the file', () => {
    expect(errorsOf('fn f() -> Int\n    "ab {a b}"')).toEqual(["2:12 Expected '}', found 'b'"]);
    expect(errorsOf('fn f() -> Int\n    "{a %}"')).toEqual([
      "2:9 Unexpected character '%' (Aver has no '%' operator; use Int.mod)",
    ]);
    expect(errorsOf('fn f() -> Int\n    "x {1 +}"')).toEqual(["2:12 Expected an expression, found '}'"]);
  });
});

describe('recovery', () => {
  const program = source(`
    module M
        intent = "x"

    fn a() -> Int
        x = (1 +
        x

    fn b() -> Int
        y = %
        z = "unterminated
        @
        y

    fn good() -> Int
        1

    type T
        A(Int
        B

    record R
        x: Int

    verify good
        good() => 1
        good( => 2

    fn last() -> Int
        2
  `);

  it('reports every independent error of a file in one run', () => {
    expect(errorsOf(program)).toEqual([
      "6:6 Expected ')', found end of line",
      "9:9 Unexpected character '%' (Aver has no '%' operator; use Int.mod)",
      '10:9 Unterminated string literal (strings end on the same line)',
      "11:5 Unexpected character '@'",
      "19:5 Expected ',' or ')', found 'B'",
      "26:11 Expected an expression, found '=>'",
    ]);
  });

  it('keeps the items that parsed', () => {
    const { file } = parseSource(program, 't.av');
    expect(file.items.map((item) => `${item.kind}:${'name' in item ? item.name : ''}`)).toEqual([
      'Module:M',
      'FnDecl:good',
      'RecordDecl:R',
      'FnDecl:last',
    ]);
  });

  it('closes an unclosed bracket at the next top-level item', () => {
    const { file, diagnostics } = parseSource('fn a() -> Int\n    f(1,\nfn b() -> Int\n    2\n', 't.av');
    expect(diagnosticLines(diagnostics)).toEqual(['2:9 Expected an expression, found end of line']);
    expect(file.items.map((item) => item.kind)).toEqual(['FnDecl']);
  });

  it('does not cascade: a thousand broken functions give a bounded number of diagnostics', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `fn f${i}() -> Int\n    x = )\n`).join('');
    const { diagnostics } = parseSource(text, 't.av');
    expect(diagnostics.length).toBeLessThanOrEqual(101);
    expect(diagnostics.at(-1)!.message).toBe('Too many syntax errors; stopping here');
  });

  it('reports an indented first line as an unexpected indented block', () => {
    expect(diagnosticLines(parseSource('    x = 1\ny = 2\n', 't.av').diagnostics)).toEqual([
      '1:5 Expected a top-level item, found indented block',
    ]);
  });

  it('gives one error, not one per line, for a stray indented block', () => {
    expect(errorsOf('    a = 1\n    b = 2\n    c = 3\nfn f() -> Int\n    1')).toEqual([
      '1:5 Expected a top-level item, found indented block',
    ]);
  });

  it('limits nesting depth instead of overflowing the stack', () => {
    const deep = `x = ${'('.repeat(20_000)}1${')'.repeat(20_000)}\n`;
    const { diagnostics } = parseSource(deep, 't.av');
    expect(diagnosticLines(diagnostics)).toEqual(['1:261 Expression is nested too deeply']);
    const unary = `x = ${'-'.repeat(20_000)}1\n`;
    expect(parseSource(unary, 't.av').diagnostics).toHaveLength(1);
    const list = `x = ${'['.repeat(20_000)}\n`;
    expect(parseSource(list, 't.av').diagnostics).toHaveLength(1);
  });

  it('limits operator chains that later stages would walk recursively', () => {
    const long = `x = ${Array.from({ length: 5000 }, () => '1').join(' + ')}\n`;
    expect(diagnosticLines(parseSource(long, 't.av').diagnostics)).toEqual([
      '1:4007 Expression has too many operators or postfix steps in one chain',
    ]);
  });

  it('points every diagnostic of a broken file at a valid position', () => {
    const { diagnostics } = parseSource(program, 't.av');
    expectValidPositions(program, diagnostics);
  });
});
