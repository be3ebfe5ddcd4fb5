import { describe, expect, it } from 'vitest';
import { lex, tokenize } from './lexer.js';
import { kindsOf, source, tokensOf } from './parser/test-helpers.js';
import { type Token, TokenKind } from './token.js';

function only(text: string): Token {
  const tokens = tokensOf(text).filter((token) => token.kind !== TokenKind.Newline);
  expect(tokens).toHaveLength(1);
  return tokens[0];
}

function codeTokens(token: Token, part = 0): Token[] {
  const code = token.parts!.filter((p) => p.kind === 'code')[part];
  if (code?.kind !== 'code') throw new Error('no code part');
  return code.tokens.slice();
}

describe('layout', () => {
  it('emits Indent, Newline and Dedent for an indented block', () => {
    expect(kindsOf('fn f()\n    x\ny\n')).toEqual([
      'Fn',
      'Ident',
      'LParen',
      'RParen',
      'Newline',
      'Indent',
      'Ident',
      'Newline',
      'Dedent',
      'Ident',
      'Newline',
      'Eof',
    ]);
  });

  it('emits one Dedent per closed level and the pending Dedents at end of file', () => {
    expect(kindsOf('a\n  b\n    c\nd\n  e')).toEqual([
      'Ident',
      'Newline',
      'Indent',
      'Ident',
      'Newline',
      'Indent',
      'Ident',
      'Newline',
      'Dedent',
      'Dedent',
      'Ident',
      'Newline',
      'Indent',
      'Ident',
      'Newline',
      'Dedent',
      'Eof',
    ]);
  });

  it('ignores blank lines and comment-only lines, whatever their indentation', () => {
    const text = 'a\n\n      // comment\n   \n  b // trailing\n// top\n  c\n';
    expect(kindsOf(text)).toEqual([
      'Ident',
      'Newline',
      'Indent',
      'Ident',
      'Newline',
      'Ident',
      'Newline',
      'Dedent',
      'Eof',
    ]);
  });

  it('accepts widths that differ between blocks', () => {
    expect(kindsOf('a\n  b\n      c\n  d\n')).toEqual([
      'Ident',
      'Newline',
      'Indent',
      'Ident',
      'Newline',
      'Indent',
      'Ident',
      'Newline',
      'Dedent',
      'Ident',
      'Newline',
      'Dedent',
      'Eof',
    ]);
  });

  it('reports a dedent to a level that is not on the stack as Invalid indentation level', () => {
    const tokens = tokensOf('a\n    b\n  c\n');
    const error = tokens.find((token) => token.kind === TokenKind.Error)!;
    expect(error.text).toBe('Invalid indentation level');
    expect([error.line, error.column]).toEqual([3, 3]);
  });

  it('counts a tab-indented line as column 0 and flags the tab', () => {
    const tokens = tokensOf('fn f()\n\tx\n');
    expect(tokens.some((token) => token.kind === TokenKind.Indent)).toBe(false);
    const error = tokens.find((token) => token.kind === TokenKind.Error)!;
    expect(error.text).toMatch(/^Indentation must use spaces/);
    expect([error.line, error.column]).toEqual([2, 1]);
  });

  it('accepts \\r\\n line ends with the same tokens and positions as \\n', () => {
    const unix = lex('fn f()\n    x = 1\n');
    const windows = lex('fn f()\r\n    x = 1\r\n');
    expect(windows.map((t) => [t.kind, t.line, t.column])).toEqual(
      unix.map((t) => [t.kind, t.line, t.column]),
    );
  });

  it('drops layout tokens while a bracket is open', () => {
    const text = source(`
      given t: Tree = [
        Tree.Empty,
            fromList([3, 1,
        5])
      ]
      x
    `);
    const kinds = kindsOf(text);
    expect(kinds.filter((kind) => kind === 'Indent' || kind === 'Dedent')).toEqual([]);
    expect(kinds.filter((kind) => kind === 'Newline')).toHaveLength(2);
  });

  it('lays out the arms of a match whose header ends inside brackets, closing them at a shallower line', () => {
    const kinds = kindsOf('f(a,\n  match x\n    1 -> b\n    _ -> c\n  , d)\n');
    expect(kinds).toEqual([
      'Ident',
      'LParen',
      'Ident',
      'Comma',
      'Match',
      'Ident',
      'Newline',
      'Indent',
      'Int',
      'Arrow',
      'Ident',
      'Newline',
      'Ident',
      'Arrow',
      'Ident',
      'Newline',
      'Dedent',
      'Comma',
      'Ident',
      'RParen',
      'Newline',
      'Eof',
    ]);
  });

  it('closes a match island at a closing bracket or a comma of its depth on the last arm line', () => {
    const closed = ['Newline', 'Dedent'];
    const atBracket = kindsOf('g(match x\n    1 -> b\n    _ -> h(c))\n');
    expect(atBracket.slice(-6)).toEqual(['RParen', ...closed, 'RParen', 'Newline', 'Eof']);
    const atComma = kindsOf('g(match x\n    1 -> b\n    _ -> c, d)\n');
    expect(atComma.slice(-8)).toEqual(['Ident', ...closed, 'Comma', 'Ident', 'RParen', 'Newline', 'Eof']);
  });

  it('nests match islands and keeps the arm bodies that open deeper brackets free of layout', () => {
    const text = source(`
      f([match x
          1 -> match y
              true -> g(a,
                  b)
              false -> c
          _ -> d
      ])
    `);
    const kinds = kindsOf(text);
    expect(kinds.filter((kind) => kind === 'Indent')).toHaveLength(2);
    expect(kinds.filter((kind) => kind === 'Dedent')).toHaveLength(2);
    expect(kinds.filter((kind) => kind === 'Newline')).toHaveLength(6);
  });

  it('keeps a match island open across the brackets and commas of an interpolation in an arm', () => {
    const kinds = kindsOf('f(match n\n    1 -> "{g(1, 2)}"\n    _ -> "b")\n');
    expect(kinds).toEqual([
      'Ident',
      'LParen',
      'Match',
      'Ident',
      'Newline',
      'Indent',
      'Int',
      'Arrow',
      'Interp',
      'Newline',
      'Ident',
      'Arrow',
      'Str',
      'Newline',
      'Dedent',
      'RParen',
      'Newline',
      'Eof',
    ]);
  });

  it('leaves a match header whose brackets are still open after it to the parser (no island)', () => {
    const kinds = kindsOf('f(match g(x,\n    y))\n');
    expect(kinds.filter((kind) => kind === 'Indent' || kind === 'Dedent')).toEqual([]);
  });

  it('closes brackets left open when a top-level item keyword starts a line at column 0', () => {
    const kinds = kindsOf('x = f(1,\nfn g()\n    y\n');
    expect(kinds).toEqual([
      'Ident',
      'Eq',
      'Ident',
      'LParen',
      'Int',
      'Comma',
      'Newline',
      'Fn',
      'Ident',
      'LParen',
      'RParen',
      'Newline',
      'Indent',
      'Ident',
      'Newline',
      'Dedent',
      'Eof',
    ]);
  });

  it('places Newline right after the last token of the line', () => {
    const newline = tokensOf('x = 1   // c\n').find((token) => token.kind === TokenKind.Newline)!;
    expect([newline.line, newline.column, newline.start]).toEqual([1, 6, 5]);
  });

  it('produces only Eof for empty and blank sources', () => {
    expect(kindsOf('')).toEqual(['Eof']);
    expect(kindsOf('\n  \n// only a comment\n')).toEqual(['Eof']);
  });
});

