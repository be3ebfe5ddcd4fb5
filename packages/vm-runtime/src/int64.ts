import { AverRuntimeError } from './errors.js';
import { RuntimeMessages } from './runtime-messages.js';
import { normalizeInt } from './values.js';

/**
 * Wrapping 64-bit Int arithmetic (language reference: "Runtime semantics: Int"). An Int is a safe JS `number` or,
 * beyond ±(2^53 − 1), an exact `bigint`; every function here returns that canonical form. The number path is exact: a
 * float result of two safe integers that is itself safe has not been rounded, so only results outside the safe range
 * take the bigint path, where `normalizeInt` wraps them to i64.
 */
export type Int = number | bigint;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** i64::MIN as a bigint. */
export const INT64_MIN = -(2n ** 63n);
/** i64::MAX as a bigint. */
export const INT64_MAX = 2n ** 63n - 1n;
const TWO_POW_63 = 2 ** 63;

function big(x: Int): bigint {
  return typeof x === 'bigint' ? x : BigInt(x);
}

/** `a + b`, wrapping. */
export function intAdd(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const sum = a + b;
    if (sum <= MAX_SAFE && sum >= -MAX_SAFE) return sum;
  }
  return normalizeInt(big(a) + big(b));
}

/** `a - b`, wrapping. */
export function intSub(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const difference = a - b;
    if (difference <= MAX_SAFE && difference >= -MAX_SAFE) return difference;
  }
  return normalizeInt(big(a) - big(b));
}

/** `a * b`, wrapping. */
export function intMul(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const product = a * b;
    // `+ 0` turns the `-0` of `0 * -n` into `0`.
    if (product <= MAX_SAFE && product >= -MAX_SAFE) return product + 0;
  }
  return normalizeInt(big(a) * big(b));
}

/** `0 - a`, wrapping (`-i64::MIN` is `i64::MIN`). */
export function intNegate(a: Int): Int {
  if (typeof a === 'number') return 0 - a;
  return normalizeInt(-a);
}

function isZero(x: Int): boolean {
  return x === 0 || x === 0n;
}

/** `a / b` truncating toward zero (Rust `wrapping_div`): `i64::MIN / -1` is `i64::MIN`; throws `division by zero`. */
export function intDiv(a: Int, b: Int): Int {
  if (isZero(b)) throw new AverRuntimeError(RuntimeMessages.divisionByZero());
  if (typeof a === 'number' && typeof b === 'number') return Math.trunc(a / b) + 0;
  return normalizeInt(big(a) / big(b));
}

/** `a % b` with the sign of the dividend (Rust `wrapping_rem`): `i64::MIN % -1` is 0; throws `division by zero`. */
export function intRem(a: Int, b: Int): Int {
  if (isZero(b)) throw new AverRuntimeError(RuntimeMessages.divisionByZero());
  if (typeof a === 'number' && typeof b === 'number') return (a % b) + 0;
  return normalizeInt(big(a) % big(b));
}

/** Euclidean division (Rust `wrapping_div_euclid`, 0.24 `Int.div`): the remainder is never negative. */
export function intDivEuclid(a: Int, b: Int): Int {
  if (isZero(b)) throw new AverRuntimeError(RuntimeMessages.divisionByZero());
  if (typeof a === 'number' && typeof b === 'number') {
    const quotient = Math.trunc(a / b) + 0;
    if (a % b < 0) return b > 0 ? quotient - 1 : quotient + 1;
    return quotient;
  }
  const x = big(a);
  const y = big(b);
  let quotient = x / y;
  if (x % y < 0n) quotient = y > 0n ? quotient - 1n : quotient + 1n;
  return normalizeInt(quotient);
}

/** Euclidean remainder (Rust `wrapping_rem_euclid`, 0.17.1+ `Int.mod`): always in `[0, |b|)`. */
export function intModEuclid(a: Int, b: Int): Int {
  if (isZero(b)) throw new AverRuntimeError(RuntimeMessages.divisionByZero());
  if (typeof a === 'number' && typeof b === 'number') {
    const remainder = (a % b) + 0;
    return remainder < 0 ? remainder + Math.abs(b) : remainder;
  }
  const y = big(b);
  const remainder = big(a) % y;
  return normalizeInt(remainder < 0n ? remainder + (y < 0n ? -y : y) : remainder);
}

/** `i64::abs` in a release build: `abs(i64::MIN)` wraps to `i64::MIN`. */
export function intAbs(a: Int): Int {
  if (typeof a === 'number') return Math.abs(a);
  return normalizeInt(a < 0n ? -a : a);
}

/** Rust `f as i64`: truncates toward zero and saturates; NaN gives 0. */
export function floatToInt(x: number): Int {
  if (Number.isNaN(x)) return 0;
  const truncated = Math.trunc(x);
  if (truncated <= MAX_SAFE && truncated >= -MAX_SAFE) return truncated + 0;
  if (truncated >= TWO_POW_63) return INT64_MAX;
  if (truncated <= -TWO_POW_63) return INT64_MIN;
  return BigInt(truncated);
}

/** Rust `n as f64`: the nearest double (ties to even). */
export function intToFloat(n: Int): number {
  return typeof n === 'number' ? n : Number(n);
}

const INT_SYNTAX = /^[+-]?[0-9]+$/;

/**
 * Rust `str::parse::<i64>`: an optional sign and ASCII digits only (no whitespace, no `_`); out of range is a
 * failure. Returns `null` when `text` is not an i64.
 */
export function parseInt64(text: string): Int | null {
  if (!INT_SYNTAX.test(text)) return null;
  // Up to 15 characters (sign included) is always a safe integer.
  if (text.length <= 15) return Number(text) + 0;
  const value = BigInt(text);
  if (value > INT64_MAX || value < INT64_MIN) return null;
  return normalizeInt(value);
}
