import type { EffectRef, TypeExpr } from '../ast.js';
import { tupleTypeArity } from '../messages.js';
import { TokenKind } from '../token.js';
import type { Cursor } from './cursor.js';

/**
 * type := qUName [ "<" type { "," type } ">" ] | "Unit" | "(" type "," type { "," type } ")"
 *       | "Tuple" "<" type "," type { "," type } ">" | "Fn" "(" [ type { "," type } ] ")" "->" type [ "!" effects ]
 */
export function parseType(p: Cursor): TypeExpr {
  p.enter();
  const start = p.pos;
  let result: TypeExpr;
  switch (p.kind()) {
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

function parseNamedType(p: Cursor, start: number): TypeExpr {
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

/** `>` closing type arguments; a `>=` (as in `x: List<Int>= …`) is split into `>` and `=`. */
function expectCloseAngle(p: Cursor): void {
  if (p.check(TokenKind.GtEq)) {
    const { buffer, pos } = p;
    p.lastEnd = buffer.starts[pos] + 1;
    buffer.kinds[pos] = TokenKind.Eq;
    buffer.texts[pos] = '=';
    buffer.starts[pos] += 1;
    buffer.columns[pos] += 1;
    return;
  }
  p.expect(TokenKind.Gt, "'>'");
}

/** `(A, B)`: the tuple type of 0.17.0 and earlier; `(A)` is just `A`. */
function parseParenType(p: Cursor, start: number): TypeExpr {
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
function parseFnType(p: Cursor, start: number): TypeExpr {
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
  p.accept(TokenKind.Bang);
  p.expect(TokenKind.LBracket, "'['");
  const effects: EffectRef[] = [];
  while (true) {
    while (p.accept(TokenKind.Comma)) {}
    if (p.accept(TokenKind.RBracket)) return effects;
    const start = p.pos;
    if (!p.check(TokenKind.Ident)) p.failExpected("an effect name or ']'");
    const name = parseQualifiedName(p, 'an effect name');
    effects.push({ name, span: p.spanFrom(start) });
  }
}

/** qname := Ident { "." Ident } — a dotted name such as `Data.Shapes.Shape` or `Console.print`. */
export function parseQualifiedName(p: Cursor, what: string): string {
  let name = p.text(p.expect(TokenKind.Ident, what));
  while (p.check(TokenKind.Dot) && p.kindAt(1) === TokenKind.Ident) {
    p.advance();
    name += `.${p.text(p.advance())}`;
  }
  return name;
}
