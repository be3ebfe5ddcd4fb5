import type { OperandKind } from '../ast.js';

/**
 * Semantic types of the checker (language reference: "Type system: types"). Primitive types are shared singletons, so
 * `a === INT` is the fast test. Three "soft" types are compatible with every type:
 *
 * - `Unknown`: a hole whose type is not known yet (the element of `[]` without context, an uninstantiated built-in
 *   type variable). Joining it with a concrete type fills it in.
 * - `Any`: the 0.15 "any value" parameter of `Console.print` (built-in signatures only).
 * - `Invalid`: error recovery (`Type::Invalid`); operations on it report nothing, so one error does not cascade.
 *
 * `Var` appears only in parsed built-in signatures (`T`, `K`, `V`, `A`, `B`, `E`, `C`) and is replaced at each call.
 */
export type Type =
  | PrimitiveType
  | ListType
  | VectorType
  | MapType
  | OptionType
  | ResultType
  | TupleType
  | FnType
  | NamedType
  | VarType
  | SoftType;

/** `Int`, `Float`, `String`, `Bool`, `Unit` (use the shared singletons below). */
export interface PrimitiveType {
  readonly kind: 'Int' | 'Float' | 'String' | 'Bool' | 'Unit';
}

/** `List<T>`. */
export interface ListType {
  readonly kind: 'List';
  readonly elem: Type;
}

/** `Vector<T>` (0.7.0+). */
export interface VectorType {
  readonly kind: 'Vector';
  readonly elem: Type;
}

/** `Map<K, V>`. */
export interface MapType {
  readonly kind: 'Map';
  readonly key: Type;
  readonly value: Type;
}

/** `Option<T>`. */
export interface OptionType {
  readonly kind: 'Option';
  readonly inner: Type;
}

/** `Result<T, E>`. */
export interface ResultType {
  readonly kind: 'Result';
  readonly ok: Type;
  readonly err: Type;
}

/** `(A, B, …)` / `Tuple<A, B, …>`: at least two items. */
export interface TupleType {
  readonly kind: 'Tuple';
  readonly items: readonly Type[];
}

/** `Fn(A) -> R ! [E]`. `effects: null` is the built-in wildcard `! [..]` (any effects accepted). */
export interface FnType {
  readonly kind: 'Fn';
  readonly params: readonly Type[];
  readonly ret: Type;
  readonly effects: readonly string[] | null;
}

/** A user `record`/`type` or a built-in record, by qualified name (`Shape`, `Data.Shapes.Shape`, `Tcp.Connection`). */
export interface NamedType {
  readonly kind: 'Named';
  readonly name: string;
}

/** A type variable of a built-in signature (`T`, `K`, `V`, `A`, `B`, `E`). */
export interface VarType {
  readonly kind: 'Var';
  readonly name: string;
}

/** The types compatible with everything: a hole, the 0.15 any-value parameter, error recovery. */
export interface SoftType {
  readonly kind: 'Unknown' | 'Any' | 'Invalid';
}

/** The shared primitive and soft types. */
export const INT: PrimitiveType = { kind: 'Int' };
export const FLOAT: PrimitiveType = { kind: 'Float' };
export const STRING: PrimitiveType = { kind: 'String' };
export const BOOL: PrimitiveType = { kind: 'Bool' };
export const UNIT: PrimitiveType = { kind: 'Unit' };
export const UNKNOWN: SoftType = { kind: 'Unknown' };
export const ANY: SoftType = { kind: 'Any' };
export const INVALID: SoftType = { kind: 'Invalid' };

/** How tuple types are written in messages: `(Int, String)` (≤0.17.0) or `Tuple<Int, String>` (0.17.1+). */
export type TupleStyle = 'paren' | 'angle';

/** Builds `List<elem>`. */
export function listOf(elem: Type): ListType {
  return { kind: 'List', elem };
}

/** Builds `Option<inner>`. */
export function optionOf(inner: Type): OptionType {
  return { kind: 'Option', inner };
}

/** Builds `Result<ok, err>`. */
export function resultOf(ok: Type, err: Type): ResultType {
  return { kind: 'Result', ok, err };
}

