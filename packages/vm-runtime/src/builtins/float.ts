import { floatToInt, type Int, intToFloat } from '../int64.js';
import { formatFloat, parseFloat64 } from '../float-format.js';
import { RuntimeMessages } from '../runtime-messages.js';
import type { BuiltinImpls } from './builtin-def.js';
import { err, ok } from './wrappers.js';

/** Rust `f64::round`: half away from zero (`Math.round` rounds half up, so -2.5 needs the fix). */
export function roundHalfAwayFromZero(x: number): number {
  const rounded = Math.round(x);
  return x < 0 && rounded - x === 0.5 ? rounded - 1 : rounded;
}

/** Rust `f64::min`: a NaN operand yields the other one. */
export function floatMin(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return Math.min(a, b);
}

/** Rust `f64::max`: a NaN operand yields the other one. */
export function floatMax(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return Math.max(a, b);
}

/** Rust `powf` (C `pow`): unlike `Math.pow`, `pow(1, NaN)` and `pow(-1, ±inf)` are 1. */
export function floatPow(base: number, exponent: number): number {
  if (base === 1) return 1;
  if (base === -1 && (exponent === Number.POSITIVE_INFINITY || exponent === Number.NEGATIVE_INFINITY))
    return 1;
  return base ** exponent;
}

/** The `Float` namespace (language reference: "Pure namespaces", Float; runtime "Float"). */
export const FLOAT_IMPLS: BuiltinImpls = {
  /** Rust `str::parse::<f64>` grammar; `Err("Cannot parse '<s>' as Float")`. */
  'Float.fromString': (_host, a) => {
    const value = parseFloat64(a as string);
    return value === null ? err(RuntimeMessages.cannotParseFloat(a as string)) : ok(value);
  },
  'Float.fromInt': (_host, a) => intToFloat(a as Int),
  /** Float display (language reference: "Value display"); removed in 0.17.0 (→ `String.fromFloat`). */
  'Float.toString': (_host, a) => formatFloat(a as number),
  /** `f as i64`; removed in 0.17.0 (→ `Int.fromFloat`). */
  'Float.toInt': (_host, a) => floatToInt(a as number),
  'Float.abs': (_host, a) => Math.abs(a as number),
  /** Floor, then saturating `as i64`. */
  'Float.floor': (_host, a) => floatToInt(Math.floor(a as number)),
  /** Ceil, then saturating `as i64`. */
  'Float.ceil': (_host, a) => floatToInt(Math.ceil(a as number)),
  /** Half away from zero (2.5 → 3, -2.5 → -3), then saturating `as i64`. */
  'Float.round': (_host, a) => floatToInt(roundHalfAwayFromZero(a as number)),
  'Float.min': (_host, a, b) => floatMin(a as number, b as number),
  'Float.max': (_host, a, b) => floatMax(a as number, b as number),
  'Float.sqrt': (_host, a) => Math.sqrt(a as number),
  'Float.sin': (_host, a) => Math.sin(a as number),
  'Float.cos': (_host, a) => Math.cos(a as number),
  'Float.pow': (_host, a, b) => floatPow(a as number, b as number),
  /** `y.atan2(x)` with arguments `(y, x)`. */
  'Float.atan2': (_host, a, b) => Math.atan2(a as number, b as number),
  'Float.pi': () => Math.PI,
};