describe('words and operators', () => {
  it('recognises the v0.15 keywords and the Unit literal', () => {
    expect(
      kindsOf('module depends exposes intent type record fn effects decision verify match true false Unit'),
    ).toEqual([
      'Module',
      'Depends',
      'Exposes',
      'Intent',
      'Type',
      'Record',
      'Fn',
      'Effects',
      'Decision',
      'Verify',
      'Match',
      'True',
      'False',
      'Unit',
      'Newline',
      'Eof',
    ]);
  });

  it('lexes contextual words as identifiers', () => {
    const words = 'opaque law given when date reason chosen rejected impacts author trace val var';
    expect(
      tokensOf(words)
        .filter((t) => t.kind === TokenKind.Ident)
        .map((t) => t.text),
    ).toEqual(words.split(' '));
  });

  it('lexes every operator, longest match first', () => {
    expect(kindsOf('-> => == != <= >= = ! ? < > + - * / . .. : , ( ) [ ] { }').slice(0, -2)).toEqual([
      'Arrow',
      'FatArrow',
      'EqEq',
      'NotEq',
      'LtEq',
      'GtEq',
      'Eq',
      'Bang',
      'Question',
      'Lt',
      'Gt',
      'Plus',
      'Minus',
      'Star',
      'Slash',
      'Dot',
      'DotDot',
      'Colon',
      'Comma',
      'LParen',
      'RParen',
      'LBracket',
      'RBracket',
      'LBrace',
      'RBrace',
    ]);
    expect(kindsOf('a?!').slice(0, -2)).toEqual(['Ident', 'Question', 'Bang']);
  });

  it('lexes Unicode identifiers and counts columns in code points', () => {
    const tokens = tokensOf('"😀" żółw x1_ _a');
    expect(tokens.map((t) => [t.kind, t.text, t.column])).toEqual([
      [TokenKind.Str, '😀', 1],
      [TokenKind.Ident, 'żółw', 5],
      [TokenKind.Ident, 'x1_', 10],
      [TokenKind.Ident, '_a', 14],
      [TokenKind.Newline, '', 16],
    ]);
  });

  it('counts a lone surrogate as one column', () => {
    const tokens = tokensOf('"\ud83d" x "😀" y');
    expect(tokens.filter((t) => t.kind === TokenKind.Ident).map((t) => t.column)).toEqual([5, 11]);
  });

  it('turns a stray character into an error token with a hint', () => {
    const error = only('%');
    expect(error.kind).toBe(TokenKind.Error);
    expect(error.text).toBe("Unexpected character '%' (Aver has no '%' operator; use Int.mod)");
    expect(only('@').text).toBe("Unexpected character '@'");
    expect(only('\u0007').text).toBe("Unexpected character 'U+0007'");
  });

  it('treats // as a comment and a single / as division', () => {
    expect(kindsOf('a / b // c / d').slice(0, -2)).toEqual(['Ident', 'Slash', 'Ident']);
  });
});

