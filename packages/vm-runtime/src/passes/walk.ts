import type { Expr, Pattern, Stmt } from '../ast.js';

/**
 * The sub-expressions of `expr` in evaluation order, exactly as the compiler emits them: a lowered form
 * (`InterpString.lowered`, `Call.lowered`) replaces the node's own children, qualified names evaluate nothing, a
 * trace projection evaluates only its source call (its query arguments are literals), and a `match` lists its
 * subject and then every arm body. Passes that bind names (`resolve`, `last_use`) handle `Match` themselves and use
 * this for everything else.
 */
export function childExprs(expr: Expr): readonly Expr[] {
  if ((expr.kind === 'Member' || expr.kind === 'Call') && expr.projection !== undefined) {
    return [expr.projection.source];
  }
  switch (expr.kind) {
    case 'IntLit':
    case 'FloatLit':
    case 'StringLit':
    case 'BoolLit':
    case 'UnitLit':
    case 'Ident':
      return [];
    case 'Interp':
      if (expr.lowered !== undefined) {
        const values: Expr[] = [];
        for (const segment of expr.lowered.segments) if (segment.kind === 'value') values.push(segment.expr);
        return values;
      }
      return expr.parts.flatMap((part) => (part.kind === 'Expr' ? [part.expr] : []));
    case 'Member':
      return expr.resolution?.kind === 'field' ? [expr.object] : [];
    case 'Call':
      return callChildren(expr);
    case 'Binary':
      return [expr.left, expr.right];
    case 'Negate':
      return [expr.operand];
    case 'Tuple':
    case 'List':
    case 'Product':
      return expr.items;
    case 'Map':
      return expr.entries.flatMap((entry) => [entry.key, entry.value]);
    case 'Match':
      return [expr.subject, ...expr.arms.map((arm) => arm.body)];
    case 'Try':
      return [expr.expr];
    default:
      return assertNever(expr);
  }
}

function callChildren(call: Extract<Expr, { kind: 'Call' }>): readonly Expr[] {
  if (call.lowered !== undefined) return [call.lowered];
  const target = call.target;
  const named = call.named.map((arg) => arg.value);
  if (target === undefined) return [call.callee, ...call.args, ...named];
  switch (target.kind) {
    case 'record':
      return named;
    case 'recordUpdate':
      return [...call.args, ...named];
    case 'value':
      return [call.callee, ...call.args];
    default:
      return call.args;
  }
}

/** Calls `visit` on every expression of `stmts`, parents before children, in evaluation order. */
export function visitExprs(stmts: readonly Stmt[], visit: (expr: Expr) => void): void {
  const pending: Expr[] = [];
  for (let i = stmts.length - 1; i >= 0; i--) {
    const stmt = stmts[i];
    pending.push(stmt.kind === 'Binding' ? stmt.value : stmt.expr);
  }
  while (pending.length > 0) {
    const expr = pending.pop()!;
    visit(expr);
    const children = childExprs(expr);
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
  }
}

/** The names a pattern binds, in source order (`_` excluded). */
export function patternBinders(pattern: Pattern): string[] {
  switch (pattern.kind) {
    case 'WildcardPattern':
    case 'LiteralPattern':
    case 'NilPattern':
      return [];
    case 'BindPattern':
      return [pattern.name];
    case 'ConsPattern':
      return [pattern.head, pattern.tail].filter((name) => name !== '_');
    case 'TuplePattern':
      return pattern.items.flatMap(patternBinders);
    case 'ConstructorPattern':
      return (pattern.binders ?? []).filter((name) => name !== '_');
    default:
      return assertNever(pattern);
  }
}

/** Exhaustiveness helper for switches over discriminated unions. */
export function assertNever(value: never): never {
  throw new Error(`Internal error: unexpected node ${JSON.stringify((value as { kind?: string }).kind)}`);
}
