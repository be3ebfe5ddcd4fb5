import { describe, expect, it } from 'vitest';
import { INT64_MAX, INT64_MIN } from '../int64.js';
import { WrapKind, WrapValue } from '../values.js';
import { intModTruncated } from './int.js';
import { callBuiltin } from './test-helpers.js';

const ok = (value: number | bigint | string) => new WrapValue(WrapKind.Ok, value);
const err = (message: string) => new WrapValue(WrapKind.Err, message);

describe('Int built-ins', () => {
  it('parses with the Rust i64 grammar and the reference error text', () => {
    expect(callBuiltin('Int.fromString', '-42')).toEqual(ok(-42));
    expect(callBuiltin('Int.fromString', '9223372036854775807')).toEqual(ok(INT64_MAX));
    expect(callBuiltin('Int.fromString', ' 42')).toEqual(err("Cannot parse ' 42' as Int"));
    expect(callBuiltin('Int.fromString', '9223372036854775808')).toEqual(
      err("Cannot parse '9223372036854775808' as Int"),
    );
    expect(callBuiltin('Int.parse', '7')).toEqual(ok(7));
  });

  it('converts from Float by truncating and saturating', () => {
    expect(callBuiltin('Int.fromFloat', -3.99)).toBe(-3);
    expect(callBuiltin('Int.fromFloat', Number.NaN)).toBe(0);
    expect(callBuiltin('Int.fromFloat', 1e300)).toBe(INT64_MAX);
    expect(callBuiltin('Int.toFloat', 3)).toBe(3);
    expect(callBuiltin('Int.toString', -12)).toBe('-12');
  });

  it('takes abs, min and max, also of big values', () => {
    expect(callBuiltin('Int.abs', -5)).toBe(5);
    expect(callBuiltin('Int.abs', INT64_MIN)).toBe(INT64_MIN);
    expect(callBuiltin('Int.min', 3, -4)).toBe(-4);
    expect(callBuiltin('Int.max', INT64_MAX, 5)).toBe(INT64_MAX);
    expect(callBuiltin('Int.min', INT64_MIN, 0)).toBe(INT64_MIN);
  });

  it('takes the Euclidean remainder in Int.mod (0.17.1+), never negative', () => {
    expect(callBuiltin('Int.mod', -7, 3)).toEqual(ok(2));
    expect(callBuiltin('Int.mod', 7, -3)).toEqual(ok(1));
    expect(callBuiltin('Int.mod', -7, -3)).toEqual(ok(2));
    expect(callBuiltin('Int.mod', 7, 3)).toEqual(ok(1));
    expect(callBuiltin('Int.mod', 7, 0)).toEqual(err('division by zero'));
    expect(callBuiltin('Int.mod', INT64_MIN, -1)).toEqual(ok(0));
    expect(callBuiltin('Int.mod', INT64_MIN, 3)).toEqual(ok(1));
  });

  it('takes the truncated remainder in the Int.mod of 0.15–0.17.0, with the sign of the dividend', () => {
    const mod = (a: number | bigint, b: number) => intModTruncated(undefined as never, a, b, 0, 0);
    expect(mod(-7, 3)).toEqual(ok(-1));
    expect(mod(7, -3)).toEqual(ok(1));
    expect(mod(7, 0)).toEqual(err('division by zero'));
    expect(mod(INT64_MIN, -1)).toEqual(ok(0));
  });

  it('divides the Euclidean way in Int.div', () => {
    expect(callBuiltin('Int.div', -7, 2)).toEqual(ok(-4));
    expect(callBuiltin('Int.div', 7, -2)).toEqual(ok(-3));
    expect(callBuiltin('Int.div', 7, 0)).toEqual(err('division by zero'));
    expect(callBuiltin('Int.div', INT64_MIN, 1)).toEqual(ok(INT64_MIN));
    expect(callBuiltin('Int.div', INT64_MIN, 2)).toEqual(ok(-4611686018427387904n));
  });

  it('gives Err for the one quotient that does not fit in Int: Int.div(i64::MIN, -1) (Oracle addendum: "Two confirmations")', () => {
    expect(callBuiltin('Int.div', INT64_MIN, -1)).toEqual(err('integer overflow'));
    expect(callBuiltin('Int.div', -9223372036854775807n, -1)).toEqual(ok(9223372036854775807n));
  });
});
