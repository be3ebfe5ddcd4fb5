import type { Call, CallTarget, Expr } from '../ast.js';
import { callBuiltin } from './builtin-calls.js';
import { checkArgs, inferArgsLoosely, rejectNamedArgs } from './call-args.js';
import type { CheckContext } from './context.js';
import { type FunctionInfo, isVisible, lookupBareType, shortTypeName, type TypeInfo } from './environment.js';
import { inferExpr } from './infer.js';
import { checkerMessages as msg } from './messages.js';
import {
  bareDependencyType,
  fieldAccess,
  isWrapperVariant,
  resolvePath,
  WRAPPER_FN_TYPES,
  WRAPPER_REFS,
} from './names.js';
import { constructRecord, updateRecord } from './records.js';
import { isTraceView, traceQuery } from './trace-projections.js';
import { INVALID, optionOf, resultOf, type Type, UNKNOWN } from './types.js';

const VALUE_TARGET: CallTarget = { kind: 'value' };

/**
 * Types a call and fills `call.target`: a user function, a built-in, a variant or record constructor, a record
 * update, or a call through a function value (language reference: "Expressions, precedence and associativity",
 * "Inference and checking rules").
 */
export function inferCall(ctx: CheckContext, call: Call, expected: Type | null): Type {
  const callee = call.callee;
  if (callee.kind === 'Ident') return inferIdentCall(ctx, call, callee.name);
  if (callee.kind === 'Member') {
    const base = resolvePath(ctx, callee.object);
    const name = callee.name;
    switch (base.kind) {
      case 'value':
        if (isTraceView(base.type)) return traceQuery(ctx, call, callee, base.type);
        return callValue(ctx, call, fieldAccess(ctx, callee, base.type));
      case 'invalid':
        return inferArgsLoosely(ctx, call);
      case 'prefix':
        ctx.error(callee.span, msg.unknownFunction(`${base.path}.${name}`));
        return inferArgsLoosely(ctx, call);
      case 'module': {
        const dep = base.module;
        if (isVisible(dep, name)) {
          const fn = dep.functions.get(name);
          if (fn !== undefined) {
            callee.resolution = fn.ref;
            return callFunction(ctx, call, fn);
          }
          const global = dep.globals.get(name);
          if (global !== undefined) {
            callee.resolution = global.ref;
            return callValue(ctx, call, global.type);
          }
          const type = dep.types.get(name);
          if (type !== undefined) return constructRecord(ctx, call, type);
        }
        // `depends [Tile]` whose module declares `type Tile`: `Tile.Wall(…)` is the bare type's variant.
        const sameNamed = base.path.includes('.') ? null : lookupBareType(ctx.module, base.path);
        if (sameNamed?.kind === 'type') return callTypeMember(ctx, call, sameNamed.info, name, expected);
        ctx.error(callee.span, msg.unknownMember(base.path, name));
        return inferArgsLoosely(ctx, call);
      }
      case 'type':
        return callTypeMember(ctx, call, base.info, name, expected);
      case 'namespace':
        return callNamespaceMember(ctx, call, base.name, name, expected);
    }
  }
  return callValue(ctx, call, inferExpr(ctx, callee, null));
}

function inferIdentCall(ctx: CheckContext, call: Call, name: string): Type {
  const callee = call.callee as Expr & { kind: 'Ident' };
  const local = ctx.scope.lookup(name);
  if (local !== undefined) {
    callee.resolution = local.ref;
    ctx.exprTypes.set(callee, local.type);
    return callValue(ctx, call, local.type);
  }
  const module = ctx.module;
  const fn = module.functions.get(name);
  if (fn !== undefined) {
    callee.resolution = fn.ref;
    return callFunction(ctx, call, fn);
  }
  const global = module.globals.get(name);
  if (global !== undefined) {
    callee.resolution = global.ref;
    ctx.exprTypes.set(callee, global.type);
    return callValue(ctx, call, global.type);
  }
  const type =
    module.types.get(name) ?? (ctx.env.builtins.records.has(name) ? ctx.env.types.get(name) : undefined);
  if (type !== undefined) return constructRecord(ctx, call, type);
  // A record of a direct dependency built bare: `Point(x = 0, y = 0)` (Oracle addendum: "`depends` name resolution");
  // never a dependency's function.
  const bare = bareDependencyType(ctx, name, callee);
  if (bare === null) return inferArgsLoosely(ctx, call);
  if (bare !== undefined) return constructRecord(ctx, call, bare);
  ctx.error(callee.span, msg.unknownFunction(name));
  return inferArgsLoosely(ctx, call);
}

function callFunction(ctx: CheckContext, call: Call, fn: FunctionInfo): Type {
  call.target = fn.ref;
  ctx.exprTypes.set(call.callee, fn.fnType);
  rejectNamedArgs(ctx, call);
  checkArgs(ctx, call, fn.params);
  ctx.requireEffects(call.span, call.callee, fn.effects);
  return fn.ret;
}

