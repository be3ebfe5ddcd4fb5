/**
 * Rust `f64` `Display` (language reference: "Value display"): the shortest digits that round-trip, always positional
 * (never an exponent), no `.0` on integral values; `NaN`, `inf`, `-inf`, `-0`.
 *
 * JS `String(x)` already prints the shortest round-trip digits positionally for 1e-6 ≤ |x| < 1e21, which is the
 * common case; outside that range the digits of `toExponential()` are laid out positionally by hand.
 */
export function formatFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const magnitude = x < 0 ? -x : x;
  if (magnitude >= 1e-6 && magnitude < 1e21) return String(x);
  if (magnitude === Number.POSITIVE_INFINITY) return x < 0 ? '-inf' : 'inf';
  return positional(x);
}

/** Lays out `toExponential()` (shortest digits `d.ddd`, exponent `e`) without an exponent. */
function positional(x: number): string {
  const exponential = x.toExponential();
  const negative = exponential.charCodeAt(0) === 45; // '-'
  const mark = exponential.indexOf('e');
  const mantissa = exponential.slice(negative ? 1 : 0, mark);
  const exponent = Number(exponential.slice(mark + 1));
  const digits = mantissa.length > 1 ? mantissa[0] + mantissa.slice(2) : mantissa;
  const sign = negative ? '-' : '';
  if (exponent >= digits.length - 1) return sign + digits + '0'.repeat(exponent - (digits.length - 1));
  if (exponent < 0) return sign + '0.' + '0'.repeat(-exponent - 1) + digits;
  return sign + digits.slice(0, exponent + 1) + '.' + digits.slice(exponent + 1);
}

const FLOAT_SYNTAX = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const SPECIAL_SYNTAX = /^([+-]?)(inf|infinity|nan)$/i;

/**
 * Rust `str::parse::<f64>`: `1`, `1.5`, `.5`, `5.`, `1e3`, `+1`, and `inf`, `infinity`, `nan` in any case with an
 * optional sign; no whitespace, no hex, no `_`. Returns `null` when `text` is not a float. Unlike JS `Number`, the
 * empty string, `.`, `0x10` and ` 1` are rejected; the decimal value itself is rounded the same way by both.
 */
export function parseFloat64(text: string): number | null {
  if (FLOAT_SYNTAX.test(text)) return Number(text);
  const special = SPECIAL_SYNTAX.exec(text);
  if (special === null) return null;
  if (special[2].toLowerCase() === 'nan') return Number.NaN;
  return special[1] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
}
