import type { BindingStmt, Expr, Stmt } from '../ast.js';
import type { Type } from '../checker/index.js';

/** Keys whose values are immutable descriptors shared between a node and its copy. */
const SHARED_KEYS = new Set(['span', 'nameSpan', 'resolution', 'target']);

/** The checker's type tables, extended with entries for copies so later stages can read their types. */
export interface TypeTables {
  readonly exprTypes: Map<Expr, Type>;
  readonly bindingTypes: Map<BindingStmt, Type>;
}

/**
 * Deep-copies statements so a second code unit can carry its own annotation slots (slots, last-use flags, tail
 * flags) on the same source. Spans and checker resolutions are shared; nodes reachable twice (an interpolation part
 * and its lowered segment) stay shared in the copy. Types of copied expressions and bindings are registered.
 */
export function cloneStmts<T extends Stmt>(stmts: readonly T[], tables: TypeTables): T[] {
  const memo = new Map<object, object>();
  return stmts.map((stmt) => cloneNode(stmt, memo, tables) as T);
}

function cloneNode(value: unknown, memo: Map<object, object>, tables: TypeTables): unknown {
  if (value === null || typeof value !== 'object') return value;
  const seen = memo.get(value);
  if (seen !== undefined) return seen;
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    memo.set(value, items);
    for (const item of value) items.push(cloneNode(item, memo, tables));
    return items;
  }
  const copy: Record<string, unknown> = {};
  memo.set(value, copy);
  for (const [key, field] of Object.entries(value)) {
    copy[key] = SHARED_KEYS.has(key) ? field : cloneNode(field, memo, tables);
  }
  const exprType = tables.exprTypes.get(value as Expr);
  if (exprType !== undefined) tables.exprTypes.set(copy as unknown as Expr, exprType);
  const bindingType = tables.bindingTypes.get(value as BindingStmt);
  if (bindingType !== undefined) tables.bindingTypes.set(copy as unknown as BindingStmt, bindingType);
  return copy;
}
