import { describe, expect, it } from 'vitest';
import { AverRuntimeError } from '../errors.js';
import { INT64_MAX, INT64_MIN } from '../int64.js';
import { type ListValue, listToArray, NONE, UNIT, WrapKind, WrapValue } from '../values.js';
import { callBuiltinWith, recordingHost } from './test-helpers.js';

describe('Args', () => {
  it('returns the program arguments as a list', () => {
    const host = recordingHost({ args: ['a', 'b c'] });
    expect(listToArray(callBuiltinWith(host, 'Args.get') as ListValue)).toEqual(['a', 'b c']);
  });
});

describe('Env', () => {
  it('reads and writes the host environment', () => {
    const host = recordingHost({ env: { HOME: '/root' } });
    expect(callBuiltinWith(host, 'Env.get', 'HOME')).toEqual(new WrapValue(WrapKind.Some, '/root'));
    expect(callBuiltinWith(host, 'Env.get', 'MISSING')).toBe(NONE);
    expect(callBuiltinWith(host, 'Env.set', 'MISSING', 'now')).toBe(UNIT);
    expect(callBuiltinWith(host, 'Env.get', 'MISSING')).toEqual(new WrapValue(WrapKind.Some, 'now'));
  });
});

describe('Time', () => {
  it('formats now as RFC 3339 UTC and unixMs as an Int', () => {
    const host = recordingHost({ now: () => 1_772_280_000_123 });
    expect(callBuiltinWith(host, 'Time.now')).toBe('2026-02-28T12:00:00.123Z');
    expect(callBuiltinWith(host, 'Time.unixMs')).toBe(1_772_280_000_123);
  });

  it('sleeps through the host, never for a negative time', () => {
    const slept: number[] = [];
    const host = recordingHost({ sleep: (ms) => slept.push(ms) });
    callBuiltinWith(host, 'Time.sleep', 25);
    callBuiltinWith(host, 'Time.sleep', -5);
    expect(slept).toEqual([25, 0]);
  });
});

describe('Random', () => {
  it('draws Ints from the inclusive range', () => {
    const low = recordingHost({ random: () => 0 });
    const high = recordingHost({ random: () => 0.999999999 });
    expect(callBuiltinWith(low, 'Random.int', 1, 6)).toBe(1);
    expect(callBuiltinWith(high, 'Random.int', 1, 6)).toBe(6);
    expect(callBuiltinWith(high, 'Random.int', 5, 5)).toBe(5);
  });

  it('covers the whole i64 range without losing precision', () => {
    const host = recordingHost({ random: () => 0.999999 });
    const value = callBuiltinWith(host, 'Random.int', INT64_MIN, INT64_MAX) as bigint;
    expect(typeof value).toBe('bigint');
    expect(value >= INT64_MIN && value <= INT64_MAX).toBe(true);
  });

  it('fails on an empty range', () => {
    const host = recordingHost();
    expect(() => callBuiltinWith(host, 'Random.int', 3, 1)).toThrow(AverRuntimeError);
    expect(() => callBuiltinWith(host, 'Random.int', 3, 1)).toThrow(
      'Random.int: min (3) must not be greater than max (1)',
    );
  });

  it('draws Floats in [0, 1)', () => {
    expect(callBuiltinWith(recordingHost({ random: () => 0.25 }), 'Random.float')).toBe(0.25);
  });
});
