import type { Call, CallTarget, Expr } from '../ast.js';
import type { BuiltinInfo } from './builtin-registry.js';
import type { CheckContext } from './context.js';
import { type FunctionInfo, isVisible, type RecordTypeInfo, type TypeInfo } from './environment.js';
import { inferExpr } from './infer.js';
import { checkerMessages as msg } from './messages.js';
import { fieldAccess, isWrapperVariant, resolvePath, WRAPPER_FN_TYPES, WRAPPER_REFS } from './names.js';
import {
  compatible,
  effectsCovered,
  hasHoles,
  INVALID,
  join,
  optionOf,
  resultOf,
  STRING,
  type Type,
  UNKNOWN,
} from './types.js';

const VALUE_TARGET: CallTarget = { kind: 'value' };

/**
 * Types a call and fills `call.target`: a user function, a built-in, a variant or record constructor, a record
 * update, or a call through a function value (language reference §1.5, §2.2).
 */
export function inferCall(ctx: CheckContext, call: Call, expected: Type | null): Type {
  const callee = call.callee;
  if (callee.kind === 'Ident') return inferIdentCall(ctx, call, callee.name);
  if (callee.kind === 'Member') {
    const base = resolvePath(ctx, callee.object);
    const name = callee.name;
    switch (base.kind) {
      case 'value':
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
        ctx.error(callee.span, msg.unknownMember(base.path, name));
        return inferArgsLoosely(ctx, call);
      }
      case 'type':
        return callTypeMember(ctx, call, base.info, name);
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
  ctx.error(callee.span, msg.unknownFunction(name));
  return inferArgsLoosely(ctx, call);
}

/** Infers every argument without expectations (after an error), so nested expressions are still checked. */
function inferArgsLoosely(ctx: CheckContext, call: Call): Type {
  for (const arg of call.args) inferExpr(ctx, arg, null);
  for (const named of call.named) inferExpr(ctx, named.value, null);
  return INVALID;
}

function rejectNamedArgs(ctx: CheckContext, call: Call): void {
  if (call.named.length === 0) return;
  ctx.error(call.named[0].span, msg.namedArgsNotAllowed(ctx.nameOf(call.callee)));
  for (const named of call.named) inferExpr(ctx, named.value, null);
}

/** Checks arity and each positional argument against `params` (§2.5 messages). */
function checkArgs(ctx: CheckContext, call: Call, params: readonly Type[]): void {
  const args = call.args;
  const arityOk = args.length === params.length;
  if (!arityOk) ctx.error(call.span, msg.arity(ctx.nameOf(call.callee), params.length, args.length));
  for (let i = 0; i < args.length; i++) {
    const param = i < params.length ? params[i] : null;
    const actual = inferExpr(ctx, args[i], param);
    if (arityOk && param !== null && !compatible(param, actual)) {
      ctx.error(
        args[i].span,
        msg.argument(i + 1, ctx.nameOf(call.callee), ctx.show(param), ctx.show(actual)),
      );
    }
  }
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

function callTypeMember(ctx: CheckContext, call: Call, info: TypeInfo, name: string): Type {
  if (name === 'update' && info.kind === 'record') return updateRecord(ctx, call, info);
  const index = info.kind === 'sum' ? info.variantIndex.get(name) : undefined;
  if (info.kind !== 'sum' || index === undefined) {
    ctx.error(call.callee.span, msg.unknownConstructor(`${info.name}.${name}`));
    return inferArgsLoosely(ctx, call);
  }
  if (info.opaque && info.module !== ctx.module) ctx.error(call.callee.span, msg.opaqueConstruct(info.name));
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

/**
 * A built-in call: type variables are instantiated from the arguments left to right (a variable that is already
 * bound pushes its type into later empty literals), then substituted into the return type (§2.1).
 */
function callBuiltin(ctx: CheckContext, call: Call, builtin: BuiltinInfo, expected: Type | null): Type {
  const def = builtin.def;
  call.target = builtin.ref;
  ctx.exprTypes.set(call.callee, builtin.fnType);
  if (builtin.era !== null) ctx.useEra(builtin.era);
  rejectNamedArgs(ctx, call);
  ctx.requireEffects(call.span, def.name, def.effects);
  const signature = builtin.signature;
  if (signature === null) return inferArgsLoosely(ctx, call);
  const params = signature.params;
  const args = call.args;
  const arityOk = args.length === params.length;
  if (!arityOk) ctx.error(call.span, msg.arity(def.name, params.length, args.length));
  const bindings = builtin.generic ? new Map<string, Type>() : null;
  for (let i = 0; i < args.length; i++) {
    if (i >= params.length) {
      inferExpr(ctx, args[i], null);
      continue;
    }
    const param = params[i];
    if (param.kind === 'Any') {
      const actual = inferExpr(ctx, args[i], null);
      if (actual !== STRING && actual.kind !== 'Invalid' && actual.kind !== 'Unknown')
        ctx.useEra('console-any');
      continue;
    }
    if (bindings === null) {
      const actual = inferExpr(ctx, args[i], param);
      if (arityOk && !compatible(param, actual)) {
        ctx.error(args[i].span, msg.argument(i + 1, def.name, ctx.show(param), ctx.show(actual)));
      }
      continue;
    }
    const actual = inferExpr(ctx, args[i], instantiate(param, bindings, UNKNOWN));
    if (!unify(param, actual, bindings) && arityOk) {
      const shown = ctx.show(instantiate(param, bindings, null));
      ctx.error(args[i].span, msg.argument(i + 1, def.name, shown, ctx.show(actual)));
    }
  }
  if (bindings === null) return signature.ret;
  const ret = instantiate(signature.ret, bindings, UNKNOWN);
  if (expected !== null && hasHoles(ret)) return join(ret, expected) ?? ret;
  return ret;
}

/**
 * Substitutes bound type variables. Unbound ones become `unbound` (a hole), or stay as the variable when
 * `unbound` is `null` (for messages: `List<T>`).
 */
function instantiate(type: Type, bindings: Map<string, Type>, unbound: Type | null): Type {
  switch (type.kind) {
    case 'Var':
      return bindings.get(type.name) ?? unbound ?? type;
    case 'List':
    case 'Vector': {
      const elem = instantiate(type.elem, bindings, unbound);
      return elem === type.elem ? type : { kind: type.kind, elem };
    }
    case 'Option': {
      const inner = instantiate(type.inner, bindings, unbound);
      return inner === type.inner ? type : optionOf(inner);
    }
    case 'Map': {
      const key = instantiate(type.key, bindings, unbound);
      const value = instantiate(type.value, bindings, unbound);
      return key === type.key && value === type.value ? type : { kind: 'Map', key, value };
    }
    case 'Result': {
      const ok = instantiate(type.ok, bindings, unbound);
      const err = instantiate(type.err, bindings, unbound);
      return ok === type.ok && err === type.err ? type : resultOf(ok, err);
    }
    case 'Tuple': {
      const items = type.items.map((item) => instantiate(item, bindings, unbound));
      return items.every((item, i) => item === type.items[i]) ? type : { kind: 'Tuple', items };
    }
    case 'Fn': {
      const params = type.params.map((param) => instantiate(param, bindings, unbound));
      const ret = instantiate(type.ret, bindings, unbound);
      const same = ret === type.ret && params.every((param, i) => param === type.params[i]);
      return same ? type : { kind: 'Fn', params, ret, effects: type.effects };
    }
    default:
      return type;
  }
}

/** Matches an argument type against a parameter type, binding type variables; `false` on a mismatch. */
function unify(param: Type, actual: Type, bindings: Map<string, Type>): boolean {
  const ak = actual.kind;
  if (param.kind === 'Var') {
    if (ak === 'Invalid') return true;
    const bound = bindings.get(param.name);
    if (bound === undefined) {
      bindings.set(param.name, actual);
      return true;
    }
    const joined = join(bound, actual);
    if (joined === null) return false;
    bindings.set(param.name, joined);
    return true;
  }
  if (ak === 'Unknown' || ak === 'Invalid' || ak === 'Any' || ak === 'Var') return true;
  switch (param.kind) {
    case 'Unknown':
    case 'Invalid':
    case 'Any':
      return true;
    case 'List':
    case 'Vector':
      return ak === param.kind && unify(param.elem, (actual as typeof param).elem, bindings);
    case 'Option':
      return ak === 'Option' && unify(param.inner, (actual as typeof param).inner, bindings);
    case 'Map': {
      if (ak !== 'Map') return false;
      const other = actual as typeof param;
      return unify(param.key, other.key, bindings) && unify(param.value, other.value, bindings);
    }
    case 'Result': {
      if (ak !== 'Result') return false;
      const other = actual as typeof param;
      return unify(param.ok, other.ok, bindings) && unify(param.err, other.err, bindings);
    }
    case 'Tuple': {
      if (ak !== 'Tuple') return false;
      const other = actual as typeof param;
      if (other.items.length !== param.items.length) return false;
      return param.items.every((item, i) => unify(item, other.items[i], bindings));
    }
    case 'Fn': {
      if (ak !== 'Fn') return false;
      const other = actual as typeof param;
      if (other.params.length !== param.params.length) return false;
      if (!param.params.every((item, i) => unify(item, other.params[i], bindings))) return false;
      return unify(param.ret, other.ret, bindings) && effectsCovered(param.effects, other.effects);
    }
    case 'Named':
      return ak === 'Named' && (actual as typeof param).name === param.name;
    default:
      return ak === param.kind;
  }
}

/** `User(name = …, age = …)`: every field exactly once, by name, with its declared type (§2.2). */
function constructRecord(ctx: CheckContext, call: Call, info: TypeInfo): Type {
  if (info.kind !== 'record') {
    ctx.error(call.callee.span, msg.notARecord(info.name));
    return inferArgsLoosely(ctx, call);
  }
  if (info.opaque && info.module !== ctx.module) ctx.error(call.callee.span, msg.opaqueConstruct(info.name));
  if (call.args.length > 0) {
    ctx.error(call.args[0].span, msg.recordNeedsNamedFields(info.name));
    for (const arg of call.args) inferExpr(ctx, arg, null);
  }
  const fields = info.fields;
  const fieldOrder: number[] = new Array(fields.length).fill(-1);
  const named = call.named;
  for (let j = 0; j < named.length; j++) {
    const arg = named[j];
    const index = info.fieldIndex.get(arg.name);
    if (index === undefined) {
      ctx.error(arg.span, msg.unknownField(info.name, arg.name));
      inferExpr(ctx, arg.value, null);
      continue;
    }
    const fieldType = fields[index].type;
    if (fieldOrder[index] !== -1) ctx.error(arg.span, msg.duplicateField(info.name, arg.name));
    else fieldOrder[index] = j;
    const actual = inferExpr(ctx, arg.value, fieldType);
    if (!compatible(fieldType, actual)) {
      ctx.error(arg.value.span, msg.fieldType(info.name, arg.name, ctx.show(fieldType), ctx.show(actual)));
    }
  }
  for (let i = 0; i < fields.length; i++) {
    if (fieldOrder[i] === -1) ctx.error(call.span, msg.missingField(info.name, fields[i].name));
  }
  call.target = { kind: 'record', typeName: info.name, fieldOrder };
  return info.type;
}

/** `User.update(u, age = 31)`: one base value of the record type, then named fields to replace. */
function updateRecord(ctx: CheckContext, call: Call, info: RecordTypeInfo): Type {
  if (info.opaque && info.module !== ctx.module) ctx.error(call.callee.span, msg.opaqueConstruct(info.name));
  const label = `${info.name}.update`;
  if (call.args.length !== 1) ctx.error(call.span, msg.arity(label, 1, call.args.length));
  for (let i = 0; i < call.args.length; i++) {
    const actual = inferExpr(ctx, call.args[i], i === 0 ? info.type : null);
    if (i === 0 && !compatible(info.type, actual)) {
      ctx.error(call.args[0].span, msg.argument(1, label, ctx.show(info.type), ctx.show(actual)));
    }
  }
  const fieldIndexes: number[] = [];
  const seen = new Set<number>();
  for (const arg of call.named) {
    const index = info.fieldIndex.get(arg.name);
    if (index === undefined) {
      ctx.error(arg.span, msg.unknownField(info.name, arg.name));
      inferExpr(ctx, arg.value, null);
      fieldIndexes.push(-1);
      continue;
    }
    if (seen.has(index)) ctx.error(arg.span, msg.duplicateField(info.name, arg.name));
    seen.add(index);
    fieldIndexes.push(index);
    const fieldType = info.fields[index].type;
    const actual = inferExpr(ctx, arg.value, fieldType);
    if (!compatible(fieldType, actual)) {
      ctx.error(arg.value.span, msg.fieldType(info.name, arg.name, ctx.show(fieldType), ctx.show(actual)));
    }
  }
  call.target = { kind: 'recordUpdate', typeName: info.name, fieldIndexes };
  return info.type;
}
