import {
  FunctionValue,
  ListValue,
  MapValue,
  NoneValue,
  RecordValue,
  TupleValue,
  UnitValue,
  type Value,
  VariantValue,
  VectorValue,
  WrapValue,
} from './values.js';

/**
 * Deep structural equality (language reference: "Equality"), used by `==`, `!=`, `List.contains` and verify cases.
 * Ints compare by value, Strings by content, Floats by `a == b` or identical bits (so `NaN == NaN` and
 * `0.0 == -0.0`), records and variants by type and components, lists, vectors and tuples element-wise, maps by key
 * set and values, functions by identity of what they name. Iterative, so deeply nested values cannot overflow the
 * JS stack.
 */
export function valuesEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object') return Number.isNaN(a) && Number.isNaN(b); // NaN == NaN
  const pending: Value[] = [a, b];
  while (pending.length > 0) {
    const right = pending.pop()!;
    const left = pending.pop()!;
    if (left === right) continue;
    if (typeof left !== 'object' || typeof right !== 'object') {
      if (Number.isNaN(left) && Number.isNaN(right)) continue;
      return false;
    }
    if (!pushComponents(left, right, pending)) return false;
  }
  return true;
}

/** Compares the shells of two object values and queues their component pairs; false when the shells differ. */
function pushComponents(left: Value, right: Value, pending: Value[]): boolean {
  if (left instanceof ListValue) {
    if (!(right instanceof ListValue) || left.length !== right.length) return false;
    let x: ListValue | null = left;
    let y: ListValue | null = right;
    while (x !== null && y !== null && x.length > 0 && x !== y) {
      pending.push(x.head, y.head);
      x = x.tail;
      y = y.tail;
    }
    return true;
  }
  if (left instanceof WrapValue) {
    if (!(right instanceof WrapValue) || left.wrap !== right.wrap) return false;
    pending.push(left.value, right.value);
    return true;
  }
  if (left instanceof VariantValue) {
    if (!(right instanceof VariantValue) || left.tag !== right.tag) return false;
    if (left.type !== right.type && left.type.name !== right.type.name) return false;
    return pushAll(left.fields, right.fields, pending);
  }
  if (left instanceof RecordValue) {
    if (!(right instanceof RecordValue)) return false;
    if (left.type !== right.type && left.type.name !== right.type.name) return false;
    return pushAll(left.fields, right.fields, pending);
  }
  if (left instanceof TupleValue)
    return right instanceof TupleValue && pushAll(left.items, right.items, pending);
  if (left instanceof VectorValue)
    return right instanceof VectorValue && pushAll(left.items, right.items, pending);
  if (left instanceof MapValue) {
    if (!(right instanceof MapValue) || left.table.size !== right.table.size) return false;
    for (const [key, entry] of left.table) {
      const other = right.table.get(key);
      if (other === undefined) return false;
      pending.push(entry.value, other.value);
    }
    return true;
  }
  if (left instanceof FunctionValue) {
    return (
      right instanceof FunctionValue &&
      left.kind === right.kind &&
      left.index === right.index &&
      left.name === right.name &&
      left.sumType === right.sumType
    );
  }
  // Unit and None are singletons, already handled by `===`; anything else is a different kind of value.
  return (
    (left instanceof UnitValue && right instanceof UnitValue) ||
    (left instanceof NoneValue && right instanceof NoneValue)
  );
}

function pushAll(left: readonly Value[], right: readonly Value[], pending: Value[]): boolean {
  if (left.length !== right.length) return false;
  for (let i = 0; i < left.length; i++) pending.push(left[i], right[i]);
  return true;
}

/**
 * Orders two strings by Unicode code point (the same as UTF-8 byte order, language reference:
 * "Runtime semantics: String"). JS `<` compares UTF-16 units, which puts U+10000.. (surrogate pairs) below
 * U+E000..U+FFFF; the first differing unit is lifted here when it is a surrogate. Returns a negative number, 0 or a
 * positive number.
 */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const shorter = Math.min(a.length, b.length);
  for (let i = 0; i < shorter; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800 && y >= 0xd800) {
        if (x <= 0xdfff) x += 0x2800;
        if (y <= 0xdfff) y += 0x2800;
      }
      return x - y;
    }
  }
  return a.length - b.length;
}

/**
 * `a < b` for Int, Float or String operands (language reference: "Inference and checking rules",
 * comparison operators): numeric for Int and Float (IEEE: NaN is unordered), code point order for String. Mixed
 * `number`/`bigint` Ints compare exactly.
 */
export function lessThan(a: Value, b: Value): boolean {
  if (typeof a === 'string') return compareStrings(a, b as string) < 0;
  return (a as number) < (b as number);
}

/**
 * The JS `Map` key of an Aver map key (language reference: "Runtime semantics: Maps"): the primitive itself for Int,
 * Float, String and Bool (`Map` uses SameValueZero, so `0.0`/`-0.0` and NaN/NaN coincide, as Aver equality says), and
 * an injective text encoding for compound keys, so keys that are `valuesEqual` get the same JS key. A map holds one
 * key type (checked), so a String key never meets the encoding of a compound key.
 */
export function mapKeyOf(key: Value): unknown {
  if (typeof key !== 'object') return key;
  return encodeKey(key, '\u0000');
}

function encodeKey(value: Value, out: string): string {
  switch (typeof value) {
    case 'string':
      return out + 's' + value.length + ':' + value;
    case 'number':
      // Int and Float never share a key position (checked), and `0`/`-0` must agree: `String` prints both as `0`.
      return out + 'n' + String(value) + ';';
    case 'bigint':
      return out + 'n' + String(value) + ';';
    case 'boolean':
      return out + (value ? 'T' : 'F');
  }
  if (value instanceof ListValue) {
    out += 'L' + value.length + ':';
    for (let cell: ListValue | null = value; cell !== null && cell.length > 0; cell = cell.tail)
      out = encodeKey(cell.head, out);
    return out;
  }
  if (value instanceof TupleValue) return encodeItems(value.items, out + 'P');
  if (value instanceof VectorValue) return encodeItems(value.items, out + 'V');
  if (value instanceof RecordValue)
    return encodeItems(value.fields, out + 'R' + value.type.name.length + ':' + value.type.name);
  if (value instanceof VariantValue)
    return encodeItems(
      value.fields,
      out + 'C' + value.type.name.length + ':' + value.type.name + value.tag + '.',
    );
  if (value instanceof WrapValue) return encodeKey(value.value, out + 'W' + value.wrap);
  if (value instanceof MapValue) {
    // Map equality ignores insertion order, so encode the entries in a fixed order of their own encodings.
    const entries: string[] = [];
    for (const entry of value.table.values()) entries.push(encodeKey(entry.value, encodeKey(entry.key, '')));
    entries.sort();
    out += 'M' + entries.length + ':';
    for (const entry of entries) out += entry.length + ':' + entry;
    return out;
  }
  if (value instanceof FunctionValue) return out + 'F' + value.kind + value.index + ':' + value.name;
  if (value instanceof NoneValue) return out + 'N';
  return out + 'U';
}

function encodeItems(items: readonly Value[], out: string): string {
  out += items.length + ':';
  for (let i = 0; i < items.length; i++) out = encodeKey(items[i], out);
  return out;
}
