/**
 * Shortest round-trip formatting of `f64` the way Rust prints it: `Display` (`{}`) for text and the NDJSON
 * diff line, and serde_json (ryu) for report JSON. Both use the shortest digits that read back to the same
 * double; they differ only in layout.
 */

/**
 * Formats a number like Rust's `Display` for `f64` (`format!("{}", x)`): shortest round-trip digits, never an
 * exponent, integral values without `.0` (`20`), `NaN`, `inf`, `-inf`, and `-0` for negative zero.
 * JavaScript's `String(n)` agrees except for |n| < 1e-6 and |n| ≥ 1e21 (bench spec: "TypeScript porting notes",
 * note 3).
 *
 * @param value The number to format.
 * @returns The formatted number.
 */
export function formatRustFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  if (!Number.isFinite(value)) return `${sign}inf`;
  if (value === 0) return `${sign}0`;
  const { digits, exponent } = shortestDecimal(Math.abs(value));
  if (exponent <= 0) return `${sign}0.${'0'.repeat(-exponent)}${digits}`;
  if (exponent < digits.length) return `${sign}${digits.slice(0, exponent)}.${digits.slice(exponent)}`;
  return sign + digits + '0'.repeat(exponent - digits.length);
}

/**
 * Formats a number the way serde_json writes an `f64` (ryu): integral values keep `.0` (`1003.0`), values from
 * 1e-5 up to 1e16 print positionally, others in exponent form (`1e-7`, `1.5e16`); non-finite values are
 * written as `null`, as serde_json does.
 *
 * @param value The number to format.
 * @returns A JSON number literal, or `null`.
 */
export function formatJsonFloat(value: number): string {
  if (!Number.isFinite(value)) return 'null';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  if (value === 0) return `${sign}0.0`;
  const { digits, exponent } = shortestDecimal(Math.abs(value));
  const length = digits.length;
  if (exponent >= length && exponent <= 16) return `${sign}${digits}${'0'.repeat(exponent - length)}.0`;
  if (exponent > 0 && exponent <= 16) return `${sign}${digits.slice(0, exponent)}.${digits.slice(exponent)}`;
  if (exponent > -5 && exponent <= 0) return `${sign}0.${'0'.repeat(-exponent)}${digits}`;
  const mantissa = length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
  return `${sign}${mantissa}e${exponent - 1}`;
}

/**
 * The shortest round-trip decimal digits of a positive finite double, as `0.{digits} × 10^exponent`
 * (no leading or trailing zeros in `digits`). ECMAScript's Number-to-String picks the same digits as Rust's
 * shortest formatting and ryu: the fewest digits that round-trip, and among those the closest.
 */
function shortestDecimal(value: number): { digits: string; exponent: number } {
  const text = String(value);
  const exponentAt = text.indexOf('e');
  const mantissa = exponentAt === -1 ? text : text.slice(0, exponentAt);
  const powerOfTen = exponentAt === -1 ? 0 : Number(text.slice(exponentAt + 1));
  const pointAt = mantissa.indexOf('.');
  const fraction = pointAt === -1 ? '' : mantissa.slice(pointAt + 1);
  const allDigits = pointAt === -1 ? mantissa : mantissa.slice(0, pointAt) + fraction;
  const withoutLeading = allDigits.replace(/^0+/, '');
  const digits = withoutLeading.replace(/0+$/, '');
  const trailingZeros = withoutLeading.length - digits.length;
  // value = digits × 10^(powerOfTen − fraction.length + trailingZeros)
  return { digits, exponent: digits.length + powerOfTen - fraction.length + trailingZeros };
}
