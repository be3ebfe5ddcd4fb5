import { describe, expect, it } from 'vitest';
import { AverRuntimeError } from './errors.js';
import {
  floatToInt,
  INT64_MAX,
  INT64_MIN,
  intAbs,
  intAdd,
  intDiv,
  intDivEuclid,
  intModEuclid,
  intMul,
  intNegate,
  intRem,
  intSub,
  intToFloat,
  parseInt64,
} from './int64.js';

describe('wrapping i64 arithmetic', () => {
  it('keeps safe results as numbers', () => {
    expect(intAdd(2, 3)).toBe(5);
    expect(intSub(2, 3)).toBe(-1);
    expect(intMul(13334333, 1000000)).toBe(13334333000000);
  });

  it('switches to an exact bigint beyond 2^53 and back to a number when the result is safe again', () => {
    expect(intAdd(Number.MAX_SAFE_INTEGER, 1)).toBe(9007199254740992n);
    expect(intSub(9007199254740992n, 1)).toBe(Number.MAX_SAFE_INTEGER);
    expect(intMul(4294967296, 4294967295)).toBe(-4294967296);
    expect(intMul(4294967296, 2147483648)).toBe(INT64_MIN);
  });

  it('wraps 9223372036854775807 + 1 to i64::MIN', () => {
    expect(intAdd(INT64_MAX, 1)).toBe(INT64_MIN);
    expect(intSub(INT64_MIN, 1)).toBe(INT64_MAX);
  });

  it('wraps multiplication overflow like Rust wrapping_mul', () => {
    expect(intMul(INT64_MAX, 2)).toBe(-2);
    expect(intMul(3037000500, 3037000500)).toBe(-9223372036709301616n);
  });

  it('never produces -0', () => {
    expect(Object.is(intMul(0, -5), 0)).toBe(true);
    expect(Object.is(intDiv(-1, 5), 0)).toBe(true);
    expect(Object.is(intRem(-5, 5), 0)).toBe(true);
    expect(Object.is(intNegate(0), 0)).toBe(true);
  });

  it('divides truncating toward zero, with i64::MIN / -1 = i64::MIN', () => {
    expect(intDiv(7, 2)).toBe(3);
    expect(intDiv(-7, 2)).toBe(-3);
    expect(intDiv(INT64_MIN, -1)).toBe(INT64_MIN);
    expect(intDiv(INT64_MAX, 2)).toBe(4611686018427387903n);
  });

  it('throws `division by zero` for a zero divisor', () => {
    expect(() => intDiv(1, 0)).toThrow(new AverRuntimeError('division by zero'));
    expect(() => intRem(1, 0)).toThrow(AverRuntimeError);
    expect(() => intDivEuclid(1n << 60n, 0)).toThrow('division by zero');
  });

  it('takes the remainder with the sign of the dividend', () => {
    expect(intRem(-7, 3)).toBe(-1);
    expect(intRem(7, -3)).toBe(1);
    expect(intRem(INT64_MIN, -1)).toBe(0);
  });

  it('divides and takes remainders the Euclidean way', () => {
    expect(intDivEuclid(-7, 3)).toBe(-3);
    expect(intModEuclid(-7, 3)).toBe(2);
    expect(intDivEuclid(-7, -3)).toBe(3);
    expect(intModEuclid(-7, -3)).toBe(2);
    expect(intDivEuclid(7, -3)).toBe(-2);
    expect(intModEuclid(INT64_MIN, 10)).toBe(2);
    expect(intDivEuclid(INT64_MIN, -1)).toBe(INT64_MIN);
  });

  it('negates and takes absolute values with wrapping at i64::MIN', () => {
    expect(intNegate(5)).toBe(-5);
    expect(intNegate(INT64_MIN)).toBe(INT64_MIN);
    expect(intAbs(-5)).toBe(5);
    expect(intAbs(INT64_MIN)).toBe(INT64_MIN);
    expect(intAbs(-(2n ** 60n))).toBe(2n ** 60n);
  });
});

describe('Int/Float conversions', () => {
  it('truncates floats toward zero and saturates like Rust `as i64`', () => {
    expect(floatToInt(2.9)).toBe(2);
    expect(floatToInt(-2.9)).toBe(-2);
    expect(Object.is(floatToInt(-0.5), 0)).toBe(true);
    expect(floatToInt(Number.NaN)).toBe(0);
    expect(floatToInt(Number.POSITIVE_INFINITY)).toBe(INT64_MAX);
    expect(floatToInt(Number.NEGATIVE_INFINITY)).toBe(INT64_MIN);
    expect(floatToInt(1e19)).toBe(INT64_MAX);
    expect(floatToInt(2 ** 60)).toBe(2n ** 60n);
  });

  it('converts big Ints to the nearest double', () => {
    expect(intToFloat(INT64_MAX)).toBe(2 ** 63);
    expect(intToFloat(-3)).toBe(-3);
  });
});

describe('parseInt64', () => {
  it.each([
    ['42', 42],
    ['-7', -7],
    ['+5', 5],
    ['007', 7],
    ['-0', 0],
    ['9007199254740993', 9007199254740993n],
    ['9223372036854775807', INT64_MAX],
    ['-9223372036854775808', INT64_MIN],
  ])('parses %j like Rust str::parse::<i64>', (text, value) => {
    expect(parseInt64(text)).toBe(value);
  });

  it.each([
    '',
    '+',
    '-',
    ' 1',
    '1 ',
    '1_000',
    '1.0',
    '0x1F',
    '9223372036854775808',
    '-9223372036854775809',
    '１',
  ])('rejects %j', (text) => {
    expect(parseInt64(text)).toBeNull();
  });

  it('returns -0 as the canonical 0', () => {
    expect(Object.is(parseInt64('-0'), 0)).toBe(true);
  });
});
