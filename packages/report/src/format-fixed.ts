import * as messages from './messages.js';

/**
 * Formats a number with a fixed count of fraction digits exactly like Rust's `format!("{:.N}", x)` for
 * `f64`: the exact binary value is rounded half to even (so `{:.0}` of 2.5 is `2` and `{:.2}` of 2.125 is
 * `2.12`, where `toFixed` gives `3` and `2.13`), any magnitude prints positionally, negative values keep their
 * sign even when they round to zero (`-0.0`), and non-finite values print `NaN`, `inf` and `-inf`.
 *
 * @param value The number to format.
 * @param fractionDigits Digits after the decimal point (a non-negative integer).
 * @returns The formatted number.
 */
export function formatFixed(value: number, fractionDigits: number): string {
  if (!Number.isSafeInteger(fractionDigits) || fractionDigits < 0) {
    throw new RangeError(messages.badFractionDigits(fractionDigits));
  }
  if (Number.isNaN(value)) return 'NaN';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  if (!Number.isFinite(value)) return `${sign}inf`;

  // |value| = mantissa × 2^exponent exactly; round |value| × 10^digits = mantissa × 10^digits / 2^-exponent.
  const { mantissa, exponent } = decomposeDouble(Math.abs(value));
  const scale = 10n ** BigInt(fractionDigits);
  let scaled: bigint;
  if (exponent >= 0) {
    scaled = (mantissa << BigInt(exponent)) * scale;
  } else {
    const shift = BigInt(-exponent);
    const numerator = mantissa * scale;
    const quotient = numerator >> shift;
    const remainder = numerator - (quotient << shift);
    const half = 1n << (shift - 1n);
    const roundUp = remainder > half || (remainder === half && (quotient & 1n) === 1n);
    scaled = roundUp ? quotient + 1n : quotient;
  }

  const digits = scaled.toString().padStart(fractionDigits + 1, '0');
  const integerPart = digits.slice(0, digits.length - fractionDigits);
  if (fractionDigits === 0) return sign + integerPart;
  return `${sign}${integerPart}.${digits.slice(digits.length - fractionDigits)}`;
}

/** Splits a finite, non-negative double into `mantissa × 2^exponent` with an integer mantissa. */
function decomposeDouble(value: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const high = view.getUint32(0);
  const low = view.getUint32(4);
  const biasedExponent = (high >>> 20) & 0x7ff;
  const fraction = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  if (biasedExponent === 0) return { mantissa: fraction, exponent: -1074 };
  return { mantissa: fraction | (1n << 52n), exponent: biasedExponent - 1075 };
}
