import { describe, expect, it } from 'vitest';
import { reprValue } from '../display.js';
import {
  type ListValue,
  listFromArray,
  listToArray,
  type MapValue,
  NONE,
  TupleValue,
  type Value,
  WrapKind,
  WrapValue,
} from '../values.js';
import { callBuiltin } from './test-helpers.js';

const items = (value: Value) => listToArray(value as ListValue);

function mapOf(...pairs: [Value, Value][]): MapValue {
  return callBuiltin('Map.fromList', listFromArray(pairs.map((pair) => new TupleValue(pair)))) as MapValue;
}

describe('Map built-ins', () => {
  it('sets, gets, tests and removes by value', () => {
    let map = callBuiltin('Map.empty') as MapValue;
    map = callBuiltin('Map.set', map, new TupleValue([1, 'a']), 'x') as MapValue;
    expect(callBuiltin('Map.get', map, new TupleValue([1, 'a']))).toEqual(new WrapValue(WrapKind.Some, 'x'));
    expect(callBuiltin('Map.get', map, new TupleValue([1, 'b']))).toBe(NONE);
    expect(callBuiltin('Map.has', map, new TupleValue([1, 'a']))).toBe(true);
    map = callBuiltin('Map.remove', map, new TupleValue([1, 'a'])) as MapValue;
    expect(callBuiltin('Map.len', map)).toBe(0);
  });

  it('lets a later duplicate win in fromList', () => {
    const map = mapOf(['a', 1], ['b', 2], ['a', 3]);
    expect(callBuiltin('Map.len', map)).toBe(2);
    expect(callBuiltin('Map.get', map, 'a')).toEqual(new WrapValue(WrapKind.Some, 3));
  });

  it('sorts Int keys by their printed form: -1, -2, 1, 10, 2', () => {
    const map = mapOf([2, 'b'], [10, 'x'], [-2, 'n'], [1, 'a'], [-1, 'm']);
    expect(items(callBuiltin('Map.keys', map))).toEqual([-1, -2, 1, 10, 2]);
    expect(items(callBuiltin('Map.values', map))).toEqual(['m', 'n', 'a', 'x', 'b']);
    expect(items(callBuiltin('Map.entries', map))[0]).toEqual(new TupleValue([-1, 'm']));
  });

  it('orders "a" before "a b" in Map.keys but after it in the display', () => {
    const map = mapOf(['a b', 2], ['a', 1]);
    expect(items(callBuiltin('Map.keys', map))).toEqual(['a', 'a b']);
    expect(reprValue(map)).toBe('{"a b": 2, "a": 1}');
  });

  it('sorts String keys by code point', () => {
    const map = mapOf(['\u{10000}', 1], ['\uFFFF', 2], ['B', 3], ['a', 4]);
    expect(items(callBuiltin('Map.keys', map))).toEqual(['B', 'a', '\uFFFF', '\u{10000}']);
  });

  it('updates an unshared map in place', () => {
    const map = mapOf(['a', 1]);
    expect(callBuiltin('Map.set', map, 'b', 2)).toBe(map);
    expect(callBuiltin('Map.remove', map, 'a')).toBe(map);
    expect(items(callBuiltin('Map.keys', map))).toEqual(['b']);
  });

  it('copies a shared map on set and remove, leaving the original intact', () => {
    const map = mapOf(['a', 1]);
    map.shared = true;
    const added = callBuiltin('Map.set', map, 'b', 2) as MapValue;
    expect(added).not.toBe(map);
    expect(added.shared).toBe(false);
    expect(items(callBuiltin('Map.keys', added))).toEqual(['a', 'b']);
    const removed = callBuiltin('Map.remove', map, 'a') as MapValue;
    expect(removed).not.toBe(map);
    expect(callBuiltin('Map.len', removed)).toBe(0);
    expect(items(callBuiltin('Map.keys', map))).toEqual(['a']);
    expect(callBuiltin('Map.remove', map, 'missing')).toBe(map);
  });
});

describe('Option and Result built-ins', () => {
  it('unwraps with a default', () => {
    expect(callBuiltin('Option.withDefault', new WrapValue(WrapKind.Some, 1), 0)).toBe(1);
    expect(callBuiltin('Option.withDefault', NONE, 0)).toBe(0);
    expect(callBuiltin('Result.withDefault', new WrapValue(WrapKind.Ok, 1), 0)).toBe(1);
    expect(callBuiltin('Result.withDefault', new WrapValue(WrapKind.Err, 'e'), 0)).toBe(0);
  });

  it('turns an Option into a Result', () => {
    expect(callBuiltin('Option.toResult', new WrapValue(WrapKind.Some, 1), 'e')).toEqual(
      new WrapValue(WrapKind.Ok, 1),
    );
    expect(callBuiltin('Option.toResult', NONE, 'e')).toEqual(new WrapValue(WrapKind.Err, 'e'));
  });

  it('combines Bools', () => {
    expect(callBuiltin('Bool.and', true, false)).toBe(false);
    expect(callBuiltin('Bool.or', true, false)).toBe(true);
    expect(callBuiltin('Bool.not', true)).toBe(false);
  });
});
