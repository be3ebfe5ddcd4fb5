import type { Expr, Ident, Member } from '../ast.js';
import type { CheckContext } from './context.js';
import {
  isVisible,
  lookupBareType,
  type ModuleInfo,
  shortTypeName,
  type TypeInfo,
  type VariantRef,
} from './environment.js';
import { inferExpr } from './infer.js';
import { projectionMember } from './trace-projections.js';
import { checkerMessages as msg } from './messages.js';
import { type FnType, INVALID, optionOf, resultOf, type Type, UNKNOWN } from './types.js';

/**
 * What a name chain (`Data.Fibonacci`, `Shape`, `List`, `u.name`) denotes before the last segment is applied
 * (language reference: "Expressions, precedence and associativity": chains are parsed as member accesses and the
 * checker decides what they mean).
 */
export type PathMeaning =
  | { readonly kind: 'value'; readonly type: Type }
  | { readonly kind: 'module'; readonly module: ModuleInfo; readonly path: string }
  /** The first segments of a dependency path (`Data` of `Data.Fibonacci`). */
  | { readonly kind: 'prefix'; readonly path: string }
  | { readonly kind: 'type'; readonly info: TypeInfo }
  /** A built-in namespace (`List`, `Console`, `Option`, `Result`, `Tcp`, …). */
  | { readonly kind: 'namespace'; readonly name: string }
  /** Already reported, or inside a dependency that failed to load. */
  | { readonly kind: 'invalid' };

const INVALID_PATH: PathMeaning = { kind: 'invalid' };

/** The function-value type of `Option.Some`, `Result.Ok`, `Result.Err`. */
export const WRAPPER_FN_TYPES: Readonly<Record<string, FnType>> = {
  'Option.Some': { kind: 'Fn', params: [{ kind: 'Var', name: 'T' }], ret: optionOf(UNKNOWN), effects: [] },
  'Result.Ok': {
    kind: 'Fn',
    params: [{ kind: 'Var', name: 'T' }],
    ret: resultOf(UNKNOWN, UNKNOWN),
    effects: [],
  },
  'Result.Err': {
    kind: 'Fn',
    params: [{ kind: 'Var', name: 'E' }],
    ret: resultOf(UNKNOWN, UNKNOWN),
    effects: [],
  },
};

/** The shared resolutions (and call targets) of the built-in wrapper variants. */
export const WRAPPER_REFS: Readonly<Record<string, VariantRef>> = {
  'Option.Some': { kind: 'variant', typeName: 'Option', variant: 'Some' },
  'Option.None': { kind: 'variant', typeName: 'Option', variant: 'None' },
  'Result.Ok': { kind: 'variant', typeName: 'Result', variant: 'Ok' },
  'Result.Err': { kind: 'variant', typeName: 'Result', variant: 'Err' },
};

/** True when `name` is `Some`/`None` of `Option` or `Ok`/`Err` of `Result`. */
export function isWrapperVariant(namespace: string, name: string): boolean {
  return namespace === 'Option'
    ? name === 'Some' || name === 'None'
    : namespace === 'Result' && (name === 'Ok' || name === 'Err');
}

/** Resolves the object of a member access or call: a value, a module, a type, a namespace. */
export function resolvePath(ctx: CheckContext, expr: Expr): PathMeaning {
  if (expr.kind === 'Ident') return resolveIdentPath(ctx, expr);
  if (expr.kind === 'Member') return resolveMemberPath(ctx, expr);
  return { kind: 'value', type: inferExpr(ctx, expr, null) };
}

/** Resolves a bare name used as a value (`x`, `fib`, a global); reports unknown names. */
export function inferIdentValue(ctx: CheckContext, ident: Ident): Type {
  const value = lookupValue(ctx, ident);
  if (value !== null) return value;
  ctx.error(ident.span, msg.unknownIdentifier(ident.name));
  return INVALID;
}

/** Resolves `a.b` used as a value: a field, a nullary variant, a function of a module, a built-in value. */
export function inferMemberValue(ctx: CheckContext, member: Member): Type {
  const meaning = resolveMemberPath(ctx, member);
  switch (meaning.kind) {
    case 'value':
      return meaning.type;
    case 'invalid':
      return INVALID;
    default:
      ctx.error(member.span, msg.unknownIdentifier(ctx.nameOf(member)));
      return INVALID;
  }
}

