import type { BindingStmt, Stmt } from '../ast.js';
import type { CheckContext } from './context.js';
import { type FunctionInfo, type GlobalInfo, type ModuleInfo, resolveTypeExpr } from './environment.js';
import { inferExpr } from './infer.js';
import { checkerMessages as msg } from './messages.js';
import { compatible, type Type, UNIT } from './types.js';

/**
 * Checks a binding (language reference: "Inference and checking rules"): `x: T = e` checks `e` against `T`; `x = e`
 * takes the inferred type, except that an empty list literal needs an annotation. Returns the bound type (recorded in
 * `ctx.bindingTypes`); the caller declares it.
 */
export function checkBindingValue(ctx: CheckContext, stmt: BindingStmt): Type {
  let type: Type;
  if (stmt.annotation !== null) {
    const annotation = resolveTypeExpr(
      ctx.env,
      ctx.module,
      stmt.annotation,
      ctx.error,
      `Binding '${stmt.name}'`,
    );
    const actual = inferExpr(ctx, stmt.value, annotation);
    if (!compatible(annotation, actual)) {
      ctx.error(stmt.span, msg.bindingMismatch(stmt.name, ctx.show(actual), ctx.show(annotation)));
    }
    type = annotation;
  } else {
    type = inferExpr(ctx, stmt.value, null);
    if (stmt.value.kind === 'List' && stmt.value.items.length === 0 && stmt.name !== '_') {
      ctx.error(stmt.span, msg.emptyListNeedsAnnotation(stmt.name));
    }
  }
  ctx.bindingTypes.set(stmt, type);
  return type;
}

/** Checks a binding inside a body and declares its name in the current scope. */
export function checkLocalBinding(ctx: CheckContext, stmt: BindingStmt): void {
  const type = checkBindingValue(ctx, stmt);
  if (stmt.name !== '_' && !ctx.scope.declare(stmt.name, type))
    ctx.error(stmt.span, msg.alreadyDefined(stmt.name));
}

/**
 * Checks statements in order; the last one, when it is an expression, is the value (pushed `expected`).
 *
 * @returns The body's type (Unit when it ends with a binding or is empty).
 */
export function checkStatements(ctx: CheckContext, body: readonly Stmt[], expected: Type | null): Type {
  let last: Type = UNIT;
  for (let i = 0; i < body.length; i++) {
    const stmt = body[i];
    if (stmt.kind === 'Binding') {
      checkLocalBinding(ctx, stmt);
      last = UNIT;
    } else {
      last = inferExpr(ctx, stmt.expr, i === body.length - 1 ? expected : null);
    }
  }
  return last;
}

/** Checks one function body against its signature (language reference: "Inference and checking rules"). */
export function checkFunction(ctx: CheckContext, fn: FunctionInfo): void {
  const decl = fn.decl;
  ctx.module = fn.module;
  ctx.body = { name: decl.name, effects: fn.effects, ret: fn.ret };
  ctx.scope.enter();
  for (let i = 0; i < decl.params.length; i++) {
    const param = decl.params[i];
    if (!ctx.scope.declare(param.name, fn.params[i])) ctx.error(param.span, msg.alreadyDefined(param.name));
  }
  const bodyType = checkStatements(ctx, decl.body, fn.ret);
  if (!compatible(fn.ret, bodyType)) {
    const last = decl.body[decl.body.length - 1];
    const span = last === undefined ? decl.nameSpan : last.kind === 'ExprStmt' ? last.expr.span : last.span;
    ctx.error(span, msg.returnMismatch(decl.name, ctx.show(bodyType), ctx.show(fn.ret)));
  }
  ctx.scope.exit();
}

/** A top-level statement as the compiler sees it: the module it belongs to (`null` = the entry) and its type. */
export interface TopLevelEntry {
  readonly module: string | null;
  readonly stmt: Stmt;
  readonly type: Type;
}

/**
 * Checks the top-level statements of a module in order (they run in `__top_level__` before `main`,
 * language reference: "Top-level items"). Each binding becomes a global visible to later statements and to every
 * function of the module.
 */
export function checkTopLevel(
  ctx: CheckContext,
  module: ModuleInfo,
  out: TopLevelEntry[],
  globals: GlobalInfo[],
): void {
  ctx.module = module;
  ctx.body = { name: '__top_level__', effects: null, ret: UNIT };
  ctx.scope.clear();
  for (const item of module.file.items) {
    if (item.kind === 'TopLevelStmt')
      ctx.guardDepth(item.span, () => checkTopLevelStmt(ctx, module, item.stmt, out, globals));
  }
}

function checkTopLevelStmt(
  ctx: CheckContext,
  module: ModuleInfo,
  stmt: Stmt,
  out: TopLevelEntry[],
  globals: GlobalInfo[],
): void {
  if (stmt.kind === 'ExprStmt') {
    out.push({ module: module.key, stmt, type: inferExpr(ctx, stmt.expr, null) });
    return;
  }
  const type = checkBindingValue(ctx, stmt);
  out.push({ module: module.key, stmt, type });
  if (stmt.name === '_') return;
  if (module.globals.has(stmt.name) || module.functions.has(stmt.name)) {
    ctx.error(stmt.span, msg.alreadyDefined(stmt.name));
    return;
  }
  const qualifiedName = module.prefix + stmt.name;
  const ref = { kind: 'global', qualifiedName } as const;
  const global: GlobalInfo = { name: stmt.name, qualifiedName, module, stmt, type, ref };
  module.globals.set(stmt.name, global);
  globals.push(global);
}
