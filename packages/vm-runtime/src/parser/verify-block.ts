import type { BindingStmt, EffectRef, Expr, GivenClause, VerifyBlock, VerifyCase } from '../ast.js';
import {
  emptyGivenDomain,
  givenDomainShape,
  lawNeedsGiven,
  lawNeedsOneAssertion,
  traceBindingAfterCase,
  verifyExpandsTooFar,
} from '../messages.js';
import { TokenKind } from '../token.js';
import type { Cursor } from './cursor.js';
import { parseExpr, parseListExpr } from './expressions.js';
import { parseBinding } from './statements.js';
import { parseType } from './types.js';
import { substituteBindings } from './verify-bindings.js';

/** Most cases one verify block may expand to (Oracle addendum: "Expansion"). */
export const MAX_VERIFY_CASES = 10_000;

/**
 * verify := "verify" lname ["trace"] ["law" lname] NEWLINE INDENT body DEDENT (Oracle addendum: "Grammar")
 *
 * - `verify f`: every line is a case `lhs => rhs` (a `given` or a binding there fails as a case would);
 * - `verify f trace`: `given` lines, bindings, then cases (a binding after a case is an error);
 * - `verify f [trace] law name`: at least one `given`, `when` premises and bindings, exactly one assertion.
 *
 * Bindings are textual substitutions (Oracle addendum: "Expansion"): they are replaced by their expression in the
 * premises and cases after them, so each use calls again what the binding names. Givens stay names: the verify runner
 * binds each to its domain's values. A block whose domains are literal and expand to more than 10,000 cases is an
 * error.
 */
export function parseVerifyBlock(p: Cursor, start: number): VerifyBlock {
  p.advance();
  const fnName = p.text(p.expect(TokenKind.Ident, 'the name of the function to verify'));
  const trace = acceptWord(p, 'trace');
  let law: string | null = null;
  if (acceptWord(p, 'law')) law = p.text(p.expect(TokenKind.Ident, 'a law name'));
  const header = p.spanFrom(start);
  openBlock(p, law === null ? "'law' or end of line" : 'end of line');
  const givens: GivenClause[] = [];
  const whens: Expr[] = [];
  const bindings: BindingStmt[] = [];
  const cases: VerifyCase[] = [];
  const plain = !trace && law === null;
  while (p.kind() !== TokenKind.Dedent && p.kind() !== TokenKind.Eof) {
    const lineStart = p.pos;
    const next = p.kindAt(1);
    const word = p.check(TokenKind.Ident) ? p.text() : '';
    if (!plain && word === 'given' && next === TokenKind.Ident) {
      givens.push(parseGiven(p, lineStart));
    } else if (!plain && word !== '' && (next === TokenKind.Eq || next === TokenKind.Colon)) {
      if (law === null && cases.length > 0) p.report(lineStart, traceBindingAfterCase);
      bindings.push(parseBinding(p));
    } else if (law !== null && word === 'when' && !lineHasFatArrow(p)) {
      p.advance();
      whens.push(parseExpr(p));
    } else {
      cases.push(parseCase(p, lineStart));
    }
    p.endLine();
  }
  p.accept(TokenKind.Dedent);
  if (law !== null) {
    if (givens.length === 0) p.reportAt(header, lawNeedsGiven);
    else if (cases.length !== 1) p.reportAt(header, lawNeedsOneAssertion);
  }
  for (const given of givens) {
    if (domainSize(given) === 0) p.reportAt(given.span, emptyGivenDomain(given.name));
  }
  const expansion = staticExpansion(givens, law === null ? cases.length : 1);
  if (expansion !== null && expansion > MAX_VERIFY_CASES) {
    p.reportAt(header, verifyExpandsTooFar(law !== null, expansion, MAX_VERIFY_CASES));
  }
  const substituted = substituteBindings(bindings, whens, cases);
  return {
    kind: 'Verify',
    fnName,
    trace,
    law,
    givens,
    whens: substituted.whens,
    cases: substituted.cases,
    span: header,
  };
}

function acceptWord(p: Cursor, word: string): boolean {
  if (!p.check(TokenKind.Ident) || p.text() !== word) return false;
  p.advance();
  return true;
}

function openBlock(p: Cursor, endOfHeader: string): void {
  p.expect(TokenKind.Newline, endOfHeader);
  p.expect(TokenKind.Indent, 'indented verify cases');
}

