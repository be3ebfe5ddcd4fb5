import { describe, expect, it } from 'vitest';
import {
  EMPTY_LIST,
  type ListValue,
  listFromArray,
  listToArray,
  type SumType,
  TupleValue,
  type Value,
  VariantValue,
  VectorValue,
} from '../values.js';
import { callBuiltin } from './test-helpers.js';

const list = (...items: Value[]) => listFromArray(items);
const items = (value: Value) => listToArray(value as ListValue);
const SHAPE: SumType = { name: 'Shape', variants: [{ name: 'Circle', arity: 1 }] };

describe('List built-ins', () => {
  it('reads the cached length', () => {
    expect(callBuiltin('List.len', list(1, 2, 3))).toBe(3);
    expect(callBuiltin('List.len', EMPTY_LIST)).toBe(0);
  });

  it('prepends with the element first and shares the tail', () => {
    const tail = list(2, 3);
    const result = callBuiltin('List.prepend', 1, tail) as ListValue;
    expect(items(result)).toEqual([1, 2, 3]);
    expect(result.tail).toBe(tail);
    expect(result.length).toBe(3);
  });

  it('concatenates, sharing the second list', () => {
    const back = list(3, 4);
    const result = callBuiltin('List.concat', list(1, 2), back) as ListValue;
    expect(items(result)).toEqual([1, 2, 3, 4]);
    expect(result.tail!.tail).toBe(back);
    expect(result.length).toBe(4);
    expect(callBuiltin('List.concat', EMPTY_LIST, back)).toBe(back);
  });

  it('reverses', () => {
    expect(items(callBuiltin('List.reverse', list(1, 2, 3)))).toEqual([3, 2, 1]);
    expect((callBuiltin('List.reverse', list(1, 2, 3)) as ListValue).length).toBe(3);
  });

  it('finds elements by structural equality', () => {
    expect(callBuiltin('List.contains', list(1, 2, 3), 2)).toBe(true);
    expect(callBuiltin('List.contains', list(1, 2, 3), 4)).toBe(false);
    expect(callBuiltin('List.contains', list(Number.NaN), Number.NaN)).toBe(true);
    expect(
      callBuiltin('List.contains', list(new VariantValue(SHAPE, 0, [5])), new VariantValue(SHAPE, 0, [5])),
    ).toBe(true);
    expect(callBuiltin('List.contains', list(list('a')), list('a'))).toBe(true);
  });

  it('zips to the shorter list', () => {
    expect(items(callBuiltin('List.zip', list(1, 2, 3), list('a', 'b')))).toEqual([
      new TupleValue([1, 'a']),
      new TupleValue([2, 'b']),
    ]);
  });

  it('takes and drops with clamping', () => {
    const numbers = list(1, 2, 3);
    expect(items(callBuiltin('List.take', numbers, 2))).toEqual([1, 2]);
    expect(callBuiltin('List.take', numbers, -1)).toBe(EMPTY_LIST);
    expect(callBuiltin('List.take', numbers, 3)).toBe(numbers);
    expect(callBuiltin('List.take', numbers, 2n ** 62n)).toBe(numbers);
    expect(items(callBuiltin('List.drop', numbers, 1))).toEqual([2, 3]);
    expect(callBuiltin('List.drop', numbers, 1)).toBe(numbers.tail);
    expect(callBuiltin('List.drop', numbers, 0)).toBe(numbers);
    expect(callBuiltin('List.drop', numbers, 5)).toBe(EMPTY_LIST);
  });

  it('converts from a vector', () => {
    expect(items(callBuiltin('List.fromVector', new VectorValue([1, 2])))).toEqual([1, 2]);
    expect(items(callBuiltin('Vector.toList', new VectorValue([3])))).toEqual([3]);
  });
});
