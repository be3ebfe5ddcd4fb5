import { describe, expect, it } from 'vitest';
import { AverRuntimeError } from '../errors.js';
import { EMPTY_LIST, ListValue, listFromArray, NONE, VectorValue, WrapKind, WrapValue } from '../values.js';
import { callBuiltin } from './test-helpers.js';

describe('Vector built-ins', () => {
  it('creates n copies of a value', () => {
    expect(callBuiltin('Vector.new', 3, 0)).toEqual(new VectorValue([0, 0, 0]));
    expect(callBuiltin('Vector.new', 0, 'x')).toEqual(new VectorValue([]));
  });

  it('fails Vector.new with a negative size', () => {
    expect(() => callBuiltin('Vector.new', -1, 0)).toThrow(AverRuntimeError);
    expect(() => callBuiltin('Vector.new', -1, 0)).toThrow('Vector.new: size must not be negative, got -1');
    expect(() => callBuiltin('Vector.new', 2n ** 62n, 0)).toThrow(
      'Vector.new: size 4611686018427387904 is above the limit of 33554432 elements',
    );
  });

  it('allows 2^25 elements and refuses one more, in Vector.new and Vector.fromList', () => {
    expect((callBuiltin('Vector.new', 2 ** 25, 0) as VectorValue).items.length).toBe(33554432);
    expect(() => callBuiltin('Vector.new', 2 ** 25 + 1, 0)).toThrow(
      'Vector.new: size 33554433 is above the limit of 33554432 elements',
    );
    // A list's length is read from its first cell, so one cell that says so stands for a longer list.
    const long = new ListValue(1, EMPTY_LIST, 2 ** 25 + 1);
    expect(() => callBuiltin('Vector.fromList', long)).toThrow(
      'Vector.fromList: size 33554433 is above the limit of 33554432 elements',
    );
  });

  it('gets by index or None', () => {
    const vector = new VectorValue(['a', 'b']);
    expect(callBuiltin('Vector.get', vector, 1)).toEqual(new WrapValue(WrapKind.Some, 'b'));
    expect(callBuiltin('Vector.get', vector, 2)).toBe(NONE);
    expect(callBuiltin('Vector.get', vector, -1)).toBe(NONE);
    expect(callBuiltin('Vector.len', vector)).toBe(2);
  });

  it('sets in place when the vector is unshared', () => {
    const vector = new VectorValue([1, 2, 3]);
    const result = callBuiltin('Vector.set', vector, 1, 9) as WrapValue;
    expect(result.value).toBe(vector);
    expect(vector.items).toEqual([1, 9, 3]);
  });

  it('copies when the vector is shared, leaving the original intact', () => {
    const vector = new VectorValue([1, 2, 3]);
    vector.shared = true;
    const result = (callBuiltin('Vector.set', vector, 1, 9) as WrapValue).value as VectorValue;
    expect(result).not.toBe(vector);
    expect(result.items).toEqual([1, 9, 3]);
    expect(result.shared).toBe(false);
    expect(vector.items).toEqual([1, 2, 3]);
  });

  it('returns None for an out-of-range set without touching the vector', () => {
    const vector = new VectorValue([1]);
    expect(callBuiltin('Vector.set', vector, 1, 9)).toBe(NONE);
    expect(vector.items).toEqual([1]);
  });

  it('converts from a list', () => {
    expect(callBuiltin('Vector.fromList', listFromArray([1, 2]))).toEqual(new VectorValue([1, 2]));
  });
});
