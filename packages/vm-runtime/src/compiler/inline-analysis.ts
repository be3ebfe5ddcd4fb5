import type { Expr, Stmt } from '../ast.js';
import type { CodeUnit } from '../passes/code-unit.js';
import { childExprs, visitExprs } from '../passes/walk.js';

/** A record or variant construction whose value the compiler can keep as separate locals instead of building it. */
export interface Construction {
  readonly kind: 'record' | 'variant';
  readonly typeName: string;
  /** For a variant: its name. */
  readonly variant: string | null;
  /** The component expressions in evaluation (source) order. */
  readonly components: readonly Expr[];
  /** `componentIndex[i]`: the field or payload position of `components[i]`. */
  readonly positions: readonly number[];
}

/**
 * The construction `expr` performs, when it is a record construction or a user-variant / `Some` / `Ok` / `Err`
 * construction with a payload; `null` for anything else.
 */
export function constructionOf(expr: Expr): Construction | null {
  if (expr.kind !== 'Call' || expr.lowered !== undefined) return null;
  const target = expr.target;
  if (target?.kind === 'record') {
    const positions: number[] = new Array(expr.named.length);
    target.fieldOrder.forEach((namedIndex, declIndex) => {
      positions[namedIndex] = declIndex;
    });
    return {
      kind: 'record',
      typeName: target.typeName,
      variant: null,
      components: expr.named.map((arg) => arg.value),
      positions,
    };
  }
  if (target?.kind === 'variant' && expr.args.length > 0) {
    return {
      kind: 'variant',
      typeName: target.typeName,
      variant: target.variant,
      components: expr.args,
      positions: expr.args.map((_arg, index) => index),
    };
  }
  return null;
}

/**
 * True when every read of the local in `slot` within `stmts` only takes the value apart: `x.field`, or `match x`
 * whose arms are constructor patterns or `_` (binders of a constructor pattern name components, never the whole
 * value). Such a local never needs its value built: its components can live in their own slots (scalar
 * replacement). `false` when the local is read any other way (passed on, returned, compared, displayed …).
 */
export function onlyTakenApart(slot: number, stmts: readonly Stmt[]): boolean {
  let reads = 0;
  const ok = (expr: Expr): boolean => {
    if (expr.kind === 'Ident') {
      if (expr.slot !== slot) return true;
      return false;
    }
    if (expr.kind === 'Member' && expr.resolution?.kind === 'field' && isSlot(expr.object, slot)) {
      reads++;
      return true;
    }
    if (expr.kind === 'Match' && isSlot(expr.subject, slot)) {
      reads++;
      const patternsOk = expr.arms.every(
        (arm) => arm.pattern.kind === 'ConstructorPattern' || arm.pattern.kind === 'WildcardPattern',
      );
      return patternsOk && expr.arms.every((arm) => ok(arm.body));
    }
    return childExprs(expr).every(ok);
  };
  const all = stmts.every((stmt) => ok(stmt.kind === 'Binding' ? stmt.value : stmt.expr));
  return all && reads > 0;
}

function isSlot(expr: Expr, slot: number): boolean {
  return expr.kind === 'Ident' && expr.slot === slot;
}

/** Largest callee body (in expression nodes) the compiler inlines. */
const INLINE_MAX_NODES = 24;

/**
 * True for a function the compiler inlines at its call sites: a leaf (`analyze`: it calls no Aver function), with
 * a result expression, no `?` or `?!`, and a small body.
 */
export function isInlinable(unit: CodeUnit): boolean {
  if (unit.kind !== 'function' || unit.facts === null || !unit.facts.leaf) return false;
  const last = unit.body[unit.body.length - 1];
  if (last === undefined || last.kind !== 'ExprStmt') return false;
  let nodes = 0;
  let returns = false;
  visitExprs(unit.body, (expr) => {
    nodes++;
    if (expr.kind === 'Try' || (expr.kind === 'Product' && expr.unwrap)) returns = true;
  });
  return !returns && nodes <= INLINE_MAX_NODES;
}

/** True when `expr` reads the local in `slot` anywhere. */
export function readsSlot(expr: Expr, slot: number): boolean {
  let found = false;
  visitExprs([{ kind: 'ExprStmt', expr, span: expr.span }], (node) => {
    if (node.kind === 'Ident' && node.slot === slot) found = true;
  });
  return found;
}

/** A scalar-replaced local: its construction and the slots holding its components (by field/payload position). */
export interface KnownValue {
  readonly construction: Construction;
  readonly components: readonly number[];
}
