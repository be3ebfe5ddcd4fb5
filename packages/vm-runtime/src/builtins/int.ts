import {
  floatToInt,
  type Int,
  intAbs,
  intDivEuclid,
  intModEuclid,
  intRem,
  intToFloat,
  parseInt64,
} from '../int64.js';
import { RuntimeMessages } from '../runtime-messages.js';
import type { BuiltinImpl, BuiltinImpls } from './builtin-def.js';
import { err, ok } from './wrappers.js';

const DIVISION_BY_ZERO = RuntimeMessages.divisionByZero();
const INT_DIV_OVERFLOW = RuntimeMessages.intDivOverflow();
/** i64::MIN in the runtime's Int form (beyond 2^53, so always a bigint). */
const I64_MIN = -(2n ** 63n);

function isZero(x: Int): boolean {
  return x === 0 || x === 0n;
}

/** The `Int` namespace (language reference: "Pure namespaces", Int; runtime "Int"). */
export const INT_IMPLS: BuiltinImpls = {
  /** Rust `str::parse::<i64>`; `Err("Cannot parse '<s>' as Int")`. */
  'Int.fromString': (_host, a) => {
    const value = parseInt64(a as string);
    return value === null ? err(RuntimeMessages.cannotParseInt(a as string)) : ok(value);
  },
  /** Alias of `Int.fromString`, removed in 0.17.0. */
  'Int.parse': (_host, a) => {
    const value = parseInt64(a as string);
    return value === null ? err(RuntimeMessages.cannotParseInt(a as string)) : ok(value);
  },
  /** Rust `f as i64`: truncate toward zero, saturate, NaN → 0. */
  'Int.fromFloat': (_host, a) => floatToInt(a as number),
  /** Decimal text; removed in 0.17.0 (→ `String.fromInt`). */
  'Int.toString': (_host, a) => String(a),
  /** `n as f64`; removed in 0.17.0 (→ `Float.fromInt`). */
  'Int.toFloat': (_host, a) => intToFloat(a as Int),
  /** `i64::abs`, wrapping at `i64::MIN`. */
  'Int.abs': (_host, a) => intAbs(a as Int),
  'Int.min': (_host, a, b) => ((a as Int) <= (b as Int) ? a : b),
  'Int.max': (_host, a, b) => ((a as Int) >= (b as Int) ? a : b),
  /**
   * Euclidean remainder (Rust `rem_euclid`, never negative) as in 0.17.1 and later; a program of an earlier
   * release runs `intModTruncated` instead (the compiler swaps it in, see `IntModStyle`). `Err("division by zero")`
   * for a zero divisor; `Int.mod(i64::MIN, -1)` is `Ok(0)`.
   */
  'Int.mod': (_host, a, b) =>
    isZero(b as Int) ? err(DIVISION_BY_ZERO) : ok(intModEuclid(a as Int, b as Int)),
  /**
   * Euclidean division (0.24+); `Err("division by zero")`; `Int.div(i64::MIN, -1)`, whose quotient 2^63 does not
   * fit in Int, is an `Err` too (Oracle addendum: "Two confirmations"), not a wrapped `Ok`.
   */
  'Int.div': (_host, a, b) => {
    if (isZero(b as Int)) return err(DIVISION_BY_ZERO);
    if (a === I64_MIN && b === -1) return err(INT_DIV_OVERFLOW);
    return ok(intDivEuclid(a as Int, b as Int));
  },
};

/**
 * `Int.mod` of 0.15–0.17.0: the truncated remainder (Rust `%`, sign of the dividend, `Int.mod(-7, 3)` is `Ok(-1)`);
 * `Err("division by zero")` for a zero divisor; `Int.mod(i64::MIN, -1)` is `Ok(0)` (the Rust code panicked there).
 */
export const intModTruncated: BuiltinImpl = (_host, a, b) =>
  isZero(b as Int) ? err(DIVISION_BY_ZERO) : ok(intRem(a as Int, b as Int));
