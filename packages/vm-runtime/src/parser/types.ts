import type { EffectRef, TypeExpr } from '../ast.js';
import { tupleTypeArity } from '../messages.js';
import { type Token, TokenKind } from '../token.js';
import type { Cursor } from './cursor.js';

/**
 * type := qUName [ "<" type { "," type } ">" ] | "Unit" | "(" type "," type { "," type } ")"
 *       | "Tuple" "<" type "," type { "," type } ">" | "Fn" "(" [ type { "," type } ] ")" "->" type [ "!" effects ]
 */
export function parseType(p: Cursor): TypeExpr {
  p.enter();
  const start = p.peek();
  let result: TypeExpr;
  switch (start.kind) {
    case TokenKind.Ident:
      result = parseNamedType(p, start);
      break;
    case TokenKind.Unit:
      p.advance();
      result = { kind: 'NamedType', name: 'Unit', args: [], span: p.spanOf(start) };
      break;
    case TokenKind.LParen:
      result = parseParenType(p, start);
      break;
    default:
      return p.failExpected('a type');
  }
  p.leave();
  return result;
}

function parseNamedType(p: Cursor, start: Token): TypeExpr {
  const name = parseQualifiedName(p, 'a type');
  if (name === 'Fn' && p.check(TokenKind.LParen)) return parseFnType(p, start);
  const args: TypeExpr[] = [];
  if (p.accept(TokenKind.Lt)) {
    args.push(parseType(p));
    while (p.accept(TokenKind.Comma)) args.push(parseType(p));
    expectCloseAngle(p);
  }
  if (name === 'Tuple' && args.length > 0) {
    p.eras.add('tuple-type-angle');
    if (args.length < 2) p.report(start, tupleTypeArity);
    return { kind: 'TupleType', items: args, form: 'angle', span: p.spanFrom(start) };
  }
  return { kind: 'NamedType', name, args, span: p.spanFrom(start) };
}

/** `>` closing type arguments; a `>=` (as in `List<Int>= …`) is split into `>` and `=`. */
function expectCloseAngle(p: Cursor): void {
  const token = p.peek();
  if (token.kind === TokenKind.GtEq) {
    p.tokens[p.pos] = {
      ...token,
      kind: TokenKind.Eq,
      text: '=',
      start: token.start + 1,
      column: token.column + 1,
    };
    p.lastEnd = token.start + 1;
    return;
  }
  p.expect(TokenKind.Gt, "'>'");
}

/** `(A, B)`: the tuple type of 0.17.0 and earlier; `(A)` is just `A`. */
function parseParenType(p: Cursor, start: Token): TypeExpr {
  p.advance();
  const first = parseType(p);
  if (!p.check(TokenKind.Comma)) {
    p.expect(TokenKind.RParen, "',' or ')'");
    return first;
  }
  const items = [first];
  while (p.accept(TokenKind.Comma)) items.push(parseType(p));
  p.expect(TokenKind.RParen, "',' or ')'");
  p.eras.add('tuple-type-paren');
  return { kind: 'TupleType', items, form: 'paren', span: p.spanFrom(start) };
}

/** `Fn(A, B) -> R ! [Effect]` (the `Fn` name is already consumed). */
function parseFnType(p: Cursor, start: Token): TypeExpr {
  p.advance();
  const params: TypeExpr[] = [];
  while (true) {
    while (p.accept(TokenKind.Comma)) {}
    if (p.accept(TokenKind.RParen)) break;
    params.push(parseType(p));
    if (!p.check(TokenKind.Comma) && !p.check(TokenKind.RParen)) p.failExpected("',' or ')'");
  }
  p.expect(TokenKind.Arrow, "'->' and the return type");
  const ret = parseType(p);
  const effects = p.check(TokenKind.Bang) ? parseEffectList(p) : [];
  return { kind: 'FnType', params, ret, effects, span: p.spanFrom(start) };
}

/** effects := "!" "[" { effName [","] } "]" — also used for the module `effects [..]` line (after its keyword). */
export function parseEffectList(p: Cursor): EffectRef[] {
  if (p.check(TokenKind.Bang)) p.advance();
  p.expect(TokenKind.LBracket, "'['");
  const effects: EffectRef[] = [];
  while (true) {
    while (p.accept(TokenKind.Comma)) {}
    if (p.accept(TokenKind.RBracket)) return effects;
    const start = p.peek();
    if (start.kind !== TokenKind.Ident) p.failExpected("an effect name or ']'");
    const name = parseQualifiedName(p, 'an effect name');
    effects.push({ name, span: p.spanFrom(start) });
  }
}

/** qname := Ident { "." Ident } — a dotted name such as `Data.Shapes.Shape` or `Console.print`. */
export function parseQualifiedName(p: Cursor, what: string): string {
  let name = p.expect(TokenKind.Ident, what).text;
  while (p.check(TokenKind.Dot) && p.kindAt(1) === TokenKind.Ident) {
    p.advance();
    name += `.${p.advance().text}`;
  }
  return name;
}
