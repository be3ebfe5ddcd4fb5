import type {
  BinaryOp,
  Call,
  Expr,
  InterpPart,
  ListExpr,
  MapEntry,
  MatchArm,
  NamedArg,
  Span,
} from '../ast.js';
import {
  anonymousFunctions,
  expressionTooLong,
  positionalAfterNamed,
  productNeedsTuple,
  zeroArgConstructor,
} from '../messages.js';
import { type TokenBuffer, TokenKind } from '../token.js';
import type { Cursor } from './cursor.js';
import { intValue, isUpperName } from './names.js';
import { parsePattern } from './patterns.js';

/**
 * How many operators or postfix steps one chain may have. A chain becomes a left-deep tree, and later stages walk
 * trees recursively, so this bounds their stack use the way the nesting limit does for parentheses.
 */
const maxChain = 1000;

/** Token kinds that can begin an expression (so an item with no comma after it may be followed by another). */
const startsExpression = new Uint8Array(64);
for (const kind of [
  TokenKind.Int,
  TokenKind.Float,
  TokenKind.Str,
  TokenKind.Interp,
  TokenKind.Ident,
  TokenKind.True,
  TokenKind.False,
  TokenKind.Unit,
  TokenKind.LParen,
  TokenKind.LBracket,
  TokenKind.LBrace,
  TokenKind.Match,
  TokenKind.Minus,
  TokenKind.Fn,
  TokenKind.Error,
]) {
  startsExpression[kind] = 1;
}

/** expr := cmp (language reference: "Expressions, precedence and associativity"; lowest precedence first). */
export function parseExpr(p: Cursor): Expr {
  p.enter();
  const expr = parseComparison(p);
  p.leave();
  return expr;
}

/** cmp := add { ("==" | "!=" | "<" | ">" | "<=" | ">=") add } */
function parseComparison(p: Cursor): Expr {
  let left = parseAdditive(p);
  for (let steps = 0; !endedByBlock(p); steps++) {
    if (steps === maxChain) p.fail(expressionTooLong);
    const op = comparisonOp(p.kind());
    if (op === null) return left;
    p.advance();
    const right = parseAdditive(p);
    left = { kind: 'Binary', op, left, right, span: spanAfter(p, left.span) };
  }
  return left;
}

/** add := mul { ("+" | "-") mul } */
function parseAdditive(p: Cursor): Expr {
  let left = parseMultiplicative(p);
  for (let steps = 0; !endedByBlock(p); steps++) {
    if (steps === maxChain) p.fail(expressionTooLong);
    const kind = p.kind();
    if (kind !== TokenKind.Plus && kind !== TokenKind.Minus) return left;
    p.advance();
    const right = parseMultiplicative(p);
    const op: BinaryOp = kind === TokenKind.Plus ? '+' : '-';
    left = { kind: 'Binary', op, left, right, span: spanAfter(p, left.span) };
  }
  return left;
}

/** mul := unary { ("*" | "/") unary } */
function parseMultiplicative(p: Cursor): Expr {
  let left = parseUnary(p);
  for (let steps = 0; !endedByBlock(p); steps++) {
    if (steps === maxChain) p.fail(expressionTooLong);
    const kind = p.kind();
    if (kind !== TokenKind.Star && kind !== TokenKind.Slash) return left;
    p.advance();
    const right = parseUnary(p);
    const op: BinaryOp = kind === TokenKind.Star ? '*' : '/';
    left = { kind: 'Binary', op, left, right, span: spanAfter(p, left.span) };
  }
  return left;
}

/** unary := "-" unary | postfix */
function parseUnary(p: Cursor): Expr {
  const start = p.pos;
  if (p.kind() !== TokenKind.Minus) return parsePostfix(p);
  p.advance();
  p.enter();
  const operand = parseUnary(p);
  p.leave();
  return { kind: 'Negate', operand, span: p.spanFrom(start) };
}

/** postfix := atom { "(" args ")" | "." name | "?" | "?!" | "!" } — `?!` and `!` only after a tuple. */
function parsePostfix(p: Cursor): Expr {
  let expr = parsePrimary(p);
  for (let steps = 0; !endedByBlock(p); steps++) {
    if (steps === maxChain) p.fail(expressionTooLong);
    switch (p.kind()) {
      case TokenKind.LParen:
        expr = parseCall(p, expr);
        break;
      case TokenKind.Dot: {
        p.advance();
        const name = p.text(p.expect(TokenKind.Ident, "a field or member name after '.'"));
        expr = { kind: 'Member', object: expr, name, span: spanAfter(p, expr.span) };
        break;
      }
      case TokenKind.Question:
        p.advance();
        if (expr.kind === 'Tuple' && p.check(TokenKind.Bang)) {
          p.advance();
          expr = { kind: 'Product', items: expr.items, unwrap: true, span: spanAfter(p, expr.span) };
        } else {
          expr = { kind: 'Try', expr, span: spanAfter(p, expr.span) };
        }
        break;
      case TokenKind.Bang:
        if (expr.kind !== 'Tuple') return p.fail(productNeedsTuple);
        p.advance();
        expr = { kind: 'Product', items: expr.items, unwrap: false, span: spanAfter(p, expr.span) };
        break;
      default:
        return expr;
    }
  }
  return expr;
}

