import { reprTopLevel } from '../display.js';
import { compareStrings, mapKeyOf } from '../equality.js';
import {
  EMPTY_LIST,
  type ListValue,
  type MapEntry,
  MapValue,
  NONE,
  TupleValue,
  type Value,
} from '../values.js';
import type { BuiltinImpls } from './builtin-def.js';
import { listFromItems } from './list.js';
import { some } from './wrappers.js';

/** A fresh empty map. */
export function emptyMap(): MapValue {
  return new MapValue(new Map());
}

/** `Map.set`: in place when the map is unshared (the VM's `shared` flag), else on an unshared copy. */
export function setMap(map: MapValue, key: Value, value: Value): MapValue {
  const target = map.shared ? new MapValue(new Map(map.table)) : map;
  target.table.set(mapKeyOf(key), { key, value });
  return target;
}

/** `Map.remove`: a missing key returns the map unchanged; otherwise in place or on a copy, like `setMap`. */
export function removeFromMap(map: MapValue, key: Value): MapValue {
  const jsKey = mapKeyOf(key);
  if (!map.table.has(jsKey)) return map;
  const target = map.shared ? new MapValue(new Map(map.table)) : map;
  target.table.delete(jsKey);
  return target;
}

/** `Map.fromList`: a later duplicate key wins. */
export function mapFromList(list: ListValue): MapValue {
  const table = new Map<unknown, MapEntry>();
  for (let cell = list; cell.length > 0; cell = cell.tail!) {
    const pair = (cell.head as TupleValue).items;
    table.set(mapKeyOf(pair[0]), { key: pair[0], value: pair[1] });
  }
  return new MapValue(table);
}

/**
 * The entries of `map` in iteration order (language reference: "Runtime semantics: Maps"): sorted by the top-level
 * text of the key (Strings unquoted), compared by code point, so Int keys come out `-1, -2, 1, 10, 2`.
 */
export function sortedEntries(map: MapValue): MapEntry[] {
  const entries = Array.from(map.table.values());
  if (entries.length < 2) return entries;
  const first = entries[0].key;
  if (typeof first === 'string')
    return entries.sort((x, y) => compareStrings(x.key as string, y.key as string));
  const keyed = entries.map((entry) => ({ text: reprTopLevel(entry.key), entry }));
  keyed.sort((x, y) => compareStrings(x.text, y.text));
  for (let i = 0; i < keyed.length; i++) entries[i] = keyed[i].entry;
  return entries;
}

function keysOf(map: MapValue): ListValue {
  if (map.table.size === 0) return EMPTY_LIST;
  const entries = sortedEntries(map);
  return listFromItems(
    entries.map((entry) => entry.key),
    0,
    entries.length,
  );
}

/** The `Map` namespace (language reference: "Pure namespaces", Map; runtime "Maps"). */
export const MAP_IMPLS: BuiltinImpls = {
  /** Removed in 0.17.0 (use `{}`). */
  'Map.empty': () => emptyMap(),
  /** Inserts or replaces. */
  'Map.set': (_host, a, b, c) => setMap(a as MapValue, b, c),
  'Map.get': (_host, a, b) => {
    const entry = (a as MapValue).table.get(mapKeyOf(b));
    return entry === undefined ? NONE : some(entry.value);
  },
  /** A missing key is a no-op. */
  'Map.remove': (_host, a, b) => removeFromMap(a as MapValue, b),
  'Map.has': (_host, a, b) => (a as MapValue).table.has(mapKeyOf(b)),
  /** Sorted by the unquoted printed key (language reference: "Runtime semantics: Maps"). */
  'Map.keys': (_host, a) => keysOf(a as MapValue),
  /** In key order. */
  'Map.values': (_host, a) => {
    const entries = sortedEntries(a as MapValue);
    return listFromItems(
      entries.map((entry) => entry.value),
      0,
      entries.length,
    );
  },
  /** In key order. */
  'Map.entries': (_host, a) => {
    const entries = sortedEntries(a as MapValue);
    return listFromItems(
      entries.map((entry) => new TupleValue([entry.key, entry.value])),
      0,
      entries.length,
    );
  },
  'Map.len': (_host, a) => (a as MapValue).table.size,
  /** A later duplicate key wins. */
  'Map.fromList': (_host, a) => mapFromList(a as ListValue),
};
