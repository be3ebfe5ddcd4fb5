import { AverRuntimeError } from '../errors.js';
import { RuntimeMessages } from '../runtime-messages.js';
import { type ListValue, NONE, type Value, VectorValue } from '../values.js';
import type { BuiltinDef } from './builtin-def.js';
import { pure } from './define.js';
import { listFromItems } from './list.js';
import { some } from './wrappers.js';

/** The longest JS array. */
const MAX_LENGTH = 2 ** 32 - 1;

/** `Vector.new(n, x)`: n copies of x; a negative (or unrepresentable) n is a runtime error. */
export function newVector(size: Value, fill: Value): VectorValue {
  if ((size as number) < 0) throw new AverRuntimeError(RuntimeMessages.vectorNegativeSize(String(size)));
  if (typeof size !== 'number' || size > MAX_LENGTH)
    throw new AverRuntimeError(RuntimeMessages.vectorTooLarge(String(size)));
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
  const items: Value[] = new Array(list.length);
  let i = 0;
  for (let cell = list; cell.length > 0; cell = cell.tail!) items[i++] = cell.head;
  return new VectorValue(items);
}

/**
 * The `Vector` namespace (language reference: "Pure namespaces", Vector; "Lists, vectors, tuples, records,
 * variants"), 0.7.0+.
 */
export const VECTOR_BUILTINS: readonly BuiltinDef[] = [
  pure('Vector.new', '(Int, T) -> Vector<T>', (_host, a, b) => newVector(a, b)),
  /** `None` when out of range. */
  pure('Vector.get', '(Vector<T>, Int) -> Option<T>', (_host, a, b) => {
    const items = (a as VectorValue).items;
    return typeof b === 'number' && b >= 0 && b < items.length ? some(items[b]) : NONE;
  }),
  pure('Vector.set', '(Vector<T>, Int, T) -> Option<Vector<T>>', (_host, a, b, c) =>
    setVector(a as VectorValue, b, c),
  ),
  pure('Vector.len', '(Vector<T>) -> Int', (_host, a) => (a as VectorValue).items.length),
  pure('Vector.fromList', '(List<T>) -> Vector<T>', (_host, a) => vectorFromList(a as ListValue)),
  /** Renamed to `List.fromVector` in 0.17.0. */
  pure(
    'Vector.toList',
    '(Vector<T>) -> List<T>',
    (_host, a) => {
      const items = (a as VectorValue).items;
      return listFromItems(items, 0, items.length);
    },
    { era: { removedIn: '0.17.0' } },
  ),
];