/** Looks a bare name up among locals, functions and globals of the current module and annotates the ident. */
function lookupValue(ctx: CheckContext, ident: Ident): Type | null {
  const name = ident.name;
  const local = ctx.scope.lookup(name);
  if (local !== undefined) {
    ident.resolution = local.ref;
    return local.type;
  }
  const fn = ctx.module.functions.get(name);
  if (fn !== undefined) {
    ident.resolution = fn.ref;
    return fn.fnType;
  }
  const global = ctx.module.globals.get(name);
  if (global !== undefined) {
    ident.resolution = global.ref;
    return global.type;
  }
  return null;
}

function record(ctx: CheckContext, expr: Expr, type: Type): Type {
  ctx.exprTypes.set(expr, type);
  return type;
}

function resolveIdentPath(ctx: CheckContext, ident: Ident): PathMeaning {
  const value = lookupValue(ctx, ident);
  if (value !== null) return { kind: 'value', type: record(ctx, ident, value) };
  const name = ident.name;
  const module = ctx.module;
  const localType = module.types.get(name);
  if (localType !== undefined) return { kind: 'type', info: localType };
  const dep = module.deps.get(name);
  if (dep !== undefined) return { kind: 'module', module: dep, path: name };
  const bare = bareDependencyType(ctx, name, ident);
  if (bare !== undefined) return bare === null ? INVALID_PATH : { kind: 'type', info: bare };
  if (ctx.env.builtins.namespaces.has(name)) return { kind: 'namespace', name };
  if (ctx.env.builtins.records.has(name)) {
    const info = ctx.env.types.get(name);
    if (info !== undefined) return { kind: 'type', info };
  }
  return resolveModulePath(ctx, name, ident);
}

/**
 * A type of a direct dependency named bare (Oracle addendum: "`depends` name resolution": `Tile`, `Tile.Wall`,
 * `Entity.update(…)`); `null` when several dependencies expose the name (reported), `undefined` when none does.
 */
export function bareDependencyType(ctx: CheckContext, name: string, at: Expr): TypeInfo | null | undefined {
  const bare = lookupBareType(ctx.module, name);
  if (bare === null) return undefined;
  if (bare.kind === 'type') return bare.info;
  ctx.error(at.span, msg.ambiguousTypeName(ctx.where(), name, bare.modules));
  return null;
}

/** Resolves a dotted path that is not a local name: a dependency, a prefix of one, or unknown. */
function resolveModulePath(ctx: CheckContext, path: string, at: Expr): PathMeaning {
  const module = ctx.module;
  const dep = module.deps.get(path);
  if (dep !== undefined) return { kind: 'module', module: dep, path };
  if (hasPathPrefix(module.deps.keys(), path)) return { kind: 'prefix', path };
  if (module.missingDeps.has(path) || hasPathPrefix(module.missingDeps.values(), path)) return INVALID_PATH;
  ctx.error(at.span, msg.unknownIdentifier(path));
  return INVALID_PATH;
}

function hasPathPrefix(paths: Iterable<string>, prefix: string): boolean {
  for (const path of paths) {
    if (path.length > prefix.length && path.charCodeAt(prefix.length) === 46 && path.startsWith(prefix))
      return true;
  }
  return false;
}

function resolveMemberPath(ctx: CheckContext, member: Member): PathMeaning {
  const base = resolvePath(ctx, member.object);
  const name = member.name;
  switch (base.kind) {
    case 'value':
      return { kind: 'value', type: record(ctx, member, fieldAccess(ctx, member, base.type)) };
    case 'invalid':
      return INVALID_PATH;
    case 'prefix':
      return resolveModulePath(ctx, `${base.path}.${name}`, member);
    case 'module':
      return resolveModuleMember(ctx, member, base.module, base.path);
    case 'type':
      return resolveTypeMember(ctx, member, base.info);
    case 'namespace':
      return resolveNamespaceMember(ctx, member, base.name);
  }
}

