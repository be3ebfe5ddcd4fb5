import { AverRuntimeError } from '../errors.js';
import { RuntimeMessages } from '../runtime-messages.js';
import { type ListValue, NONE, type Value, VectorValue } from '../values.js';
import type { BuiltinImpls } from './builtin-def.js';
import { listFromItems } from './list.js';
import { some } from './wrappers.js';

/**
 * The longest Vector: 2^25 elements, the longest array V8 creates in its fast (contiguous) storage. Past it,
 * `new Array(n)` falls back to dictionary storage, where `Vector.new(100000000, 0)` took about a minute and 8 GB,
 * and at 10^9 V8 aborts the whole process (`invalid table size`). A size above the limit is a runtime error.
 */
export const MAX_VECTOR_LENGTH = 2 ** 25;

/** `Vector.new(n, x)`: n copies of x; a negative n, or one above `MAX_VECTOR_LENGTH`, is a runtime error. */
export function newVector(size: Value, fill: Value): VectorValue {
  if ((size as number) < 0) throw new AverRuntimeError(RuntimeMessages.vectorNegativeSize(String(size)));
  if (typeof size !== 'number' || size > MAX_VECTOR_LENGTH)
    throw new AverRuntimeError(RuntimeMessages.vectorTooLarge('Vector.new', String(size), MAX_VECTOR_LENGTH));
  return new VectorValue(new Array<Value>(size).fill(fill));
}

/**
 * `Vector.set(v, i, x)`: `None` when i is out of range. An unshared vector (one live reference, guaranteed by the
 * VM through the `shared` flag) is updated in place; a shared one is copied, and the copy is unshared.
 */
export function setVector(vector: VectorValue, index: Value, item: Value): Value {
  const items = vector.items;
  if (typeof index !== 'number' || index < 0 || index >= items.length) return NONE;
  if (!vector.shared) {
    items[index] = item;
    return some(vector);
  }
  const copy = items.slice();
  copy[index] = item;
  return some(new VectorValue(copy));
}

/** `Vector.fromList`. */
export function vectorFromList(list: ListValue): VectorValue {
  if (list.length > MAX_VECTOR_LENGTH)
    throw new AverRuntimeError(
      RuntimeMessages.vectorTooLarge('Vector.fromList', String(list.length), MAX_VECTOR_LENGTH),
    );
  const items: Value[] = new Array(list.length);
  let i = 0;
  for (let cell = list; cell.length > 0; cell = cell.tail!) items[i++] = cell.head;
  return new VectorValue(items);
}

/**
 * The `Vector` namespace (language reference: "Pure namespaces", Vector; "Lists, vectors, tuples, records,
 * variants"), 0.7.0+.
 */
export const VECTOR_IMPLS: BuiltinImpls = {
  'Vector.new': (_host, a, b) => newVector(a, b),
  /** `None` when out of range. */
  'Vector.get': (_host, a, b) => {
    const items = (a as VectorValue).items;
    return typeof b === 'number' && b >= 0 && b < items.length ? some(items[b]) : NONE;
  },
  'Vector.set': (_host, a, b, c) => setVector(a as VectorValue, b, c),
  'Vector.len': (_host, a) => (a as VectorValue).items.length,
  'Vector.fromList': (_host, a) => vectorFromList(a as ListValue),
  /** Renamed to `List.fromVector` in 0.17.0. */
  'Vector.toList': (_host, a) => {
    const items = (a as VectorValue).items;
    return listFromItems(items, 0, items.length);
  },
};