/** The type of a user or built-in record or sum type, by qualified name. */
export function namedType(name: string): NamedType {
  return { kind: 'Named', name };
}

/** True when the type contains an `Unknown` hole anywhere. */
export function hasHoles(type: Type): boolean {
  switch (type.kind) {
    case 'Unknown':
    case 'Var':
      return true;
    case 'List':
    case 'Vector':
      return hasHoles(type.elem);
    case 'Option':
      return hasHoles(type.inner);
    case 'Map':
      return hasHoles(type.key) || hasHoles(type.value);
    case 'Result':
      return hasHoles(type.ok) || hasHoles(type.err);
    case 'Tuple':
      return type.items.some(hasHoles);
    case 'Fn':
      return type.params.some(hasHoles) || hasHoles(type.ret);
    default:
      return false;
  }
}

/**
 * True when every effect of `actual` is covered by `allowed` (an exact method or its namespace). `null` (the
 * built-in `! [..]` wildcard) allows everything.
 */
export function effectsCovered(allowed: readonly string[] | null, actual: readonly string[] | null): boolean {
  if (allowed === null) return true;
  if (actual === null) return false;
  for (const effect of actual) if (!effectCovered(allowed, effect)) return false;
  return true;
}

/** True when `effect` (`Console.print` or `Console`) is in `declared` directly or through its namespace. */
export function effectCovered(declared: readonly string[], effect: string): boolean {
  for (const entry of declared) {
    if (entry === effect) return true;
    if (effect.length > entry.length && effect.charCodeAt(entry.length) === 46 && effect.startsWith(entry)) {
      return true;
    }
  }
  return false;
}

/**
 * Structural compatibility (the reference's `compatible()`): soft types match anything, named types match by
 * qualified name, containers match component-wise, and a function value fits an `Fn` type when its effects are
 * covered by the type's effects.
 */
export function compatible(expected: Type, actual: Type): boolean {
  if (expected === actual) return true;
  const ek = expected.kind;
  const ak = actual.kind;
  if (ek === 'Unknown' || ek === 'Invalid' || ek === 'Any' || ek === 'Var') return true;
  if (ak === 'Unknown' || ak === 'Invalid' || ak === 'Any' || ak === 'Var') return true;
  if (ek !== ak) return false;
  switch (expected.kind) {
    case 'List':
    case 'Vector':
      return compatible(expected.elem, (actual as ListType | VectorType).elem);
    case 'Option':
      return compatible(expected.inner, (actual as OptionType).inner);
    case 'Map': {
      const other = actual as MapType;
      return compatible(expected.key, other.key) && compatible(expected.value, other.value);
    }
    case 'Result': {
      const other = actual as ResultType;
      return compatible(expected.ok, other.ok) && compatible(expected.err, other.err);
    }
    case 'Tuple': {
      const other = actual as TupleType;
      if (other.items.length !== expected.items.length) return false;
      for (let i = 0; i < expected.items.length; i++) {
        if (!compatible(expected.items[i], other.items[i])) return false;
      }
      return true;
    }
    case 'Fn': {
      const other = actual as FnType;
      if (other.params.length !== expected.params.length) return false;
      for (let i = 0; i < expected.params.length; i++) {
        if (!compatible(expected.params[i], other.params[i])) return false;
      }
      return compatible(expected.ret, other.ret) && effectsCovered(expected.effects, other.effects);
    }
    case 'Named':
      return expected.name === (actual as NamedType).name;
    default:
      return true; // same primitive kind
  }
}

/**
 * The most informative type compatible with both `a` and `b` (holes in one side are filled from the other), or
 * `null` when they are incompatible. Used for list elements, match arms, map entries and type-variable bindings.
 */
