import { valuesEqual } from '../equality.js';
import type { Int } from '../int64.js';
import { cons, EMPTY_LIST, ListValue, TupleValue, type Value, type VectorValue } from '../values.js';
import type { BuiltinImpls } from './builtin-def.js';

/** `List.concat`: copies the cells of `front` onto `back` (shared as is); O(len(front)). */
export function concatLists(front: ListValue, back: ListValue): ListValue {
  if (front.length === 0) return back;
  if (back.length === 0) return front;
  const heads: Value[] = new Array(front.length);
  let i = 0;
  for (let cell = front; cell.length > 0; cell = cell.tail!) heads[i++] = cell.head;
  let list = back;
  for (let j = heads.length - 1; j >= 0; j--) list = new ListValue(heads[j], list, list.length + 1);
  return list;
}

/** `List.reverse`. */
export function reverseList(list: ListValue): ListValue {
  let reversed = EMPTY_LIST;
  for (let cell = list; cell.length > 0; cell = cell.tail!)
    reversed = new ListValue(cell.head, reversed, reversed.length + 1);
  return reversed;
}

/** `List.contains`: structural equality (language reference: "Equality"); primitives take a `===` fast path. */
export function listContains(list: ListValue, needle: Value): boolean {
  if (typeof needle !== 'object' && !Number.isNaN(needle)) {
    for (let cell = list; cell.length > 0; cell = cell.tail!) if (cell.head === needle) return true;
    return false;
  }
  for (let cell = list; cell.length > 0; cell = cell.tail!) if (valuesEqual(cell.head, needle)) return true;
  return false;
}

/** `List.zip`: pairs up to the shorter list. */
export function zipLists(left: ListValue, right: ListValue): ListValue {
  const length = Math.min(left.length, right.length);
  const pairs: Value[] = new Array(length);
  let x = left;
  let y = right;
  for (let i = 0; i < length; i++) {
    pairs[i] = new TupleValue([x.head, y.head]);
    x = x.tail!;
    y = y.tail!;
  }
  return listFromItems(pairs, 0, length);
}

/** `List.take`: n ≤ 0 → `[]`; n ≥ len → the list itself. */
export function takeList(list: ListValue, n: Int): ListValue {
  if (n <= 0) return EMPTY_LIST;
  if (n >= list.length) return list;
  const count = n as number;
  const heads: Value[] = new Array(count);
  let cell = list;
  for (let i = 0; i < count; i++) {
    heads[i] = cell.head;
    cell = cell.tail!;
  }
  return listFromItems(heads, 0, count);
}

/** `List.drop`: n ≤ 0 → the list itself; n ≥ len → `[]`; shares the remaining cells. */
export function dropList(list: ListValue, n: Int): ListValue {
  if (n <= 0) return list;
  if (n >= list.length) return EMPTY_LIST;
  let cell = list;
  for (let i = n as number; i > 0; i--) cell = cell.tail!;
  return cell;
}

/** A list of `items[from..to)`. */
export function listFromItems(items: readonly Value[], from: number, to: number): ListValue {
  let list = EMPTY_LIST;
  for (let i = to - 1; i >= from; i--) list = new ListValue(items[i], list, list.length + 1);
  return list;
}

/**
 * The `List` namespace (language reference: "Pure namespaces", List; "Lists, vectors, tuples, records,
 * variants").
 */
export const LIST_IMPLS: BuiltinImpls = {
  /** O(1): every cell caches its length. */
  'List.len': (_host, a) => (a as ListValue).length,
  /** O(1) cons; the element comes first. */
  'List.prepend': (_host, a, b) => cons(a, b as ListValue),
  'List.concat': (_host, a, b) => concatLists(a as ListValue, b as ListValue),
  'List.reverse': (_host, a) => reverseList(a as ListValue),
  'List.contains': (_host, a, b) => listContains(a as ListValue, b),
  'List.zip': (_host, a, b) => zipLists(a as ListValue, b as ListValue),
  'List.take': (_host, a, b) => takeList(a as ListValue, b as Int),
  'List.drop': (_host, a, b) => dropList(a as ListValue, b as Int),
  /** 0.17.0+ (was `Vector.toList`). */
  'List.fromVector': (_host, a) => {
    const items = (a as VectorValue).items;
    return listFromItems(items, 0, items.length);
  },
};
