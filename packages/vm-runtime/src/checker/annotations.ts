import type { Expr, Pattern, SourceFile, Stmt } from '../ast.js';

/**
 * Lists the annotation slots the checker left empty in a file (test support and a debugging aid): every call
 * needs a `target`, every name in value position a `resolution`, every operator an `operandKind`, every
 * constructor pattern a `resolution`, and every visited expression a type in `exprTypes`.
 *
 * @param file - A checked file.
 * @param exprTypes - The checker's expression types.
 * @returns One line per missing slot (`line:col kind: what`); empty when the file is fully annotated.
 */
export function findMissingAnnotations(file: SourceFile, exprTypes: ReadonlyMap<Expr, unknown>): string[] {
  const missing: string[] = [];
  const note = (node: { span: { line: number; column: number } }, what: string) =>
    missing.push(`${node.span.line}:${node.span.column} ${what}`);

  const visitExpr = (expr: Expr): void => {
    if (!exprTypes.has(expr)) note(expr, `${expr.kind}: no type`);
    switch (expr.kind) {
      case 'Ident':
        if (expr.resolution === undefined) note(expr, `Ident '${expr.name}': no resolution`);
        return;
      case 'Member':
        if (expr.resolution === undefined) note(expr, `Member '${expr.name}': no resolution`);
        else if (expr.resolution.kind === 'field') visitExpr(expr.object);
        return;
      case 'Call':
        if (expr.target === undefined) note(expr, 'Call: no target');
        else if (expr.target.kind === 'value') visitExpr(expr.callee);
        for (const arg of expr.args) visitExpr(arg);
        for (const named of expr.named) visitExpr(named.value);
        return;
      case 'Binary':
        if (expr.operandKind === undefined) note(expr, `Binary '${expr.op}': no operandKind`);
        visitExpr(expr.left);
        visitExpr(expr.right);
        return;
      case 'Negate':
        if (expr.operandKind === undefined) note(expr, 'Negate: no operandKind');
        visitExpr(expr.operand);
        return;
      case 'Interp':
        for (const part of expr.parts) if (part.kind === 'Expr') visitExpr(part.expr);
        return;
      case 'Tuple':
      case 'List':
      case 'Product':
        for (const item of expr.items) visitExpr(item);
        return;
      case 'Map':
        for (const entry of expr.entries) {
          visitExpr(entry.key);
          visitExpr(entry.value);
        }
        return;
      case 'Match':
        visitExpr(expr.subject);
        for (const arm of expr.arms) {
          visitPattern(arm.pattern);
          visitExpr(arm.body);
        }
        return;
      case 'Try':
        visitExpr(expr.expr);
        return;
      default:
        return;
    }
  };
  const visitPattern = (pattern: Pattern): void => {
    if (pattern.kind === 'ConstructorPattern' && pattern.resolution === undefined) {
      note(pattern, `ConstructorPattern '${pattern.path.join('.')}': no resolution`);
    } else if (pattern.kind === 'TuplePattern') {
      for (const item of pattern.items) visitPattern(item);
    }
  };
  const visitStmt = (stmt: Stmt): void => visitExpr(stmt.kind === 'Binding' ? stmt.value : stmt.expr);

  for (const item of file.items) {
    switch (item.kind) {
      case 'FnDecl':
        for (const stmt of item.body) visitStmt(stmt);
        break;
      case 'TopLevelStmt':
        visitStmt(item.stmt);
        break;
      case 'Verify':
        for (const given of item.givens) {
          if (given.domain.kind === 'range') {
            visitExpr(given.domain.from);
            visitExpr(given.domain.to);
          } else {
            for (const value of given.domain.items) visitExpr(value);
          }
        }
        for (const premise of item.whens) visitExpr(premise);
        for (const verifyCase of item.cases) {
          visitExpr(verifyCase.lhs);
          visitExpr(verifyCase.rhs);
        }
        break;
      default:
        break;
    }
  }
  return missing;
}
