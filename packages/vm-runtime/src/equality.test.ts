import { describe, expect, it } from 'vitest';
import { compareStrings, lessThan, mapKeyOf, valuesEqual } from './equality.js';
import {
  EMPTY_LIST,
  FunctionValue,
  listFromArray,
  MapValue,
  NONE,
  RecordValue,
  type RecordType,
  type SumType,
  TupleValue,
  UNIT,
  type Value,
  VariantValue,
  VectorValue,
  WrapKind,
  WrapValue,
} from './values.js';

const USER: RecordType = { name: 'User', fieldNames: ['name', 'age'] };
const SHAPE: SumType = {
  name: 'Shape',
  variants: [
    { name: 'Circle', arity: 1 },
    { name: 'Point', arity: 0 },
  ],
};

function mapOf(...pairs: [Value, Value][]): MapValue {
  return new MapValue(new Map(pairs.map(([key, value]) => [mapKeyOf(key), { key, value }])));
}

describe('valuesEqual', () => {
  it('treats NaN as equal to NaN and 0.0 as equal to -0.0', () => {
    expect(valuesEqual(Number.NaN, Number.NaN)).toBe(true);
    expect(valuesEqual(0, -0)).toBe(true);
    expect(valuesEqual(new TupleValue([Number.NaN]), new TupleValue([Number.NaN]))).toBe(true);
    expect(valuesEqual(1.5, 2.5)).toBe(false);
  });

  it('compares big Ints exactly', () => {
    expect(valuesEqual(2n ** 62n, 2n ** 62n)).toBe(true);
    expect(valuesEqual(2n ** 62n, 2n ** 62n + 1n)).toBe(false);
  });

  it('compares records by type and fields', () => {
    const alice = new RecordValue(USER, ['Alice', 30]);
    expect(valuesEqual(alice, new RecordValue(USER, ['Alice', 30]))).toBe(true);
    expect(valuesEqual(alice, new RecordValue(USER, ['Alice', 31]))).toBe(false);
    const other: RecordType = { name: 'Admin', fieldNames: ['name', 'age'] };
    expect(valuesEqual(alice, new RecordValue(other, ['Alice', 30]))).toBe(false);
  });

  it('compares variants by type, variant and payload', () => {
    expect(valuesEqual(new VariantValue(SHAPE, 0, [5]), new VariantValue(SHAPE, 0, [5]))).toBe(true);
    expect(valuesEqual(new VariantValue(SHAPE, 0, [5]), new VariantValue(SHAPE, 0, [6]))).toBe(false);
    expect(valuesEqual(new VariantValue(SHAPE, 1, []), new VariantValue(SHAPE, 0, [5]))).toBe(false);
    expect(valuesEqual(new WrapValue(WrapKind.Ok, 1), new WrapValue(WrapKind.Err, 1))).toBe(false);
    expect(valuesEqual(new WrapValue(WrapKind.Some, 'a'), new WrapValue(WrapKind.Some, 'a'))).toBe(true);
    expect(valuesEqual(NONE, new WrapValue(WrapKind.Some, 'a'))).toBe(false);
    expect(valuesEqual(UNIT, UNIT)).toBe(true);
  });

  it('compares lists, vectors and tuples element-wise', () => {
    expect(valuesEqual(listFromArray([1, 2, 3]), listFromArray([1, 2, 3]))).toBe(true);
    expect(valuesEqual(listFromArray([1, 2, 3]), listFromArray([1, 2]))).toBe(false);
    expect(valuesEqual(listFromArray(['a', 'b']), listFromArray(['a', 'c']))).toBe(false);
    expect(valuesEqual(EMPTY_LIST, listFromArray([]))).toBe(true);
    expect(valuesEqual(new VectorValue([1, 2]), new VectorValue([1, 2]))).toBe(true);
    expect(valuesEqual(new VectorValue([1, 2]), listFromArray([1, 2]))).toBe(false);
    expect(valuesEqual(new TupleValue([1, 'x']), new TupleValue([1, 'y']))).toBe(false);
  });

  it('compares maps by key set and values, whatever the insertion order', () => {
    expect(valuesEqual(mapOf(['a', 1], ['b', 2]), mapOf(['b', 2], ['a', 1]))).toBe(true);
    expect(valuesEqual(mapOf(['a', 1]), mapOf(['a', 2]))).toBe(false);
    expect(valuesEqual(mapOf(['a', 1]), mapOf(['b', 1]))).toBe(false);
  });

  it('compares functions by what they name', () => {
    expect(valuesEqual(new FunctionValue('fn', 'f', 3), new FunctionValue('fn', 'f', 3))).toBe(true);
    expect(valuesEqual(new FunctionValue('fn', 'f', 3), new FunctionValue('fn', 'g', 4))).toBe(false);
  });

  it('handles values nested far deeper than the JS stack', () => {
    let left: Value = new VariantValue(SHAPE, 1, []);
    let right: Value = new VariantValue(SHAPE, 1, []);
    for (let i = 0; i < 200_000; i++) {
      left = new VariantValue(SHAPE, 0, [left]);
      right = new VariantValue(SHAPE, 0, [right]);
    }
    expect(valuesEqual(left, right)).toBe(true);
  });
});