/**
 * Whether the expression so far ended with a nested block (a `match` closes with a `Dedent`): its line is over, so
 * a `(`, `-` or `!` that follows starts the next statement rather than continuing this expression.
 */
function endedByBlock(p: Cursor): boolean {
  return p.previousKind() === TokenKind.Dedent;
}

/**
 * args := { [","] ( lname "=" expr | expr ) } — commas are skipped, so trailing and repeated commas are accepted
 * (language reference: "Expressions, precedence and associativity",
 * "Separators"). Named arguments (record fields,
 * `T.update` overrides) come after the positional ones.
 */
function parseCall(p: Cursor, callee: Expr): Call {
  p.advance();
  const args: Expr[] = [];
  const named: NamedArg[] = [];
  while (true) {
    while (p.accept(TokenKind.Comma)) {}
    if (p.accept(TokenKind.RParen)) break;
    const start = p.pos;
    if (p.kind() === TokenKind.Ident && p.kindAt(1) === TokenKind.Eq) {
      p.advance();
      p.advance();
      const value = parseExpr(p);
      named.push({ name: p.text(start), value, span: p.spanFrom(start) });
    } else {
      if (named.length > 0) p.report(start, positionalAfterNamed);
      args.push(parseExpr(p));
    }
    expectSeparator(p, TokenKind.RParen, "',' or ')'");
  }
  const span = spanAfter(p, callee.span);
  if (args.length === 0 && named.length === 0) {
    const name = calleeName(callee);
    if (name !== null && isUpperName(lastSegment(name))) {
      p.reportAt(span, zeroArgConstructor(name));
    }
  }
  return { kind: 'Call', callee, args, named, span };
}

/** After a list item: a comma, the closing bracket, or (commas being optional) the start of the next item. */
function expectSeparator(p: Cursor, close: TokenKind, what: string): void {
  const kind = p.kind();
  if (kind !== TokenKind.Comma && kind !== close && startsExpression[kind] === 0) p.failExpected(what);
}

/** atom := literal | INTERP | "Unit" | name | "(" expr ")" | tuple | list | map | match */
function parsePrimary(p: Cursor): Expr {
  const token = p.pos;
  switch (p.kind()) {
    case TokenKind.Int:
      p.advance();
      return { kind: 'IntLit', value: intValue(p.text(token)), span: p.spanOf(token) };
    case TokenKind.Float:
      p.advance();
      return { kind: 'FloatLit', value: Number(p.text(token)), span: p.spanOf(token) };
    case TokenKind.Str:
      p.advance();
      return { kind: 'StringLit', value: p.text(token), span: p.spanOf(token) };
    case TokenKind.Interp:
      return parseInterpolation(p, token);
    case TokenKind.True:
      p.advance();
      return { kind: 'BoolLit', value: true, span: p.spanOf(token) };
    case TokenKind.False:
      p.advance();
      return { kind: 'BoolLit', value: false, span: p.spanOf(token) };
    case TokenKind.Unit:
      p.advance();
      return { kind: 'UnitLit', span: p.spanOf(token) };
    case TokenKind.Ident:
      p.advance();
      return { kind: 'Ident', name: p.text(token), span: p.spanOf(token) };
    case TokenKind.LParen:
      return parseParenthesized(p, token);
    case TokenKind.LBracket:
      return parseListExpr(p, token);
    case TokenKind.LBrace:
      return parseMapExpr(p, token);
    case TokenKind.Match:
      return parseMatchExpr(p, token);
    case TokenKind.Fn:
      return p.fail(anonymousFunctions);
    default:
      return p.failExpected('an expression');
  }
}

/** `"text {expr} text"`: each embedded expression is parsed from the tokens the lexer made of its inner text. */
function parseInterpolation(p: Cursor, token: number): Expr {
  const tokenParts = p.buffer.parts.get(token)!;
  p.advance();
  const parts: InterpPart[] = [];
  for (const part of tokenParts) {
    if (part.kind === 'text') parts.push({ kind: 'Text', value: part.value });
    else parts.push({ kind: 'Expr', expr: parseEmbedded(p, part.tokens, part.first) });
  }
  return { kind: 'Interp', parts, span: p.spanOf(token) };
}