function resolveModuleMember(ctx: CheckContext, member: Member, dep: ModuleInfo, path: string): PathMeaning {
  const name = member.name;
  const nested = `${path}.${name}`;
  if (ctx.module.deps.has(nested) || hasPathPrefix(ctx.module.deps.keys(), nested)) {
    return resolveModulePath(ctx, nested, member);
  }
  if (isVisible(dep, name)) {
    const fn = dep.functions.get(name);
    if (fn !== undefined) {
      member.resolution = fn.ref;
      return { kind: 'value', type: record(ctx, member, fn.fnType) };
    }
    const global = dep.globals.get(name);
    if (global !== undefined) {
      member.resolution = global.ref;
      return { kind: 'value', type: record(ctx, member, global.type) };
    }
    const type = dep.types.get(name);
    if (type !== undefined) return { kind: 'type', info: type };
  }
  // `depends [Tile]` whose module declares `type Tile`: `Tile.Wall` is the bare type's variant.
  const sameNamed = path.includes('.') ? undefined : lookupBareType(ctx.module, path);
  if (sameNamed?.kind === 'type') return resolveTypeMember(ctx, member, sameNamed.info);
  ctx.error(member.span, msg.unknownMember(path, name));
  return INVALID_PATH;
}

function resolveTypeMember(ctx: CheckContext, member: Member, info: TypeInfo): PathMeaning {
  const index = info.kind === 'sum' ? info.variantIndex.get(member.name) : undefined;
  if (index === undefined && ctx.env.builtins.namespaces.has(shortTypeName(info))) {
    // A user type named like a built-in namespace (`record Time`, `type Char`) hides only its own members.
    return resolveNamespaceMember(ctx, member, shortTypeName(info));
  }
  if (info.kind !== 'sum' || index === undefined) {
    ctx.error(member.span, msg.unknownConstructor(`${info.name}.${member.name}`));
    return INVALID_PATH;
  }
  if (info.opaque && info.module !== ctx.module)
    ctx.error(member.span, msg.opaqueConstruct(shortTypeName(info)));
  const variant = info.variants[index];
  member.resolution = variant.ref;
  const fields = variant.fields;
  const type: Type =
    fields.length === 0 ? info.type : { kind: 'Fn', params: fields, ret: info.type, effects: [] };
  return { kind: 'value', type: record(ctx, member, type) };
}

function resolveNamespaceMember(ctx: CheckContext, member: Member, namespace: string): PathMeaning {
  const name = member.name;
  if (isWrapperVariant(namespace, name)) {
    member.resolution = WRAPPER_REFS[`${namespace}.${name}`];
    const type = name === 'None' ? optionOf(UNKNOWN) : WRAPPER_FN_TYPES[`${namespace}.${name}`];
    return { kind: 'value', type: record(ctx, member, type) };
  }
  const qualified = `${namespace}.${name}`;
  const constant = ctx.env.builtins.constants.get(qualified);
  if (constant !== undefined) {
    member.resolution = { kind: 'constant', name: qualified };
    return { kind: 'value', type: record(ctx, member, constant) };
  }
  const builtin = ctx.env.builtins.functions.get(qualified);
  if (builtin !== undefined) {
    member.resolution = builtin.ref;
    if (builtin.era !== null) ctx.useEra(builtin.era);
    return { kind: 'value', type: record(ctx, member, builtin.fnType) };
  }
  const recordInfo = ctx.env.builtins.records.has(qualified) ? ctx.env.types.get(qualified) : undefined;
  if (recordInfo !== undefined) return { kind: 'type', info: recordInfo };
  ctx.error(member.span, msg.unknownIdentifier(qualified));
  return INVALID_PATH;
}

/** Types `object.field`, annotating the member with the field's declaration index. */
export function fieldAccess(ctx: CheckContext, member: Member, objectType: Type): Type {
  if (objectType.kind === 'Invalid') return INVALID;
  const projected = projectionMember(ctx, member, objectType);
  if (projected !== null) return projected;
  if (objectType.kind === 'Named') {
    const info = ctx.env.types.get(objectType.name);
    if (info !== undefined && info.kind === 'record') {
      const index = info.fieldIndex.get(member.name);
      if (index === undefined) {
        ctx.error(member.span, msg.unknownField(info.name, member.name));
        return INVALID;
      }
      if (info.opaque && info.module !== ctx.module) {
        ctx.error(member.span, msg.opaqueFieldAccess(shortTypeName(info), member.name));
      }
      member.resolution = { kind: 'field', recordType: info.name, field: member.name, index };
      return info.fields[index].type;
    }
  }
  ctx.error(member.span, msg.fieldAccessOnNonRecord(ctx.show(objectType)));
  return INVALID;
}
