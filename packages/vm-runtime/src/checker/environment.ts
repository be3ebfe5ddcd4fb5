import type { BindingStmt, FnDecl, NameResolution, SourceFile, Span, TypeExpr } from '../ast.js';
import type { BuiltinRegistry } from './builtin-registry.js';
import { checkerMessages as msg } from './messages.js';
import {
  BOOL,
  FLOAT,
  type FnType,
  INT,
  INVALID,
  listOf,
  namedType,
  optionOf,
  resultOf,
  STRING,
  type Type,
  UNIT,
} from './types.js';

/** A record field after type resolution. */
export interface FieldInfo {
  readonly name: string;
  readonly type: Type;
}

/** A resolution shared by every use of one variant (also its `CallTarget` and pattern resolution). */
export type VariantRef = Extract<NameResolution, { kind: 'variant' }>;
/** A resolution shared by every use of one function (also its `CallTarget`). */
export type FunctionRef = Extract<NameResolution, { kind: 'function' }>;
/** A resolution shared by every use of one global. */
export type GlobalRef = Extract<NameResolution, { kind: 'global' }>;

/** A variant of a sum type after type resolution. */
export interface VariantInfo {
  readonly name: string;
  readonly fields: readonly Type[];
  readonly ref: VariantRef;
}

/** A user or built-in record type. `module` is `null` for built-in records. */
export interface RecordTypeInfo {
  readonly kind: 'record';
  /** Qualified name: `User` in the entry, `Modules.Models.User.User` in a dependency, `Tcp.Connection` built-in. */
  readonly name: string;
  readonly fields: FieldInfo[];
  readonly fieldIndex: Map<string, number>;
  readonly module: ModuleInfo | null;
  /**
   * Listed in its module's `exposes opaque`: outside the module it cannot be built, read or matched
   * (language reference: "Modules and imports").
   */
  readonly opaque: boolean;
  readonly type: Type;
}

/** A user sum type, including the built-in-like shape of its variants. */
export interface SumTypeInfo {
  readonly kind: 'sum';
  readonly name: string;
  readonly variants: VariantInfo[];
  readonly variantIndex: Map<string, number>;
  readonly module: ModuleInfo;
  readonly opaque: boolean;
  readonly type: Type;
}

/** A record or sum type known to the checker. */
export type TypeInfo = RecordTypeInfo | SumTypeInfo;

/** A top-level function with its resolved signature. */
export interface FunctionInfo {
  readonly name: string;
  readonly qualifiedName: string;
  readonly decl: FnDecl;
  readonly module: ModuleInfo;
  readonly ref: FunctionRef;
  params: Type[];
  ret: Type;
  effects: string[];
  fnType: FnType;
}

/** A top-level binding. */
export interface GlobalInfo {
  readonly name: string;
  readonly qualifiedName: string;
  readonly module: ModuleInfo;
  readonly stmt: BindingStmt;
  readonly type: Type;
  readonly ref: GlobalRef;
}

/** One source file of the program (the entry or a dependency) and the names it defines. */
export interface ModuleInfo {
  /** Dotted module path (`Modules.Models.User`), or `null` for the entry file. */
  readonly key: string | null;
  readonly file: SourceFile;
  /** Prefix for qualified names: `''` for the entry, `'Modules.Models.User.'` for a dependency. */
  readonly prefix: string;
  /** Name used in module-level messages: the module path, or the entry's `module` name (or its path). */
  readonly displayName: string;
  readonly functions: Map<string, FunctionInfo>;
  readonly types: Map<string, TypeInfo>;
  readonly globals: Map<string, GlobalInfo>;
  /** `null` when the module has no `exposes` line (everything is visible). */
  readonly exposed: ReadonlySet<string> | null;
  readonly opaque: ReadonlySet<string>;
  /** Loaded direct dependencies by dotted path. */
  readonly deps: Map<string, ModuleInfo>;
  /** Direct dependencies that failed to load: references into them are silently `Invalid`. */
  readonly missingDeps: Set<string>;
  /** Module `effects [..]` boundary (0.13+), or `null`. */
  readonly boundary: readonly string[] | null;
}

