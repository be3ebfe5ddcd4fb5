import type { BindingStmt, Stmt } from '../ast.js';
import { bodyShorthandRemoved, valVarNotSupported } from '../messages.js';
import { TokenKind } from '../token.js';
import type { Cursor } from './cursor.js';
import { parseExpr } from './expressions.js';
import { parseType } from './types.js';

/** stmt := lname [ ":" type ] "=" expr | "_" "=" expr | expr */
export function parseStmt(p: Cursor): Stmt {
  if (p.kind() === TokenKind.Ident) {
    const next = p.kindAt(1);
    if (next === TokenKind.Eq || next === TokenKind.Colon) return parseBinding(p);
    const word = p.text();
    if ((word === 'val' || word === 'var') && next === TokenKind.Ident) {
      p.fail(valVarNotSupported(word, p.text(p.pos + 1)));
    }
  } else if (p.check(TokenKind.Eq)) {
    p.fail(bodyShorthandRemoved);
  }
  const expr = parseExpr(p);
  return { kind: 'ExprStmt', expr, span: expr.span };
}

/** binding := name [ ":" type ] "=" expr */
export function parseBinding(p: Cursor): BindingStmt {
  const start = p.advance();
  const annotation = p.accept(TokenKind.Colon) ? parseType(p) : null;
  p.expect(TokenKind.Eq, "'='");
  const value = parseExpr(p);
  return { kind: 'Binding', name: p.text(start), annotation, value, span: p.spanFrom(start) };
}

/** strBlock := STRING | [STRING] NEWLINE INDENT { STRING NEWLINE } DEDENT — pieces joined with one space. */
export function parseStringBlock(p: Cursor): string {
  const pieces: string[] = [];
  if (p.check(TokenKind.Str) || p.check(TokenKind.Interp)) pieces.push(p.text(p.advance()));
  if (p.check(TokenKind.Newline) && p.kindAt(1) === TokenKind.Indent) {
    p.advance();
    p.advance();
    while (!p.check(TokenKind.Dedent) && !p.check(TokenKind.Eof)) {
      if (!p.check(TokenKind.Str) && !p.check(TokenKind.Interp)) p.failExpected('a string');
      pieces.push(p.text(p.advance()));
      p.endLine();
    }
    p.accept(TokenKind.Dedent);
  }
  if (pieces.length === 0) p.failExpected('a string');
  return pieces.join(' ');
}