describe('ordering', () => {
  it('orders strings by code point, so U+10000 sorts after U+FFFF', () => {
    expect(compareStrings('\uFFFF', '\u{10000}')).toBeLessThan(0);
    expect('\uFFFF' < '\u{10000}').toBe(false); // what JS `<` would say
    expect(lessThan('\uFFFF', '\u{10000}')).toBe(true);
    expect(lessThan('\uE000', '\u{1F600}')).toBe(true);
    expect(compareStrings('a\u{10000}', 'a\u{10001}')).toBeLessThan(0);
    expect(compareStrings('ab', 'a')).toBeGreaterThan(0);
    expect(compareStrings('', '')).toBe(0);
  });

  it('orders Ints exactly across the number/bigint boundary', () => {
    expect(lessThan(9007199254740991, 9007199254740992n)).toBe(true);
    expect(lessThan(-(2n ** 63n), -5)).toBe(true);
    expect(lessThan(3, 3)).toBe(false);
  });

  it('follows IEEE for NaN: every ordered comparison is false', () => {
    expect(lessThan(Number.NaN, 1)).toBe(false);
    expect(lessThan(1, Number.NaN)).toBe(false);
    expect(lessThan(Number.NaN, Number.NaN)).toBe(false);
  });
});

describe('mapKeyOf', () => {
  it('uses primitives as they are', () => {
    expect(mapKeyOf('a')).toBe('a');
    expect(mapKeyOf(3)).toBe(3);
    expect(mapKeyOf(2n ** 60n)).toBe(2n ** 60n);
    expect(mapKeyOf(true)).toBe(true);
  });

  it('gives equal compound keys the same JS key and different ones different keys', () => {
    expect(mapKeyOf(new TupleValue([1, 'a']))).toBe(mapKeyOf(new TupleValue([1, 'a'])));
    expect(mapKeyOf(new TupleValue(['a,b', 'c']))).not.toBe(mapKeyOf(new TupleValue(['a', 'b,c'])));
    expect(mapKeyOf(listFromArray([1, 2]))).not.toBe(mapKeyOf(listFromArray([12])));
    expect(mapKeyOf(new TupleValue([0, 'x']))).toBe(mapKeyOf(new TupleValue([-0, 'x'])));
    expect(mapKeyOf(new VariantValue(SHAPE, 0, [5]))).toBe(mapKeyOf(new VariantValue(SHAPE, 0, [5])));
    expect(mapKeyOf(new WrapValue(WrapKind.Some, 1))).not.toBe(mapKeyOf(new WrapValue(WrapKind.Ok, 1)));
    expect(mapKeyOf(mapOf(['a', 1], ['b', 2]))).toBe(mapKeyOf(mapOf(['b', 2], ['a', 1])));
  });
});