/** The program-wide environment shared by every check. */
export interface ProgramEnv {
  readonly builtins: BuiltinRegistry;
  /** Every user and built-in type by qualified name. */
  readonly types: Map<string, TypeInfo>;
  /** Every function by qualified name. */
  readonly functions: Map<string, FunctionInfo>;
}

/** Creates the record of one module before any of its declarations are resolved. */
export function createModuleInfo(key: string | null, file: SourceFile): ModuleInfo {
  const decl = file.module;
  const exposed = decl?.exposes ? new Set(decl.exposes.map((entry) => entry.name)) : null;
  const opaque = new Set(decl?.exposesOpaque.map((entry) => entry.name) ?? []);
  return {
    key,
    file,
    prefix: key === null ? '' : `${key}.`,
    displayName: key ?? decl?.name ?? file.path,
    functions: new Map(),
    types: new Map(),
    globals: new Map(),
    exposed,
    opaque,
    deps: new Map(),
    missingDeps: new Set(),
    boundary: decl?.effects ? decl.effects.map((entry) => entry.name) : null,
  };
}

/**
 * True when `name` (a function, global or type of `module`) may be referenced from another module
 * (language reference: "Modules and imports").
 */
export function isVisible(module: ModuleInfo, name: string): boolean {
  return module.exposed === null || module.exposed.has(name) || module.opaque.has(name);
}

/** A type's name as declared, without its module path (`Shape` for `Data.Shapes.Shape`). */
export function shortTypeName(info: TypeInfo): string {
  return info.module === null ? info.name : info.name.slice(info.module.prefix.length);
}

/** What a bare type name means in a module: one type, or several dependencies exposing it. */
export type BareType =
  | { readonly kind: 'type'; readonly info: TypeInfo }
  | { readonly kind: 'ambiguous'; readonly modules: readonly string[] };

/**
 * A type named without a module path in `module` (Oracle addendum: "`depends` name resolution"): its own declaration,
 * else a type of a direct dependency that the dependency exposes (`exposes opaque` included); `ambiguous` when
 * several dependencies expose the name, `null` when none does. Functions are never reachable this way.
 */
export function lookupBareType(module: ModuleInfo, name: string): BareType | null {
  const local = module.types.get(name);
  if (local !== undefined) return { kind: 'type', info: local };
  let found: TypeInfo | null = null;
  const modules: string[] = [];
  for (const [path, dep] of module.deps) {
    const info = dep.types.get(name);
    if (info === undefined || !isVisible(dep, name)) continue;
    found = info;
    modules.push(path);
  }
  if (found === null) return null;
  return modules.length === 1 ? { kind: 'type', info: found } : { kind: 'ambiguous', modules };
}

/** Reports a problem; the environment functions take this instead of a whole check context. */
export type Reporter = (span: Span, message: string) => void;

const GENERIC_ARITY: Readonly<Record<string, number>> = { List: 1, Vector: 1, Option: 1, Map: 2, Result: 2 };

/**
 * Resolves a type as written in `module` to a semantic type, reporting unknown names and wrong argument counts.
 * Unknown parts become `Invalid`, so the rest of the program is still checked without cascades. `where` says
 * where the type is written (`Function 'f', parameter 's'`), for the ambiguous-name message (Oracle addendum:
 * "`depends` name resolution").
 */
