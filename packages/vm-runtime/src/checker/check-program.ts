import type { BindingStmt, Expr, FnDecl, SourceFile, SyntaxEra } from '../ast.js';
import { BUILTIN_RECORDS } from '../builtins/records.js';
import { BUILTIN_CONSTANT_TYPES, BUILTIN_SIGNATURES } from '../builtins/signatures.js';
import type { Diagnostic } from '../diagnostics.js';
import { checkFunction, checkTopLevel, type TopLevelEntry } from './bodies.js';
import { type BuiltinRegistry, createBuiltinRegistry } from './builtin-registry.js';
import { CheckContext } from './context.js';
import { checkExposes, declareFunctions, declareTypes, resolveTypeBodies } from './declarations.js';
import {
  createModuleInfo,
  type GlobalInfo,
  type ModuleInfo,
  type ProgramEnv,
  type RecordTypeInfo,
} from './environment.js';
import { type TupleStyle, type Type, namedType } from './types.js';
import { type CheckedVerifyBlock, checkVerifyBlock } from './verify.js';

/** What the checker needs from the module loader (structurally `LoadedProgram` of module-loader.ts). */
export interface ProgramInput {
  readonly entry: SourceFile;
  /** Dependencies by dotted module path; the entry is not in it. */
  readonly modules: ReadonlyMap<string, SourceFile>;
  /** Dependency keys, dependencies before their dependents. */
  readonly order: readonly string[];
}

/** A function with its resolved signature. `module` is the dotted module path, `null` for the entry file. */
export interface CheckedFunction {
  readonly decl: FnDecl;
  readonly module: string | null;
  /** `fib` in the entry, `Data.Fibonacci.fib` in a dependency. */
  readonly qualifiedName: string;
  readonly params: readonly Type[];
  readonly ret: Type;
  /** The declared `! [..]` entries (`Console.print` or a namespace such as `Console`). */
  readonly effects: readonly string[];
}

/** A user or built-in type by qualified name. Field and variant order is declaration order. */
export type CheckedType =
  | {
      readonly kind: 'record';
      readonly name: string;
      readonly fields: readonly { readonly name: string; readonly type: Type }[];
    }
  | {
      readonly kind: 'sum';
      readonly name: string;
      readonly variants: readonly { readonly name: string; readonly fields: readonly Type[] }[];
    };

/** A top-level binding (run in `__top_level__` before `main`). */
export interface CheckedGlobal {
  /** The bound name as written. */
  readonly name: string;
  /** The name `NameResolution.global` refers to: `x` in the entry, `Data.Config.x` in a dependency. */
  readonly qualifiedName: string;
  readonly module: string | null;
  readonly stmt: BindingStmt;
  readonly type: Type;
}

/** Everything the compiler needs after a successful check (the AST slots are filled in place as well). */
export interface CheckedProgram {
  readonly entry: SourceFile;
  readonly modules: ReadonlyMap<string, SourceFile>;
  readonly order: readonly string[];
  /**
   * Every function that will run, by qualified name (a duplicate name keeps its last definition, language reference:
   * "Top-level items").
   */
  readonly functions: Map<string, CheckedFunction>;
  /** Every user type (qualified) and every built-in record (`HttpResponse`, `Tcp.Connection`, …). */
  readonly types: Map<string, CheckedType>;
  /** Top-level bindings in run order: dependencies first (in `order`), then the entry. */
  readonly globals: readonly CheckedGlobal[];
  /** Every top-level statement (bindings and bare expressions) in run order, same order as `globals`. */
  readonly topLevel: readonly TopLevelEntry[];
  /** The type of every expression the checker visited (all expressions of checked bodies). */
  readonly exprTypes: Map<Expr, Type>;
  /** The bound type of every binding statement (the annotation when present, else the inferred type). */
  readonly bindingTypes: Map<BindingStmt, Type>;
  /** Every verify block of every file, in file order. */
  readonly verifyBlocks: readonly CheckedVerifyBlock[];
  /** How tuple types are rendered in messages for this program. */
  readonly tupleStyle: TupleStyle;
  /** Which `Int.mod` the program's era has (see `intModStyleOf`). */
  readonly intModStyle: IntModStyle;
}

/**
 * `Int.mod` took the truncated remainder (Rust `%`, sign of the dividend) up to 0.17.0 and the Euclidean one from
 * 0.17.1 on (language reference: "Pure namespaces", "Runtime semantics: Int",
 * "What changed between 0.1.0 and the newest versions").
 */
export type IntModStyle = 'truncated' | 'euclidean';

/** The result of `checkProgram`: diagnostics (errors and warnings) and the annotated program. */
export interface CheckResult {
  readonly diagnostics: Diagnostic[];
  readonly program: CheckedProgram;
}

let registry: BuiltinRegistry | null = null;

/** The built-in table indexed for the checker, built once per process. */
function builtinRegistry(): BuiltinRegistry {
  registry ??= createBuiltinRegistry(BUILTIN_SIGNATURES, BUILTIN_RECORDS, BUILTIN_CONSTANT_TYPES);
  return registry;
}

/**
 * Type-checks a loaded program (language reference: "Type system and checker"): signatures, local inference, records,
 * matches and their exhaustiveness, operators, `?`, effects, modules and visibility, verify blocks. Errors are
 * collected, never thrown; the AST annotation slots (`Ident.resolution`, `Member.resolution`, `Call.target`,
 * `ConstructorPattern.resolution`, `Binary.operandKind`, `Negate.operandKind`) are filled in place.
 *
 * @param loaded - The entry file and its dependencies, as `loadProgram` returns them.
 * @returns The diagnostics, sorted by file (dependency order, entry last) and position, and the checked program.
 */
