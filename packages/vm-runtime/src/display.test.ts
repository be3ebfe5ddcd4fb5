import { describe, expect, it } from 'vitest';
import { displayValue, reprTopLevel, reprValue } from './display.js';
import { mapKeyOf } from './equality.js';
import {
  EMPTY_LIST,
  FunctionValue,
  listFromArray,
  MapValue,
  NONE,
  type RecordType,
  RecordValue,
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
    { name: 'Rect', arity: 2 },
    { name: 'Point', arity: 0 },
  ],
};

function mapOf(...pairs: [Value, Value][]): MapValue {
  return new MapValue(new Map(pairs.map(([key, value]) => [mapKeyOf(key), { key, value }])));
}

describe('displayValue', () => {
  it('shows a top-level String raw and Unit as nothing', () => {
    expect(displayValue('hello "world"')).toBe('hello "world"');
    expect(displayValue(UNIT)).toBeNull();
  });

  it('shows Ints, Floats and Bools', () => {
    expect(displayValue(42)).toBe('42');
    expect(displayValue(-7)).toBe('-7');
    expect(displayValue(-(2n ** 63n))).toBe('-9223372036854775808');
    expect(displayValue(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(displayValue(12.0)).toBe('12');
    expect(displayValue(true)).toBe('true');
  });

  it('quotes nested strings without escaping them', () => {
    expect(displayValue(listFromArray(['a', 'b"c', 'd\ne']))).toBe('["a", "b"c", "d\ne"]');
  });
});

describe('reprValue', () => {
  it('renders lists, vectors and tuples', () => {
    expect(reprValue(listFromArray([1, 2, 3]))).toBe('[1, 2, 3]');
    expect(reprValue(EMPTY_LIST)).toBe('[]');
    expect(reprValue(new VectorValue([1.5, -0]))).toBe('Vector[1.5, -0]');
    expect(reprValue(new VectorValue([]))).toBe('Vector[]');
    expect(reprValue(new TupleValue(['a', 1, false]))).toBe('("a", 1, false)');
    expect(reprValue(listFromArray([listFromArray([1]), EMPTY_LIST, listFromArray([2, 3])]))).toBe(
      '[[1], [], [2, 3]]',
    );
    expect(reprValue(listFromArray([1, new TupleValue([2, 'x']), 3]))).toBe('[1, (2, "x"), 3]');
  });

  it('renders records with field names in declaration order', () => {
    expect(reprValue(new RecordValue(USER, ['Alice', 30]))).toBe('User(name: "Alice", age: 30)');
    expect(reprValue(listFromArray([new RecordValue(USER, ['Bob', 4])]))).toBe('[User(name: "Bob", age: 4)]');
  });

  it('renders user variants by their bare variant name', () => {
    expect(reprValue(new VariantValue(SHAPE, 0, [5]))).toBe('Circle(5)');
    expect(reprValue(new VariantValue(SHAPE, 1, [3, 4]))).toBe('Rect(3, 4)');
    expect(reprValue(new VariantValue(SHAPE, 2, []))).toBe('Point');
    expect(reprValue(new VariantValue(SHAPE, 0, [new VariantValue(SHAPE, 2, [])]))).toBe('Circle(Point)');
  });

  it('renders Option and Result qualified', () => {
    expect(reprValue(new WrapValue(WrapKind.Some, 1))).toBe('Option.Some(1)');
    expect(reprValue(NONE)).toBe('Option.None');
    expect(reprValue(new WrapValue(WrapKind.Ok, listFromArray(['x'])))).toBe('Result.Ok(["x"])');
    expect(reprValue(new WrapValue(WrapKind.Err, 'm'))).toBe('Result.Err("m")');
    expect(displayValue(new WrapValue(WrapKind.Err, 'm'))).toBe('Result.Err("m")');
  });

  it('renders Unit nested, and functions by kind', () => {
    expect(reprValue(listFromArray([UNIT]))).toBe('[Unit]');
    expect(reprValue(new FunctionValue('fn', 'fib', 0))).toBe('<fn fib>');
    expect(reprValue(new FunctionValue('builtin', 'Console.print', 3))).toBe('<builtin Console.print>');
    expect(reprValue(new FunctionValue('ctor', 'Shape.Circle', 0, SHAPE))).toBe('<ctor Shape.Circle>');
  });

  it('renders maps sorted by the quoted key text, so Int keys come out -1, -2, 1, 10, 2', () => {
    expect(reprValue(mapOf([2, 'b'], [10, 'x'], [-2, 'n'], [1, 'a'], [-1, 'm']))).toBe(
      '{-1: "m", -2: "n", 1: "a", 10: "x", 2: "b"}',
    );
    expect(reprValue(new MapValue(new Map()))).toBe('{}');
  });

  it('puts "a b" before "a" in a map display, because the quote sorts after the space', () => {
    expect(reprValue(mapOf(['a', 1], ['a b', 2]))).toBe('{"a b": 2, "a": 1}');
  });

  it('renders values nested far deeper than the JS stack', () => {
    let value: Value = new VariantValue(SHAPE, 2, []);
    for (let i = 0; i < 100_000; i++) value = new VariantValue(SHAPE, 0, [value]);
    const text = reprValue(value);
    expect(text.length).toBe(100_000 * 'Circle()'.length + 'Point'.length);
    expect(text.startsWith('Circle(Circle(')).toBe(true);
    expect(text.slice(-100_005)).toBe('Point' + ')'.repeat(100_000));
  });

  it('keeps a top-level String unquoted in reprTopLevel', () => {
    expect(reprTopLevel('a b')).toBe('a b');
    expect(reprTopLevel(listFromArray(['a']))).toBe('["a"]');
  });
});
