import { describe, expect, it } from 'vitest';
import { INT64_MAX, INT64_MIN } from '../int64.js';
import { WrapKind, WrapValue } from '../values.js';
import { callBuiltin } from './test-helpers.js';

describe('Float.round rounds half away from zero', () => {
  it.each([
    [2.5, 3],
    [-2.5, -3],
    [0.5, 1],
    [-0.5, -1],
    [1.4999999999999998, 1],
    [0.49999999999999994, 0],
    [-1.5, -2],
    [-0.4, 0],
    [1e300, INT64_MAX],
    [-1e300, INT64_MIN],
    [Number.NaN, 0],
  ])('rounds %s to %s', (value, rounded) => {
    expect(callBuiltin('Float.round', value)).toBe(rounded);
  });

  it('never returns -0', () => {
    expect(Object.is(callBuiltin('Float.round', -0.2), 0)).toBe(true);
  });
});

describe('other Float built-ins', () => {
  it('floors and ceils to a saturating Int', () => {
    expect(callBuiltin('Float.floor', -1.5)).toBe(-2);
    expect(callBuiltin('Float.ceil', -1.5)).toBe(-1);
    expect(callBuiltin('Float.ceil', Number.POSITIVE_INFINITY)).toBe(INT64_MAX);
  });

  it('returns the other operand of min/max when one is NaN', () => {
    expect(callBuiltin('Float.min', Number.NaN, 2)).toBe(2);
    expect(callBuiltin('Float.max', 3, Number.NaN)).toBe(3);
    expect(callBuiltin('Float.min', 1, 2)).toBe(1);
    expect(callBuiltin('Float.max', 1, 2)).toBe(2);
    expect(callBuiltin('Float.max', Number.NaN, Number.NaN)).toBeNaN();
  });

  it('parses with the Rust f64 grammar and the reference error text', () => {
    expect(callBuiltin('Float.fromString', '.5')).toEqual(new WrapValue(WrapKind.Ok, 0.5));
    expect(callBuiltin('Float.fromString', '-infinity')).toEqual(
      new WrapValue(WrapKind.Ok, Number.NEGATIVE_INFINITY),
    );
    expect(callBuiltin('Float.fromString', ' 1.5')).toEqual(
      new WrapValue(WrapKind.Err, "Cannot parse ' 1.5' as Float"),
    );
    expect(callBuiltin('Float.fromString', '')).toEqual(
      new WrapValue(WrapKind.Err, "Cannot parse '' as Float"),
    );
  });

  it('computes like Rust f64 methods', () => {
    expect(callBuiltin('Float.sqrt', -1)).toBeNaN();
    expect(callBuiltin('Float.pow', 2, 10)).toBe(1024);
    expect(callBuiltin('Float.pow', 1, Number.NaN)).toBe(1);
    expect(callBuiltin('Float.pow', -1, Number.POSITIVE_INFINITY)).toBe(1);
    expect(callBuiltin('Float.atan2', 1, 0)).toBe(Math.PI / 2);
    expect(String(callBuiltin('Float.pi'))).toBe('3.141592653589793');
    expect(callBuiltin('Float.abs', -2.5)).toBe(2.5);
    expect(callBuiltin('Float.fromInt', 2n ** 62n)).toBe(2 ** 62);
    expect(callBuiltin('Float.toInt', 2.7)).toBe(2);
    expect(callBuiltin('Float.toString', 78.53975)).toBe('78.53975');
  });
});
