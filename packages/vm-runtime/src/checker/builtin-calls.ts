import type { Call } from '../ast.js';
import type { BuiltinInfo } from './builtin-registry.js';
import { inferArgsLoosely, rejectNamedArgs } from './call-args.js';
import type { CheckContext } from './context.js';
import { inferExpr } from './infer.js';
import { checkerMessages as msg } from './messages.js';
import {
  compatible,
  effectsCovered,
  hasHoles,
  join,
  optionOf,
  resultOf,
  STRING,
  type Type,
  UNKNOWN,
} from './types.js';

/**
 * A built-in call: type variables are instantiated from the arguments left to right (a variable that is already
 * bound pushes its type into later empty literals), then substituted into the return type (language reference:
 * "Type system: types").
 */
export function callBuiltin(
  ctx: CheckContext,
  call: Call,
  builtin: BuiltinInfo,
  expected: Type | null,
): Type {
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
