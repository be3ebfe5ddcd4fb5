import { BUILTIN_INDEX } from '../builtins/index.js';
import type { Type } from '../checker/index.js';
import type { CompileTables } from '../compiler.js';
import { FunctionValue, NONE, type Value, WrapKind } from '../values.js';

/** The range of an immediate Int operand (an `i32` code word); other Ints go to the constant pool. */
export const INT32_MIN = -(2 ** 31);
export const INT32_MAX = 2 ** 31 - 1;

/**
 * Values the compiler puts in constant pools for names in value position: constructors (`Shape.Point`,
 * `Option.None`, `Shape.Circle` as a function), built-ins as functions. One value per program and name, so
 * function values compare by identity.
 */

/** `Result.Ok` → 0, `Result.Err` → 1, `Option.Some` → 2 (`WrapKind`), or `null` for other constructors. */
export function wrapKindOf(typeName: string, variant: string): WrapKind | null {
  if (typeName === 'Result') return variant === 'Ok' ? WrapKind.Ok : variant === 'Err' ? WrapKind.Err : null;
  if (typeName === 'Option' && variant === 'Some') return WrapKind.Some;
  return null;
}

/** The payload type of an Ok/Err/Some pattern on a subject of type `type`. */
export function wrappedType(type: Type | undefined, wrap: WrapKind): Type | undefined {
  if (type?.kind === 'Option') return type.inner;
  if (type?.kind === 'Result') return wrap === WrapKind.Ok ? type.ok : type.err;
  return undefined;
}

/** The index of a variant in its user sum type, or `null` when there is no such variant. */
export function variantTagOf(tables: CompileTables, typeName: string, variant: string): number | null {
  const declared = tables.checked.types.get(typeName);
  const tag =
    declared?.kind === 'sum' ? declared.variants.findIndex((candidate) => candidate.name === variant) : -1;
  return tag < 0 ? null : tag;
}

/**
 * A constructor in value position: `Option.None` or a nullary variant's shared value, or the function value that
 * builds the variant (`<ctor Shape.Circle>`); `null` for an unknown constructor.
 */
export function constructorValueOf(tables: CompileTables, typeName: string, variant: string): Value | null {
  if (typeName === 'Option' && variant === 'None') return NONE;
  const key = `${typeName}.${variant}`;
  const nullary = tables.nullaryVariants.get(key);
  if (nullary !== undefined) return nullary;
  let value = tables.constructorValues.get(key);
  if (value !== undefined) return value;
  const wrap = wrapKindOf(typeName, variant);
  if (wrap !== null) value = new FunctionValue('ctor', key, wrap, null);
  else {
    const sum = tables.sumIndex.get(typeName);
    const tag = variantTagOf(tables, typeName, variant);
    if (sum === undefined || tag === null) return null;
    const sumType = tables.sumTypes[sum];
    value = new FunctionValue('ctor', `${sumType.name}.${variant}`, tag, sumType);
  }
  tables.constructorValues.set(key, value);
  return value;
}

/** A built-in as a function value (`<builtin List.len>`), or `null` for an unknown name. */
export function builtinValueOf(tables: CompileTables, name: string): Value | null {
  let value = tables.builtinValues.get(name);
  if (value === undefined) {
    const index = BUILTIN_INDEX.get(name);
    if (index === undefined) return null;
    value = new FunctionValue('builtin', name, index);
    tables.builtinValues.set(name, value);
  }
  return value;
}
