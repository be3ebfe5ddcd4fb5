import type { BindingStmt, Stmt } from '../ast.js';
import { valVarNotSupported } from '../messages.js';
import { TokenKind } from '../token.js';
import type { Cursor } from './cursor.js';
import { parseExpr } from './expressions.js';
import { parseType } from './types.js';

/** stmt := lname [ ":" type ] "=" expr | "_" "=" expr | expr */
export function parseStmt(p: Cursor): Stmt {
  const start = p.peek();
  if (start.kind === TokenKind.Ident) {
    const next = p.kindAt(1);
    if (next === TokenKind.Eq || next === TokenKind.Colon) return parseBinding(p);
    if ((start.text === 'val' || start.text === 'var') && next === TokenKind.Ident) {
      p.fail(valVarNotSupported(start.text, p.tokens[p.pos + 1].text));
    }
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
  return { kind: 'Binding', name: start.text, annotation, value, span: p.spanFrom(start) };
}

/** strBlock := STRING | [STRING] NEWLINE INDENT { STRING NEWLINE } DEDENT — pieces joined with one space. */
export function parseStringBlock(p: Cursor): string {
  const pieces: string[] = [];
  const first = p.peek();
  if (first.kind === TokenKind.Str || first.kind === TokenKind.Interp) {
    pieces.push(first.text);
    p.advance();
  }
  if (p.check(TokenKind.Newline) && p.kindAt(1) === TokenKind.Indent) {
    p.advance();
    p.advance();
    while (!p.check(TokenKind.Dedent) && !p.check(TokenKind.Eof)) {
      const piece = p.peek();
      if (piece.kind !== TokenKind.Str && piece.kind !== TokenKind.Interp) p.failExpected('a string');
      pieces.push(piece.text);
      p.advance();
      p.endLine();
    }
    p.accept(TokenKind.Dedent);
  }
  if (pieces.length === 0) p.failExpected('a string');
  return pieces.join(' ');
}
