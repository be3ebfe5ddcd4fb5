import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJsonFloat, formatRustFloat } from './format-float.js';

describe('formatRustFloat', () => {
  it('prints integral values without a fraction', () => {
    expect(formatRustFloat(20)).toBe('20');
    expect(formatRustFloat(0)).toBe('0');
    expect(formatRustFloat(1003)).toBe('1003');
    expect(formatRustFloat(-30)).toBe('-30');
  });

  it('prints the shortest round-trip digits', () => {
    expect(formatRustFloat(0.1)).toBe('0.1');
    expect(formatRustFloat(7.07)).toBe('7.07');
    expect(formatRustFloat(6.082036775106082)).toBe('6.082036775106082');
    expect(formatRustFloat(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(formatRustFloat(-37.46630727762803)).toBe('-37.46630727762803');
  });

  it('never uses an exponent, where String(n) would', () => {
    expect(String(1e-7)).toBe('1e-7');
    expect(formatRustFloat(1e-7)).toBe('0.0000001');
    expect(formatRustFloat(1.5e-7)).toBe('0.00000015');
    expect(formatRustFloat(1e21)).toBe('1000000000000000000000');
    expect(formatRustFloat(1.2345e25)).toBe('12345000000000000000000000');
    expect(formatRustFloat(5e-324)).toBe(`0.${'0'.repeat(323)}5`);
  });

  it('prints NaN, infinities and negative zero as Rust does', () => {
    expect(formatRustFloat(Number.NaN)).toBe('NaN');
    expect(formatRustFloat(Number.POSITIVE_INFINITY)).toBe('inf');
    expect(formatRustFloat(Number.NEGATIVE_INFINITY)).toBe('-inf');
    expect(formatRustFloat(-0)).toBe('-0');
  });

  it('reads back to the same number and has no exponent', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = formatRustFloat(value);
        return !/e/i.test(text) && Object.is(Number(text), value);
      }),
    );
  });

  it('matches String(n) in the range where JavaScript prints positionally', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e20, noNaN: true }),
        (value) => formatRustFloat(value) === String(value),
      ),
    );
  });
});

describe('formatJsonFloat', () => {
  it('keeps .0 on integral values, as serde_json does', () => {
    expect(formatJsonFloat(1003)).toBe('1003.0');
    expect(formatJsonFloat(0)).toBe('0.0');
    expect(formatJsonFloat(-0)).toBe('-0.0');
    expect(formatJsonFloat(1e15)).toBe('1000000000000000.0');
  });

  it('prints decimals positionally from 1e-5 up to 1e16', () => {
    expect(formatJsonFloat(0.0927)).toBe('0.0927');
    expect(formatJsonFloat(1021.4571249999999)).toBe('1021.4571249999999');
    expect(formatJsonFloat(0.00001)).toBe('0.00001');
    expect(formatJsonFloat(0.000123)).toBe('0.000123');
    expect(formatJsonFloat(1234567890123.5)).toBe('1234567890123.5');
  });

  it('uses ryu exponent form outside that range', () => {
    expect(formatJsonFloat(9e-6)).toBe('9e-6');
    expect(formatJsonFloat(1.5e-7)).toBe('1.5e-7');
    expect(formatJsonFloat(1e16)).toBe('1e16');
    expect(formatJsonFloat(1.2345e16)).toBe('1.2345e16');
    expect(formatJsonFloat(5e-324)).toBe('5e-324');
    expect(formatJsonFloat(1.7976931348623157e308)).toBe('1.7976931348623157e308');
    expect(formatJsonFloat(-2.5e-10)).toBe('-2.5e-10');
  });

  it('writes null for values JSON cannot hold, as serde_json does', () => {
    expect(formatJsonFloat(Number.NaN)).toBe('null');
    expect(formatJsonFloat(Number.POSITIVE_INFINITY)).toBe('null');
    expect(formatJsonFloat(Number.NEGATIVE_INFINITY)).toBe('null');
  });

  it('is valid JSON that reads back to the same number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) =>
        Object.is(JSON.parse(formatJsonFloat(value)), value),
      ),
    );
  });
});