/** A call through a function value (`CALL_VALUE`): a parameter, local, global or field of `Fn` type. */
function callValue(ctx: CheckContext, call: Call, calleeType: Type): Type {
  call.target = VALUE_TARGET;
  if (calleeType.kind !== 'Fn') {
    if (calleeType.kind !== 'Invalid' && calleeType.kind !== 'Unknown') {
      ctx.error(call.callee.span, msg.notCallable(ctx.show(calleeType)));
    }
    inferArgsLoosely(ctx, call);
    return calleeType.kind === 'Unknown' ? UNKNOWN : INVALID;
  }
  rejectNamedArgs(ctx, call);
  checkArgs(ctx, call, calleeType.params);
  ctx.requireEffects(call.span, call.callee, calleeType.effects);
  return calleeType.ret;
}

function callTypeMember(
  ctx: CheckContext,
  call: Call,
  info: TypeInfo,
  name: string,
  expected: Type | null,
): Type {
  if (name === 'update' && info.kind === 'record') return updateRecord(ctx, call, info);
  const index = info.kind === 'sum' ? info.variantIndex.get(name) : undefined;
  if (index === undefined && ctx.env.builtins.namespaces.has(shortTypeName(info))) {
    // A user type named like a built-in namespace (`record Time`, `type Char`) hides only its own members.
    return callNamespaceMember(ctx, call, shortTypeName(info), name, expected);
  }
  if (info.kind !== 'sum' || index === undefined) {
    ctx.error(call.callee.span, msg.unknownConstructor(`${info.name}.${name}`));
    return inferArgsLoosely(ctx, call);
  }
  if (info.opaque && info.module !== ctx.module)
    ctx.error(call.callee.span, msg.opaqueConstruct(shortTypeName(info)));
  const variant = info.variants[index];
  call.target = variant.ref;
  const fields = variant.fields;
  ctx.exprTypes.set(
    call.callee,
    fields.length === 0 ? info.type : { kind: 'Fn', params: fields, ret: info.type, effects: [] },
  );
  if (fields.length === 0 && call.args.length === 0) {
    ctx.error(call.span, msg.nullaryVariantCalled(`${info.name}.${name}`));
  } else {
    checkArgs(ctx, call, fields);
  }
  rejectNamedArgs(ctx, call);
  return info.type;
}

function callNamespaceMember(
  ctx: CheckContext,
  call: Call,
  namespace: string,
  name: string,
  expected: Type | null,
): Type {
  if (isWrapperVariant(namespace, name)) return callWrapper(ctx, call, namespace, name, expected);
  const qualified = `${namespace}.${name}`;
  if (ctx.env.builtins.constants.has(qualified)) {
    ctx.error(call.span, msg.constantCalled(qualified));
    return inferArgsLoosely(ctx, call);
  }
  const builtin = ctx.env.builtins.functions.get(qualified);
  if (builtin !== undefined) return callBuiltin(ctx, call, builtin, expected);
  const record = ctx.env.builtins.records.has(qualified) ? ctx.env.types.get(qualified) : undefined;
  if (record !== undefined) return constructRecord(ctx, call, record);
  ctx.error(call.callee.span, msg.unknownFunction(qualified));
  return inferArgsLoosely(ctx, call);
}

/** `Option.Some(x)`, `Result.Ok(x)`, `Result.Err(e)`: the expected type fills the side the argument leaves open. */
function callWrapper(
  ctx: CheckContext,
  call: Call,
  namespace: string,
  name: string,
  expected: Type | null,
): Type {
  call.target = WRAPPER_REFS[`${namespace}.${name}`];
  rejectNamedArgs(ctx, call);
  if (name !== 'None') ctx.exprTypes.set(call.callee, WRAPPER_FN_TYPES[`${namespace}.${name}`]);
  if (name === 'None') {
    ctx.error(call.span, msg.nullaryVariantCalled('Option.None'));
    inferArgsLoosely(ctx, call);
    return optionOf(expected?.kind === 'Option' ? expected.inner : UNKNOWN);
  }
  if (call.args.length !== 1) {
    ctx.error(call.span, msg.arity(`${namespace}.${name}`, 1, call.args.length));
    inferArgsLoosely(ctx, call);
    return INVALID;
  }
  const arg = call.args[0];
  if (name === 'Some') {
    return optionOf(inferExpr(ctx, arg, expected?.kind === 'Option' ? expected.inner : null));
  }
  const expectedResult = expected?.kind === 'Result' ? expected : null;
  if (name === 'Ok') {
    return resultOf(inferExpr(ctx, arg, expectedResult?.ok ?? null), expectedResult?.err ?? UNKNOWN);
  }
  return resultOf(expectedResult?.ok ?? UNKNOWN, inferExpr(ctx, arg, expectedResult?.err ?? null));
}
