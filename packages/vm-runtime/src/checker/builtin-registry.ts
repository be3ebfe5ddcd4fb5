import type { NameResolution, SyntaxEra } from '../ast.js';
import type { BuiltinSignature } from '../builtins/builtin-def.js';
import { parseSignature, parseSignatureType, type Signature } from './signature.js';
import { type FnType, hasHoles, INVALID, type Type } from './types.js';

/** A built-in function as the checker sees it: the table row, its parsed signature and its function-value type. */
export interface BuiltinInfo {
  readonly def: BuiltinSignature;
  /** `null` when the row's signature does not parse (then any arguments are accepted). */
  readonly signature: Signature | null;
  /** The type of the built-in used as a value (`Fn(String) -> Int`), with type variables as written. */
  readonly fnType: FnType;
  /**
   * The era tag recorded on the source file when a program uses this name (language reference:
   * "What changed between 0.1.0 and the newest versions").
   */
  readonly era: SyntaxEra | null;
  /** True when the signature mentions a type variable (calls then instantiate it). */
  readonly generic: boolean;
  /** The resolution shared by every use (also its `CallTarget`). */
  readonly ref: Extract<NameResolution, { kind: 'builtin' }>;
}

/** A built-in record type (`HttpResponse`, `Tcp.Connection`, …) with its field names and types in order. */
export interface BuiltinRecordInfo {
  readonly name: string;
  readonly fields: readonly { readonly name: string; readonly type: Type }[];
}

/** The raw row shape for a built-in record: field names with their types in Aver syntax. */
export interface BuiltinRecordRow {
  readonly name: string;
  readonly fields: readonly { readonly name: string; readonly type: string }[];
}

/** Everything the checker reads from the built-in table, indexed for lookups. */
export interface BuiltinRegistry {
  readonly functions: ReadonlyMap<string, BuiltinInfo>;
  /** Namespaces that have built-ins (`List`, `Console`, …), plus `Option` and `Result`. */
  readonly namespaces: ReadonlySet<string>;
  readonly records: ReadonlyMap<string, BuiltinRecordInfo>;
  /** Every effect a `! [..]` list may name: each service function and each service namespace. */
  readonly effects: ReadonlySet<string>;
  /** Built-in values that are not functions (`BranchPath.Root`), with their types. */
  readonly constants: ReadonlyMap<string, Type>;
}

/**
 * Names that exist only in some eras, mapped to the tag recorded when a program uses them (language reference:
 * "What changed between 0.1.0 and the newest versions", "Recommendations for the TypeScript implementation", item 1).
 */
const ERA_NAMES: Readonly<Record<string, SyntaxEra>> = {
  'Map.empty': 'map-empty-call',
  'Int.toString': 'conversion-0.16',
  'Float.toString': 'conversion-0.16',
  'Int.toFloat': 'conversion-0.16',
  'Float.toInt': 'conversion-0.16',
  'Int.div': 'int-div-call',
};

/**
 * Indexes the built-in table for the checker: parses every signature once and collects namespaces and effects.
 *
 * @param defs - The rows of `BUILTIN_SIGNATURES`.
 * @param records - The built-in record types.
 * @returns The registry.
 */
export function createBuiltinRegistry(
  defs: readonly BuiltinSignature[],
  records: readonly BuiltinRecordRow[],
  constants: ReadonlyMap<string, { readonly type: string }> = new Map(),
): BuiltinRegistry {
  const functions = new Map<string, BuiltinInfo>();
  const namespaces = new Set<string>(['Option', 'Result']);
  const effects = new Set<string>();
  for (const def of defs) {
    const signature = parseSignature(def.signature);
    const fnType: FnType = signature
      ? { kind: 'Fn', params: signature.params, ret: signature.ret, effects: def.effects }
      : { kind: 'Fn', params: [], ret: INVALID, effects: def.effects };
    functions.set(def.name, {
      def,
      signature,
      fnType,
      era: ERA_NAMES[def.name] ?? (def.era?.removedIn === '0.17.0' ? 'builtin-until-0.16' : null),
      generic: signature !== null && (signature.params.some(hasHoles) || hasHoles(signature.ret)),
      ref: { kind: 'builtin', name: def.name },
    });
    const dot = def.name.lastIndexOf('.');
    if (dot > 0) namespaces.add(def.name.slice(0, dot));
    for (const effect of def.effects) {
      effects.add(effect);
      const effectDot = effect.lastIndexOf('.');
      if (effectDot > 0) effects.add(effect.slice(0, effectDot));
    }
  }
  const recordInfos = new Map<string, BuiltinRecordInfo>();
  for (const row of records) {
    const fields = row.fields.map((field) => ({
      name: field.name,
      type: parseSignatureType(field.type) ?? INVALID,
    }));
    recordInfos.set(row.name, { name: row.name, fields });
  }
  const constantTypes = new Map<string, Type>();
  for (const [name, constant] of constants) {
    constantTypes.set(name, parseSignatureType(constant.type) ?? INVALID);
    namespaces.add(name.slice(0, name.lastIndexOf('.')));
  }
  return { functions, namespaces, records: recordInfos, effects, constants: constantTypes };
}
