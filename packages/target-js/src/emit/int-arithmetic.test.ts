import { describe, expect, it } from 'vitest';
import { RUNTIME } from '../runtime.js';
import { INT_ARITHMETIC } from './int-arithmetic.js';

type IntOp = (a: number | bigint, b?: number | bigint) => number | bigint;

/** The module's Int operators, evaluated as a generated module evaluates them (against `$rt`). */
function operators(): { add: IntOp; sub: IntOp; mul: IntOp; neg: IntOp; div: IntOp } {
  const make = new Function(
    '$rt',
    `${INT_ARITHMETIC}\nreturn [$addInt, $subInt, $mulInt, $negInt, $divInt];`,
  );
  const [add, sub, mul, neg, div] = make(RUNTIME) as IntOp[];
  return { add, sub, mul, neg, div };
}

describe('the Int operators of a generated module', () => {
  it('add, subtract and multiply int32 values as numbers', () => {
    const { add, sub, mul, neg } = operators();
    expect(add(2, 3)).toBe(5);
    expect(sub(2, 3)).toBe(-1);
    expect(mul(-7, 6)).toBe(-42);
    expect(neg(5)).toBe(-5);
  });

  it('keep safe results beyond int32 as numbers', () => {
    const { add, sub, mul } = operators();
    expect(add(2147483647, 1)).toBe(2147483648);
    expect(sub(-2147483648, 1)).toBe(-2147483649);
    expect(mul(13334333, 1000000)).toBe(13334333000000);
  });

  it('switch to an exact bigint past 2^53 and back to a number when the result is safe again', () => {
    const { add, sub, mul } = operators();
    expect(add(9007199254740991, 1)).toBe(9007199254740992n);
    expect(sub(-9007199254740991, 1)).toBe(-9007199254740992n);
    expect(sub(9007199254740992n, 1)).toBe(9007199254740991);
    expect(add(9007199254740992n, -9007199254740992n)).toBe(0);
    expect(add(1152921504606846976n, 1)).toBe(1152921504606846977n);
    expect(mul(3037000499, 3037000499)).toBe(9223372030926249001n);
  });

  it('wrap at 64 bits', () => {
    const { add, mul, neg } = operators();
    expect(add(9223372036854775807n, 1)).toBe(-9223372036854775808n);
    expect(mul(4294967296, 4294967295)).toBe(-4294967296);
    expect(mul(3037000500, 3037000500)).toBe(-9223372036709301616n);
    expect(neg(-9223372036854775808n)).toBe(-9223372036854775808n);
  });

  it('never give -0', () => {
    const { mul, neg, div } = operators();
    expect(Object.is(mul(0, -5), 0)).toBe(true);
    expect(Object.is(neg(0), 0)).toBe(true);
    expect(Object.is(div(-1, 3), 0)).toBe(true);
    expect(Object.is(div(0, -7), 0)).toBe(true);
  });

  it('divide truncating towards zero, exactly for every size, and refuse a zero divisor with the VM error', () => {
    const { div } = operators();
    expect(div(7, 2)).toBe(3);
    expect(div(-7, 2)).toBe(-3);
    expect(div(7, -2)).toBe(-3);
    expect(div(9007199254740991, 2)).toBe(4503599627370495);
    expect(div(9007199254740991, 9007199254740990)).toBe(1);
    expect(div(9007199254740990, 9007199254740991)).toBe(0);
    expect(div(-9007199254740991, 3)).toBe(-3002399751580330);
    expect(div(9223372036854775807n, 2)).toBe(4611686018427387903n);
    expect(div(9223372036854775807n, 9223372036854775807n)).toBe(1);
    expect(div(18014398509481984n, 2)).toBe(9007199254740992n);
    expect(div(18014398509481982n, 2)).toBe(9007199254740991);
    expect(div(-9223372036854775808n, -1)).toBe(-9223372036854775808n);
    expect(() => div(5, 0)).toThrow('division by zero');
    expect(() => div(9223372036854775807n, 0)).toThrow('division by zero');
  });

  it('stay exact after V8 has optimised them for small numbers', () => {
    const { add, mul, div } = operators();
    let sum = 0;
    for (let i = 0; i < 200_000; i++) sum = add(sum, mul(i & 7, 3)) as number;
    expect(sum).toBe(2_100_000);
    expect(add(9007199254740991, 1)).toBe(9007199254740992n);
    expect(add(2147483647, 2147483647)).toBe(4294967294);
    expect(mul(2, 9223372036854775807n)).toBe(-2);
    let quotients = 0;
    for (let i = 1; i < 200_000; i++) quotients = add(quotients, div(i & 7, 3)) as number;
    expect(quotients).toBe(175_000);
    expect(div(9223372036854775807n, 3)).toBe(3074457345618258602n);
    expect(() => div(1, 0)).toThrow('division by zero');
  });
});
