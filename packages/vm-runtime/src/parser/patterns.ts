import type { LiteralPattern, Pattern, Span } from '../ast.js';
import { interpolatedPattern } from '../messages.js';
import { TokenKind } from '../token.js';
import type { Cursor } from './cursor.js';
import { intValue, isUpperName } from './names.js';

/**
 * pattern := "_" | lname | ["-"] INT | ["-"] FLOAT | STRING | "true" | "false" | "[" "]" | "[" pid [","] ".." pid "]"
 *          | "(" pattern { "," pattern } ")" | qUName [ "(" { pid [","] } ")" ]
 */
export function parsePattern(p: Cursor): Pattern {
  p.enter();
  const start = p.pos;
  let result: Pattern;
  switch (p.kind()) {
    case TokenKind.Ident:
      result = parseNamePattern(p, start);
      break;
    case TokenKind.Int:
    case TokenKind.Float:
    case TokenKind.Str:
    case TokenKind.True:
    case TokenKind.False:
      result = parseLiteralPattern(p, start);
      break;
    case TokenKind.Minus:
      // Not in 0.15–0.20 (language reference: "`match` and patterns"); accepted as a superset for the later releases
      // that have a real negation.
      if (p.kindAt(1) !== TokenKind.Int && p.kindAt(1) !== TokenKind.Float)
        return p.failExpected('a pattern');
      p.advance();
      result = negated(parseLiteralPattern(p, p.pos), p.spanFrom(start));
      break;
    case TokenKind.LBracket:
      result = parseListPattern(p, start);
      break;
    case TokenKind.LParen:
      result = parseTuplePattern(p, start);
      break;
    case TokenKind.Interp:
      return p.fail(interpolatedPattern);
    default:
      return p.failExpected('a pattern');
  }
  p.leave();
  return result;
}

/** `_`, a binder, or a (qualified) constructor with an optional binder list. */
function parseNamePattern(p: Cursor, start: number): Pattern {
  p.advance();
  const name = p.text(start);
  if (name === '_') return { kind: 'WildcardPattern', span: p.spanOf(start) };
  if (!isUpperName(name)) return { kind: 'BindPattern', name, span: p.spanOf(start) };
  const path = [name];
  while (p.accept(TokenKind.Dot)) path.push(p.text(p.expect(TokenKind.Ident, 'a constructor name')));
  let binders: string[] | null = null;
  if (p.accept(TokenKind.LParen)) {
    binders = [];
    while (true) {
      while (p.accept(TokenKind.Comma)) {}
      if (p.accept(TokenKind.RParen)) break;
      // Constructor fields are binders or `_` only in 0.15–0.20 (language reference: "`match` and patterns"):
      // anything else is `Expected ')'`.
      binders.push(p.text(p.expect(TokenKind.Ident, "')'")));
    }
  }
  return { kind: 'ConstructorPattern', path, binders, span: p.spanFrom(start) };
}

function parseLiteralPattern(p: Cursor, start: number): LiteralPattern {
  const kind = p.kind();
  p.advance();
  const span = p.spanOf(start);
  const text = p.text(start);
  let literal: LiteralPattern['literal'];
  switch (kind) {
    case TokenKind.Int:
      literal = { kind: 'IntLit', value: intValue(text), span };
      break;
    case TokenKind.Float:
      literal = { kind: 'FloatLit', value: Number(text), span };
      break;
    case TokenKind.Str:
      literal = { kind: 'StringLit', value: text, span };
      break;
    default:
      literal = { kind: 'BoolLit', value: kind === TokenKind.True, span };
  }
  return { kind: 'LiteralPattern', literal, span };
}

/** `-3` or `-2.5` as a pattern: the literal with its sign, spanning the minus. */
function negated(pattern: LiteralPattern, span: Span): LiteralPattern {
  const { literal } = pattern;
  if (literal.kind === 'IntLit') {
    return { kind: 'LiteralPattern', literal: { kind: 'IntLit', value: -literal.value, span }, span };
  }
  if (literal.kind === 'FloatLit') {
    return { kind: 'LiteralPattern', literal: { kind: 'FloatLit', value: -literal.value, span }, span };
  }
  return pattern;
}

/** `[]` or `[head, ..tail]`. */
function parseListPattern(p: Cursor, start: number): Pattern {
  p.advance();
  if (p.accept(TokenKind.RBracket)) return { kind: 'NilPattern', span: p.spanFrom(start) };
  const head = p.text(p.expect(TokenKind.Ident, "a name or ']'"));
  while (p.accept(TokenKind.Comma)) {}
  p.expect(TokenKind.DotDot, "'..'");
  const tail = p.text(p.expect(TokenKind.Ident, 'a name for the list tail'));
  p.expect(TokenKind.RBracket, "']'");
  return { kind: 'ConsPattern', head, tail, span: p.spanFrom(start) };
}

/** `(p1, p2, …)`; `(p)` is just `p`. */
function parseTuplePattern(p: Cursor, start: number): Pattern {
  p.advance();
  const first = parsePattern(p);
  if (!p.check(TokenKind.Comma)) {
    p.expect(TokenKind.RParen, "',' or ')'");
    return first;
  }
  const items = [first];
  while (p.accept(TokenKind.Comma)) items.push(parsePattern(p));
  p.expect(TokenKind.RParen, "',' or ')'");
  return { kind: 'TuplePattern', items, span: p.spanFrom(start) };
}
