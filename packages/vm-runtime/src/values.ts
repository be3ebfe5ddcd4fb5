/**
 * Runtime values of the Aver VM (language reference: "Runtime semantics"). Representation choices, chosen for a fast
 * VM loop:
 *
 * - Int: a JS `number` while the value is a safe integer (|x| ≤ 2^53 − 1, never `-0`), otherwise a `bigint`
 *   holding the exact i64. Every Int operation returns the canonical form (see `normalizeInt`), so `===`
 *   is Int equality. Arithmetic wraps at 64 bits (language reference: "Runtime semantics: Int").
 * - Float: a JS `number`. The checker guarantees an operand is never ambiguous, and the compiler picks typed
 *   opcodes; display of an integral Float and an Int agree (`12.0` displays as `12`), so values need no tag.
 * - String: a JS string (UTF-16); code-point semantics live in the String built-ins.
 * - Bool: a JS boolean. Unit: the singleton `UNIT`.
 * - List: an immutable cons cell chain ending in `EMPTY_LIST`, each cell caching its length (O(1) `List.len`).
 * - Vector, Map: wrappers with a `shared` flag. A wrapper whose flag is clear has exactly one live reference, so
 *   `Vector.set`/`Map.set` may update it in place (the `last_use` contract); anything that creates a second
 *   reference sets the flag first.
 * - Tuple, Record, Variant, Option/Result wrappers, function values: small classes below.
 */

export class UnitValue {
  readonly kind = 'unit';
}
/** The one Unit value. */
export const UNIT: UnitValue = Object.freeze(new UnitValue());

/** A persistent list cell; `EMPTY_LIST` is the shared empty list (length 0, no head). */
export class ListValue {
  constructor(
    readonly head: Value,
    readonly tail: ListValue | null,
    readonly length: number,
  ) {}
}
export const EMPTY_LIST: ListValue = Object.freeze(
  new ListValue(undefined as unknown as Value, null, 0),
) as ListValue;

/** `List.prepend(x, xs)`: O(1). */
export function cons(head: Value, tail: ListValue): ListValue {
  return new ListValue(head, tail, tail.length + 1);
}

/** Builds a list from a JS array (first element becomes the head). */
export function listFromArray(items: readonly Value[]): ListValue {
  let list = EMPTY_LIST;
  for (let i = items.length - 1; i >= 0; i--) list = new ListValue(items[i], list, list.length + 1);
  return list;
}

/** Copies a list into a JS array, head first. */
export function listToArray(list: ListValue): Value[] {
  const out: Value[] = [];
  for (let cell: ListValue | null = list; cell !== null && cell.length > 0; cell = cell.tail)
    out.push(cell.head);
  return out;
}

export class VectorValue {
  /** Set when a second reference may exist; then `Vector.set` must copy. */
  shared = false;
  constructor(public items: Value[]) {}
}

/** A map entry keeps the original key value (for `Map.keys` and display) next to the value. */
export interface MapEntry {
  readonly key: Value;
  readonly value: Value;
}

export class MapValue {
  /** Set when a second reference may exist; then `Map.set` / `Map.remove` must copy. */
  shared = false;
  /** Keyed by `mapKeyOf(key)` (see equality.ts): the primitive itself for Int/Float/String/Bool keys. */
  constructor(public table: Map<unknown, MapEntry>) {}
}

export class TupleValue {
  constructor(readonly items: Value[]) {}
}

/** Runtime description of a `record` type: display name and field names in declaration order. */
export interface RecordType {
  readonly name: string;
  readonly fieldNames: readonly string[];
}

export class RecordValue {
  constructor(
    readonly type: RecordType,
    readonly fields: Value[],
  ) {}
}

/** Runtime description of a sum `type`: display name and its variants in declaration order. */
export interface SumType {
  readonly name: string;
  readonly variants: readonly { readonly name: string; readonly arity: number }[];
}

export class VariantValue {
  constructor(
    readonly type: SumType,
    /** Index into `type.variants`. */
    readonly tag: number,
    readonly fields: Value[],
  ) {}
}

/**
 * Kinds of the built-in wrappers, matching the `WRAP kind` operand of the reference VM (language reference:
 * "Opcode set").
 */
export const WrapKind = { Ok: 0, Err: 1, Some: 2 } as const;
export type WrapKind = (typeof WrapKind)[keyof typeof WrapKind];

/** `Result.Ok(v)`, `Result.Err(e)` or `Option.Some(v)`. */
export class WrapValue {
  constructor(
    readonly wrap: WrapKind,
    readonly value: Value,
  ) {}
}

export class NoneValue {
  readonly kind = 'none';
}
/** The one `Option.None`. */
export const NONE: NoneValue = Object.freeze(new NoneValue());

/**
 * A function used as a value (no closures in Aver): a top-level function (by index into the program's function
 * table), a built-in, or a variant constructor.
 */
export class FunctionValue {
  constructor(
    readonly kind: 'fn' | 'builtin' | 'ctor',
    /** Display name: `fib`, `Console.print`, `Shape.Circle`. */
    readonly name: string,
    /** Function index, built-in index, or variant tag, depending on `kind`. */
    readonly index: number,
    /** For `ctor`: the sum type (or null for built-in wrappers, where `index` is the WrapKind). */
    readonly sumType: SumType | null = null,
  ) {}
}

export type Value =
  | number
  | bigint
  | string
  | boolean
  | UnitValue
  | ListValue
  | VectorValue
  | MapValue
  | TupleValue
  | RecordValue
  | VariantValue
  | WrapValue
  | NoneValue
  | FunctionValue;

/** Canonical Int form: a `number` when safe (and never `-0`), else the exact `bigint` (already wrapped to i64). */
export function normalizeInt(x: bigint): number | bigint {
  const wrapped = BigInt.asIntN(64, x);
  if (wrapped >= -9007199254740991n && wrapped <= 9007199254740991n) return Number(wrapped);
  return wrapped;
}