/** `lhs => rhs`; in the 0.13–0.25 parser the right side may continue on a deeper line after `=>`. */
function parseCase(p: Cursor, lineStart: number): VerifyCase {
  const lhs = parseExpr(p);
  p.expect(TokenKind.FatArrow, "'=>'");
  const deeper = p.check(TokenKind.Newline) && p.kindAt(1) === TokenKind.Indent;
  if (deeper) {
    p.advance();
    p.advance();
  }
  const rhs = parseExpr(p);
  const span = p.spanFrom(lineStart);
  if (deeper) {
    p.accept(TokenKind.Newline);
    p.expect(TokenKind.Dedent, 'the end of the indented right side');
  }
  return { lhs, rhs, span };
}

/** given := "given" lname ":" (type | UName "." lname) "=" ( expr ".." expr | "[" expr,* "]" ) */
function parseGiven(p: Cursor, start: number): GivenClause {
  p.advance();
  const name = p.text(p.advance());
  p.expect(TokenKind.Colon, "':' and the type of the given value");
  const effect = effectReference(p);
  const type = effect === null ? parseType(p) : null;
  p.expect(TokenKind.Eq, "'='");
  const listStart = p.pos;
  if (p.check(TokenKind.LBracket)) {
    const list = parseListExpr(p, listStart);
    return { name, type, effect, domain: { kind: 'list', items: list.items }, span: p.spanFrom(start) };
  }
  if (!lineHas(p, TokenKind.DotDot)) p.fail(givenDomainShape);
  const from = parseExpr(p);
  p.expect(TokenKind.DotDot, "'..'");
  const to = parseExpr(p);
  return { name, type, effect, domain: { kind: 'range', from, to }, span: p.spanFrom(start) };
}

/**
 * An annotation shaped `UName.lname` (`Random.int`) is an effect reference, not a type (Oracle addendum: "Grammar").
 */
function effectReference(p: Cursor): EffectRef | null {
  if (!p.check(TokenKind.Ident) || p.kindAt(1) !== TokenKind.Dot || p.kindAt(2) !== TokenKind.Ident)
    return null;
  const namespace = p.text();
  const method = p.text(p.pos + 2);
  if (!/^\p{Lu}/u.test(namespace) || !/^[\p{Ll}_]/u.test(method)) return null;
  const first = p.advance();
  p.advance();
  p.advance();
  return { name: `${namespace}.${method}`, span: p.spanFrom(first) };
}

/** Whether the rest of the current line has a `=>` outside brackets (a verify case rather than a `when`). */
function lineHasFatArrow(p: Cursor): boolean {
  return lineHas(p, TokenKind.FatArrow);
}

/** Whether the rest of the current line has a token of `kind` outside brackets. */
function lineHas(p: Cursor, wanted: TokenKind): boolean {
  let depth = 0;
  const { kinds, length } = p.buffer;
  for (let i = p.pos; i < length; i++) {
    const kind = kinds[i];
    if (kind >= TokenKind.Newline) return false;
    if (kind === TokenKind.LParen || kind === TokenKind.LBracket || kind === TokenKind.LBrace) depth++;
    else if (kind === TokenKind.RParen || kind === TokenKind.RBracket || kind === TokenKind.RBrace) depth--;
    else if (kind === wanted && depth <= 0) return true;
  }
  return false;
}

/** The number of values of a domain when the source fixes it (a list, a range of Int literals), else `null`. */
function domainSize(given: GivenClause): number | null {
  const domain = given.domain;
  if (domain.kind === 'list') return domain.items.length;
  const from = intLiteral(domain.from);
  const to = intLiteral(domain.to);
  if (from === null || to === null) return null;
  return to < from ? 0 : Number(to - from + 1n);
}

function intLiteral(expr: Expr): bigint | null {
  if (expr.kind === 'IntLit') return expr.value;
  if (expr.kind === 'Negate' && expr.operand.kind === 'IntLit') return -expr.operand.value;
  return null;
}

/**
 * Cases a block expands to when every domain size is fixed by the source (Oracle addendum: "Expansion"), else `null`.
 */
function staticExpansion(givens: readonly GivenClause[], cases: number): number | null {
  let total = cases;
  for (const given of givens) {
    const size = domainSize(given);
    if (size === null) return null;
    total *= size;
  }
  return total;
}