function parseEmbedded(p: Cursor, tokens: TokenBuffer, first: number): Expr {
  const savedBuffer = p.buffer;
  const savedPos = p.pos;
  const savedEnd = p.lastEnd;
  p.switchTo(tokens, first);
  try {
    const expr = parseExpr(p);
    if (!p.check(TokenKind.Eof)) p.failExpected("'}'");
    return expr;
  } finally {
    p.switchTo(savedBuffer, savedPos);
    p.lastEnd = savedEnd;
  }
}

/** `(e)` groups; `(a, b, …)` is a tuple (no trailing comma: after each `,` an expression is required). */
function parseParenthesized(p: Cursor, start: number): Expr {
  p.advance();
  const first = parseExpr(p);
  if (!p.check(TokenKind.Comma)) {
    p.expect(TokenKind.RParen, "')'");
    return first;
  }
  const items = [first];
  while (p.accept(TokenKind.Comma)) items.push(parseExpr(p));
  p.expect(TokenKind.RParen, "',' or ')'");
  return { kind: 'Tuple', items, span: p.spanFrom(start) };
}

/** list := "[" { [","] expr } "]" */
export function parseListExpr(p: Cursor, start: number): ListExpr {
  p.advance();
  const items: Expr[] = [];
  while (true) {
    while (p.accept(TokenKind.Comma)) {}
    if (p.accept(TokenKind.RBracket)) break;
    items.push(parseExpr(p));
    expectSeparator(p, TokenKind.RBracket, "',' or ']'");
  }
  return { kind: 'List', items, span: p.spanFrom(start) };
}

/** map := "{" { [","] expr "=>" expr } "}" — `{}` is the empty map. */
function parseMapExpr(p: Cursor, start: number): Expr {
  p.advance();
  const entries: MapEntry[] = [];
  while (true) {
    while (p.accept(TokenKind.Comma)) {}
    if (p.accept(TokenKind.RBrace)) break;
    const entryStart = p.pos;
    const key = parseExpr(p);
    p.expect(TokenKind.FatArrow, "'=>'");
    const value = parseExpr(p);
    entries.push({ key, value, span: p.spanFrom(entryStart) });
    expectSeparator(p, TokenKind.RBrace, "',' or '}'");
  }
  return { kind: 'Map', entries, span: p.spanFrom(start) };
}

/** match := "match" expr NEWLINE INDENT { pattern "->" expr NEWLINE } DEDENT */
function parseMatchExpr(p: Cursor, start: number): Expr {
  p.advance();
  const subject = parseExpr(p);
  p.expect(TokenKind.Newline, 'a new line with indented match arms');
  p.expect(TokenKind.Indent, 'indented match arms');
  const arms: MatchArm[] = [];
  while (!p.check(TokenKind.Dedent) && !p.check(TokenKind.Eof)) {
    const armStart = p.pos;
    const pattern = parsePattern(p);
    p.expect(TokenKind.Arrow, "'->'");
    const body = parseExpr(p);
    arms.push({ pattern, body, span: p.spanFrom(armStart) });
    p.endLine();
  }
  p.accept(TokenKind.Dedent);
  return { kind: 'Match', subject, arms, span: p.spanFrom(start) };
}

function comparisonOp(kind: TokenKind): BinaryOp | null {
  switch (kind) {
    case TokenKind.EqEq:
      return '==';
    case TokenKind.NotEq:
      return '!=';
    case TokenKind.Lt:
      return '<';
    case TokenKind.Gt:
      return '>';
    case TokenKind.LtEq:
      return '<=';
    case TokenKind.GtEq:
      return '>=';
    default:
      return null;
  }
}

/** A span starting where `start` starts and ending at the last consumed token. */
function spanAfter(p: Cursor, start: Span): Span {
  return { file: start.file, line: start.line, column: start.column, start: start.start, end: p.lastEnd };
}

/** The dotted name of a callee such as `Shape.Circle` or `Data.Fibonacci.fib`, or null for other callees. */
function calleeName(callee: Expr): string | null {
  let name = '';
  let expr = callee;
  while (expr.kind === 'Member') {
    name = `.${expr.name}${name}`;
    expr = expr.object;
  }
  return expr.kind === 'Ident' ? expr.name + name : name === '' ? null : name.slice(1);
}

function lastSegment(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? name : name.slice(dot + 1);
}