describe('numbers', () => {
  it('keeps Int literals exact as bigint up to the i64 maximum', () => {
    expect(only('9223372036854775807').value).toBe(9223372036854775807n);
    expect(only('0').value).toBe(0n);
    expect(only('000000000000000000042').value).toBe(42n);
  });

  it('rejects Int literals beyond the i64 range', () => {
    const error = only('9223372036854775808');
    expect(error.kind).toBe(TokenKind.Error);
    expect(error.text).toBe('Integer literal 9223372036854775808 is out of range for Int (i64)');
    expect(only('123456789012345678901234567890').kind).toBe(TokenKind.Error);
  });

  it('lexes Float literals as digits.digits with no exponent', () => {
    expect(only('2.75')).toMatchObject({ kind: TokenKind.Float, value: 2.75 });
    expect(kindsOf('1.').slice(0, -2)).toEqual(['Int', 'Dot']);
    expect(kindsOf('1e3').slice(0, -2)).toEqual(['Int', 'Ident']);
  });

  it('lexes a range as Int .. Int', () => {
    expect(kindsOf('-2..2').slice(0, -2)).toEqual(['Minus', 'Int', 'DotDot', 'Int']);
  });
});

describe('strings', () => {
  it('processes the escapes \\n \\t \\r \\b \\f \\" \\\\ and maps any other \\c to c', () => {
    expect(only(String.raw`"a\nb\tc\rd\be\ff\"g\\h\qi\{"`).text).toBe('a\nb\tc\rd\be\ff"g\\hqi{');
  });

  it('collapses {{ and }} and keeps a lone } as text', () => {
    expect(only('"{{x}} and }"')).toMatchObject({ kind: TokenKind.Str, text: '{x} and }' });
  });

  it('reads {} as the empty string', () => {
    expect(only('"a{}b"')).toMatchObject({ kind: TokenKind.Str, text: 'ab' });
    expect(only('"{  }"')).toMatchObject({ kind: TokenKind.Str, text: '' });
  });

  it('reports an unterminated string and a raw newline inside a string', () => {
    const tokens = tokensOf('x = "abc\ny\n');
    const error = tokens.find((t) => t.kind === TokenKind.Error)!;
    expect(error.text).toBe('Unterminated string literal (strings end on the same line)');
    expect([error.line, error.column]).toEqual([1, 5]);
    expect(tokens.some((t) => t.kind === TokenKind.Ident && t.text === 'y')).toBe(true);
  });

  it('reports an interpolation that does not close on its line', () => {
    expect(only('"a {b"').text).toBe("Unterminated interpolation: expected '}' before the end of the line");
  });
});