export function resolveTypeExpr(
  env: ProgramEnv,
  module: ModuleInfo,
  expr: TypeExpr,
  report: Reporter,
  where = 'Type',
): Type {
  const resolve = (item: TypeExpr) => resolveTypeExpr(env, module, item, report, where);
  switch (expr.kind) {
    case 'TupleType':
      return { kind: 'Tuple', items: expr.items.map(resolve) };
    case 'FnType':
      for (const effect of expr.effects) {
        if (!env.builtins.effects.has(effect.name)) report(effect.span, msg.unknownEffect(effect.name));
      }
      return {
        kind: 'Fn',
        params: expr.params.map(resolve),
        ret: resolve(expr.ret),
        effects: expr.effects.map((effect) => effect.name),
      };
    case 'NamedType':
      return resolveNamedType(env, module, expr, report, where);
  }
}

function resolveNamedType(
  env: ProgramEnv,
  module: ModuleInfo,
  expr: TypeExpr & { kind: 'NamedType' },
  report: Reporter,
  where: string,
): Type {
  const { name, args } = expr;
  // A user type may be named like a built-in generic (`record Vector` of two Floats): written without type
  // arguments, the name is the user's type.
  const shadowed = args.length === 0 && module.types.has(name);
  const arity = GENERIC_ARITY[name];
  if (!shadowed && (arity !== undefined || name === 'Tuple')) {
    const resolved = args.map((arg) => resolveTypeExpr(env, module, arg, report, where));
    if (name === 'Tuple') {
      if (resolved.length < 2) {
        report(expr.span, msg.typeArgCount(name, 2, resolved.length));
        return INVALID;
      }
      return { kind: 'Tuple', items: resolved };
    }
    if (resolved.length !== arity) {
      report(expr.span, msg.typeArgCount(name, arity, resolved.length));
      return INVALID;
    }
    switch (name) {
      case 'List':
        return listOf(resolved[0]);
      case 'Vector':
        return { kind: 'Vector', elem: resolved[0] };
      case 'Option':
        return optionOf(resolved[0]);
      case 'Map':
        return { kind: 'Map', key: resolved[0], value: resolved[1] };
      default:
        return resultOf(resolved[0], resolved[1]);
    }
  }
  const simple = primitiveType(name);
  const named = simple ?? lookupTypeName(env, module, name, expr.span, report, where);
  if (named === null) return INVALID;
  if (args.length > 0) {
    report(expr.span, msg.typeArgCount(name, 0, args.length));
    return INVALID;
  }
  return named;
}

function primitiveType(name: string): Type | null {
  switch (name) {
    case 'Int':
      return INT;
    case 'Float':
      return FLOAT;
    case 'String':
      return STRING;
    case 'Bool':
      return BOOL;
    case 'Unit':
      return UNIT;
    default:
      return null;
  }
}

/**
 * Finds a type name: the module's own, a built-in record, a bare type of a direct dependency (Oracle addendum:
 * "`depends` name resolution"), or a module-qualified one; reports and returns `null` when it is unknown, hidden or
 * ambiguous.
 */
function lookupTypeName(
  env: ProgramEnv,
  module: ModuleInfo,
  name: string,
  span: Span,
  report: Reporter,
  where: string,
): Type | null {
  const local = module.types.get(name);
  if (local) return local.type;
  const builtin = env.builtins.records.get(name);
  if (builtin) return env.types.get(name)?.type ?? namedType(name);
  const bare = lookupBareType(module, name);
  if (bare?.kind === 'type') return bare.info.type;
  if (bare?.kind === 'ambiguous') {
    report(span, msg.ambiguousTypeName(where, name, bare.modules));
    return null;
  }
  const dot = name.lastIndexOf('.');
  if (dot > 0) {
    const modulePath = name.slice(0, dot);
    const member = name.slice(dot + 1);
    const dep = module.deps.get(modulePath);
    if (dep) {
      const info = dep.types.get(member);
      if (info && isVisible(dep, member)) return info.type;
      report(span, msg.unknownMember(modulePath, member));
      return null;
    }
    if (module.missingDeps.has(modulePath)) return null;
  }
  report(span, msg.unknownType(name));
  return null;
}