export function checkProgram(loaded: ProgramInput): CheckResult {
  const builtins = builtinRegistry();
  const env: ProgramEnv = { builtins, types: new Map(), functions: new Map() };
  for (const record of builtins.records.values()) {
    const info: RecordTypeInfo = {
      kind: 'record',
      name: record.name,
      fields: [...record.fields],
      fieldIndex: new Map(record.fields.map((field, index) => [field.name, index])),
      module: null,
      opaque: false,
      type: namedType(record.name),
    };
    env.types.set(record.name, info);
  }

  const modules: ModuleInfo[] = [];
  const byKey = new Map<string, ModuleInfo>();
  for (const key of loaded.order) {
    const file = loaded.modules.get(key);
    if (file === undefined || file === loaded.entry || byKey.has(key)) continue;
    const info = createModuleInfo(key, file);
    modules.push(info);
    byKey.set(key, info);
  }
  for (const [key, file] of loaded.modules) {
    if (byKey.has(key) || file === loaded.entry) continue;
    const info = createModuleInfo(key, file);
    modules.push(info);
    byKey.set(key, info);
  }
  modules.push(createModuleInfo(null, loaded.entry));
  for (const module of modules) {
    for (const dependency of module.file.module?.depends ?? []) {
      const path = dependency.path.join('.');
      const dep = byKey.get(path);
      if (dep !== undefined) module.deps.set(path, dep);
      else module.missingDeps.add(path);
    }
  }

  const ctx = new CheckContext(env, tupleStyleOf(modules));
  for (const module of modules) declareTypes(ctx, module);
  for (const module of modules) resolveTypeBodies(ctx, module);
  for (const module of modules) declareFunctions(ctx, module);

  const globals: GlobalInfo[] = [];
  const topLevel: TopLevelEntry[] = [];
  const verifyBlocks: CheckedVerifyBlock[] = [];
  for (const module of modules) {
    checkTopLevel(ctx, module, topLevel, globals);
    for (const fn of module.functions.values())
      ctx.guardDepth(fn.decl.nameSpan, () => checkFunction(ctx, fn));
    for (const item of module.file.items) {
      if (item.kind !== 'Verify') continue;
      ctx.guardDepth(item.span, () => verifyBlocks.push(checkVerifyBlock(ctx, module, item)));
    }
    checkExposes(ctx, module);
  }

  const functions = new Map<string, CheckedFunction>();
  for (const fn of env.functions.values()) {
    functions.set(fn.qualifiedName, {
      decl: fn.decl,
      module: fn.module.key,
      qualifiedName: fn.qualifiedName,
      params: fn.params,
      ret: fn.ret,
      effects: fn.effects,
    });
  }
  const program: CheckedProgram = {
    entry: loaded.entry,
    modules: loaded.modules,
    order: loaded.order,
    functions,
    types: env.types as Map<string, CheckedType>,
    globals: globals.map((global) => ({
      name: global.name,
      qualifiedName: global.qualifiedName,
      module: global.module.key,
      stmt: global.stmt,
      type: global.type,
    })),
    topLevel,
    exprTypes: ctx.exprTypes,
    bindingTypes: ctx.bindingTypes,
    verifyBlocks,
    tupleStyle: ctx.tupleStyle,
    intModStyle: intModStyleOf(modules),
  };
  return { diagnostics: sortDiagnostics(ctx.diagnostics, modules), program };
}

/** Tuple types render as `Tuple<A, B>` when the program writes that form anywhere, else as `(A, B)`. */
function tupleStyleOf(modules: readonly ModuleInfo[]): TupleStyle {
  return modules.some((module) => module.file.eras.has('tuple-type-angle')) ? 'angle' : 'paren';
}

/**
 * Forms that exist only up to 0.17.0 (language reference: "What changed between 0.1.0 and the newest versions"): a
 * program written with them is from a truncated-`Int.mod` release.
 */
const ERAS_UP_TO_0_17_0 = [
  'tuple-type-paren',
  'map-empty-call',
  'conversion-0.16',
  'builtin-until-0.16',
  'console-any',
] as const;

/** Forms that exist only from 0.17.1 on. */
const ERAS_FROM_0_17_1 = ['tuple-type-angle', 'int-div-call'] as const;

/**
 * The program's `Int.mod`, read off the era-specific forms its files use (recorded by the parser and the checker,
 * so call this after checking): truncated when some file uses a form removed by 0.17.0 and none uses a form of
 * 0.17.1 or later; Euclidean otherwise, the rule of every release from 0.17.1 to the newest.
 */
function intModStyleOf(modules: readonly ModuleInfo[]): IntModStyle {
  const uses = (eras: readonly SyntaxEra[]) =>
    modules.some((module) => eras.some((era) => module.file.eras.has(era)));
  return uses(ERAS_UP_TO_0_17_0) && !uses(ERAS_FROM_0_17_1) ? 'truncated' : 'euclidean';
}

/** Orders diagnostics by file (dependency order, entry last), then by position; stable for equal positions. */
function sortDiagnostics(diagnostics: Diagnostic[], modules: readonly ModuleInfo[]): Diagnostic[] {
  const fileRank = new Map<string, number>();
  for (let index = 0; index < modules.length; index++) fileRank.set(modules[index].file.path, index);
  return diagnostics
    .map((diagnostic, index) => ({ diagnostic, index }))
    .sort(
      (a, b) =>
        (fileRank.get(a.diagnostic.span.file) ?? 0) - (fileRank.get(b.diagnostic.span.file) ?? 0) ||
        a.diagnostic.span.start - b.diagnostic.span.start ||
        a.index - b.index,
    )
    .map((entry) => entry.diagnostic);
}