describe('interpolation', () => {
  it('splits an interpolated string into text and code parts', () => {
    const token = only('"Hello, {name}!"');
    expect(token.kind).toBe(TokenKind.Interp);
    expect(token.parts!.map((part) => (part.kind === 'text' ? part.value : 'CODE'))).toEqual([
      'Hello, ',
      'CODE',
      '!',
    ]);
    expect(token.text).toBe('Hello, {name}!');
  });

  it('positions the inner tokens at their place in the original file', () => {
    const token = tokensOf('fn f()\n    x = "ab {f(y) + 1}"\n').find((t) => t.kind === TokenKind.Interp)!;
    expect(codeTokens(token).map((t) => [t.text, t.line, t.column, t.start])).toEqual([
      ['f', 2, 14, 20],
      ['(', 2, 15, 21],
      ['y', 2, 16, 22],
      [')', 2, 17, 23],
      ['+', 2, 19, 25],
      ['1', 2, 21, 27],
      ['}', 2, 22, 28],
    ]);
  });

  it('counts only braces when finding the end, so quotes inside the expression are code', () => {
    const token = only('"{String.join(words, " ")}"');
    expect(codeTokens(token).map((t) => t.text)).toEqual([
      'String',
      '.',
      'join',
      '(',
      'words',
      ',',
      ' ',
      ')',
      '}',
    ]);
  });

  it('lexes nested interpolations recursively', () => {
    const token = only('"a{f("b{x}c")}d"');
    const inner = codeTokens(token).find((t) => t.kind === TokenKind.Interp)!;
    expect(codeTokens(inner).map((t) => [t.text, t.column])).toEqual([
      ['x', 9],
      ['}', 10],
    ]);
  });

  it('keeps columns in code points after astral characters', () => {
    const token = only('"😀{x}"');
    expect(codeTokens(token)[0]).toMatchObject({ text: 'x', column: 4, start: 4 });
  });

  it('carries lexer errors of the inner text as error tokens', () => {
    const token = only('"{a % b}"');
    expect(codeTokens(token).map((t) => t.kind)).toContain(TokenKind.Error);
  });

  it('limits interpolation nesting instead of recursing without bound', () => {
    let text = 'x';
    for (let i = 0; i < 60; i++) text = `"{${text}}"`;
    expect(() => tokenize(text)).not.toThrow();
  });
});