export function join(a: Type, b: Type): Type | null {
  if (a === b) return a;
  const ak = a.kind;
  const bk = b.kind;
  if (ak === 'Invalid' || bk === 'Invalid') return ak === 'Invalid' ? a : b;
  if (ak === 'Unknown' || ak === 'Var' || ak === 'Any') return b;
  if (bk === 'Unknown' || bk === 'Var' || bk === 'Any') return a;
  if (ak !== bk) return null;
  switch (a.kind) {
    case 'List':
    case 'Vector': {
      const other = b as ListType | VectorType;
      const elem = join(a.elem, other.elem);
      if (elem === null) return null;
      if (elem === a.elem) return a;
      if (elem === other.elem) return b;
      return { kind: a.kind, elem } as ListType | VectorType;
    }
    case 'Option': {
      const other = b as OptionType;
      const inner = join(a.inner, other.inner);
      if (inner === null) return null;
      if (inner === a.inner) return a;
      return inner === other.inner ? b : optionOf(inner);
    }
    case 'Map': {
      const other = b as MapType;
      const key = join(a.key, other.key);
      const value = join(a.value, other.value);
      if (key === null || value === null) return null;
      if (key === a.key && value === a.value) return a;
      if (key === other.key && value === other.value) return b;
      return { kind: 'Map', key, value };
    }
    case 'Result': {
      const other = b as ResultType;
      const ok = join(a.ok, other.ok);
      const err = join(a.err, other.err);
      if (ok === null || err === null) return null;
      if (ok === a.ok && err === a.err) return a;
      if (ok === other.ok && err === other.err) return b;
      return resultOf(ok, err);
    }
    case 'Tuple': {
      const other = b as TupleType;
      if (a.items.length !== other.items.length) return null;
      let same = true;
      const items: Type[] = new Array(a.items.length);
      for (let i = 0; i < items.length; i++) {
        const item = join(a.items[i], other.items[i]);
        if (item === null) return null;
        if (item !== a.items[i]) same = false;
        items[i] = item;
      }
      return same ? a : { kind: 'Tuple', items };
    }
    case 'Fn':
      return compatible(a, b) ? (hasHoles(a) ? b : a) : compatible(b, a) ? a : null;
    case 'Named':
      return a.name === (b as NamedType).name ? a : null;
    default:
      return a;
  }
}

/** The operand class the compiler uses to pick a typed opcode (see `Binary.operandKind`). */
export function operandKindOf(type: Type): OperandKind {
  switch (type.kind) {
    case 'Int':
    case 'Float':
    case 'String':
    case 'Bool':
    case 'Unit':
      return type.kind;
    default:
      return 'other';
  }
}

/**
 * Renders a type the way the reference's messages do (language reference: "Checker errors worth reproducing"): `Int`,
 * `List<Int>`, `Map<String, Int>`, `Result<Int, String>`, `(Int, String)` or `Tuple<Int, String>`,
 * `Fn(Int) -> Int ! [Console]`, user names (qualified outside their module). Holes render as `Unknown`, built-in type
 * variables by their letter.
 */
export function typeToString(type: Type, tupleStyle: TupleStyle = 'paren'): string {
  switch (type.kind) {
    case 'Int':
    case 'Float':
    case 'String':
    case 'Bool':
    case 'Unit':
    case 'Unknown':
    case 'Any':
      return type.kind;
    case 'Invalid':
      return 'Invalid';
    case 'List':
    case 'Vector':
      return `${type.kind}<${typeToString(type.elem, tupleStyle)}>`;
    case 'Option':
      return `Option<${typeToString(type.inner, tupleStyle)}>`;
    case 'Map':
      return `Map<${typeToString(type.key, tupleStyle)}, ${typeToString(type.value, tupleStyle)}>`;
    case 'Result':
      return `Result<${typeToString(type.ok, tupleStyle)}, ${typeToString(type.err, tupleStyle)}>`;
    case 'Tuple': {
      const items = type.items.map((item) => typeToString(item, tupleStyle)).join(', ');
      return tupleStyle === 'angle' ? `Tuple<${items}>` : `(${items})`;
    }
    case 'Fn': {
      const params = type.params.map((param) => typeToString(param, tupleStyle)).join(', ');
      const head = `Fn(${params}) -> ${typeToString(type.ret, tupleStyle)}`;
      if (type.effects === null) return `${head} ! [..]`;
      return type.effects.length === 0 ? head : `${head} ! [${type.effects.join(', ')}]`;
    }
    case 'Named':
    case 'Var':
      return type.name;
  }
}
