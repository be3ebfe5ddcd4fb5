import { describe, expect, it } from 'vitest';
import { formatFloat, parseFloat64 } from './float-format.js';

describe('formatFloat', () => {
  it.each([
    [0.1 + 0.2, '0.30000000000000004'],
    [1e21, '1000000000000000000000'],
    [1e23, '100000000000000000000000'],
    [1e-7, '0.0000001'],
    [1.5e-7, '0.00000015'],
    [-1.234e-10, '-0.0000000001234'],
    [1e-6, '0.000001'],
    [-0, '-0'],
    [0, '0'],
    [12, '12'],
    [-7, '-7'],
    [2.71, '2.71'],
    [2 ** 60, '1152921504606847000'],
    [1547428753902.65, '1547428753902.65'],
    [78.53975, '78.53975'],
    [1.6181818181818182, '1.6181818181818182'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'inf'],
    [Number.NEGATIVE_INFINITY, '-inf'],
    [1.5e300, '15' + '0'.repeat(299)],
    [5e-324, '0.' + '0'.repeat(323) + '5'],
  ])('prints %s like Rust f64 Display as %s', (value, text) => {
    expect(formatFloat(value)).toBe(text);
  });
});

describe('parseFloat64', () => {
  it.each([
    ['1', 1],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['1.e5', 100000],
    ['-2.5E-3', -0.0025],
    ['+1', 1],
    ['inf', Number.POSITIVE_INFINITY],
    ['-infinity', Number.NEGATIVE_INFINITY],
    ['+Infinity', Number.POSITIVE_INFINITY],
    ['INF', Number.POSITIVE_INFINITY],
    ['0.1', 0.1],
  ])('accepts %j as %s', (text, value) => {
    expect(parseFloat64(text)).toBe(value);
  });

  it('accepts NaN in any case and with a sign', () => {
    expect(parseFloat64('NaN')).toBeNaN();
    expect(parseFloat64('nan')).toBeNaN();
    expect(parseFloat64('-nan')).toBeNaN();
  });

  it.each(['', '.', ' 1', '1 ', '0x10', 'e5', '1e', '1_000', '--1', '1.2.3', 'infinit', 'Infinityy', '+'])(
    'rejects %j, which JS Number or parseFloat would accept or misread',
    (text) => {
      expect(parseFloat64(text)).toBeNull();
    },
  );
});
