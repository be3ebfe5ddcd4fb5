import type { ListValue, MapValue, Value, VectorValue } from '../values.js';
import type { BuiltinDef, BuiltinImpl } from './builtin-def.js';

/**
 * Work below this many units is not charged: it is bounded by the instructions around it, which the VM already
 * counts and times. Above it, one call can do millions of steps of work (a copy of a shared Vector, a join, a
 * split), so the call charges its size to the run's deadline and step budget first.
 */
export const CHARGE_THRESHOLD = 256;

type Cost = (a: Value, b: Value, c: Value) => number;

const listLength: Cost = (a) => (a as ListValue).length;
const vectorLength: Cost = (a) => (a as VectorValue).items.length;
const mapSize: Cost = (a) => (a as MapValue).table.size;
const stringLength: Cost = (a) => (a as string).length;
const countOf = (n: Value): number => (typeof n === 'number' ? Math.max(0, n) : Number.MAX_SAFE_INTEGER);

/**
 * The work of the built-ins whose cost grows with their input: the elements or UTF-16 units they will build,
 * copy or scan, computed in O(1) from the arguments before the call.
 */
const COSTS: Readonly<Record<string, Cost>> = {
  'Vector.new': (a) => countOf(a),
  'Vector.fromList': listLength,
  'Vector.toList': vectorLength,
  'List.fromVector': vectorLength,
  /** Setting into a shared Vector or Map copies it first (an unshared one is updated in place). */
  'Vector.set': (a) => ((a as VectorValue).shared ? vectorLength(a, a, a) : 0),
  'Map.set': (a) => ((a as MapValue).shared ? mapSize(a, a, a) : 0),
  'Map.remove': (a) => ((a as MapValue).shared ? mapSize(a, a, a) : 0),
  'Map.fromList': listLength,
  'Map.keys': mapSize,
  'Map.values': mapSize,
  'Map.entries': mapSize,
  'List.concat': listLength,
  'List.reverse': listLength,
  'List.contains': listLength,
  'List.zip': (a, b) => Math.min((a as ListValue).length, (b as ListValue).length),
  'List.take': (a, b) => Math.min((a as ListValue).length, countOf(b)),
  'List.drop': (a, b) => Math.min((a as ListValue).length, countOf(b)),
  'String.len': stringLength,
  'String.byteLength': stringLength,
  'String.contains': stringLength,
  'String.slice': stringLength,
  'String.trim': stringLength,
  'String.chars': stringLength,
  'String.split': stringLength,
  'String.toLower': stringLength,
  'String.toUpper': stringLength,
  /** An empty pattern inserts the replacement at every boundary: the output is what grows. */
  'String.replace': (a, b, c) =>
    (a as string).length * ((b as string).length === 0 ? 1 + (c as string).length : 1),
  'String.join': (a, b) => (a as ListValue).length * (1 + (b as string).length),
};

/**
 * A built-in row whose implementation first charges its work (`HostContext.charge`) when the work reaches
 * `CHARGE_THRESHOLD`, so that a deadline or a step budget also stops one long call; other rows are unchanged.
 * @param row A row of the built-in table.
 * @returns The row, metered when its cost grows with its input.
 */
export function meterWork(row: BuiltinDef): BuiltinDef {
  const cost = COSTS[row.name];
  if (cost === undefined) return row;
  const impl = row.impl;
  const metered: BuiltinImpl = (host, a, b, c, d) => {
    if (host.charge !== undefined) {
      const units = cost(a, b, c);
      if (units >= CHARGE_THRESHOLD) host.charge(units);
    }
    return impl(host, a, b, c, d);
  };
  return { ...row, impl: metered };
}
