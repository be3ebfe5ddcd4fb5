import { describe, expect, it } from 'vitest';
import { EMPTY_LIST, ListValue, listFromArray, MapValue, VectorValue } from '../values.js';
import type { HostContext } from './builtin-def.js';
import { BUILTIN_INDEX, BUILTINS } from './index.js';
import { CHARGE_THRESHOLD } from './work-cost.js';

/** Calls a built-in with a host that records every charge. */
function charges(name: string, ...args: unknown[]): number[] {
  const charged: number[] = [];
  const host: HostContext = {
    writeOut: () => {},
    writeErr: () => {},
    readLine: () => null,
    args: [],
    charge: (units) => charged.push(units),
  };
  const impl = BUILTINS[BUILTIN_INDEX.get(name)!].impl as (...values: unknown[]) => unknown;
  impl(host, ...args);
  return charged;
}

const longList = (n: number) => listFromArray(Array.from({ length: n }, (_, i) => i));

describe('built-in work charged to the run', () => {
  it('charges the elements or characters a long call builds, copies or scans', () => {
    expect(charges('Vector.new', 1000, 0)).toEqual([1000]);
    expect(charges('List.reverse', longList(300))).toEqual([300]);
    expect(charges('List.concat', longList(400), longList(5))).toEqual([400]);
    expect(charges('String.split', 'ab,'.repeat(100), ',')).toEqual([300]);
    expect(charges('String.join', listFromArray(Array(300).fill('x')), ', ')).toEqual([900]);
    expect(charges('String.replace', 'x'.repeat(300), '', 'ab')).toEqual([900]);
  });

  it('charges a copy of a shared Vector or Map, not an update in place', () => {
    const vector = new VectorValue(new Array(500).fill(0));
    expect(charges('Vector.set', vector, 1, 1)).toEqual([]);
    vector.shared = true;
    expect(charges('Vector.set', vector, 1, 1)).toEqual([500]);
    const map = new MapValue(new Map(Array.from({ length: 300 }, (_, i) => [i, { key: i, value: i }])));
    expect(charges('Map.set', map, 1, 2)).toEqual([]);
    map.shared = true;
    expect(charges('Map.set', map, 1, 2)).toEqual([300]);
  });

  it('leaves short work and built-ins without a size alone', () => {
    expect(charges('Vector.new', CHARGE_THRESHOLD - 1, 0)).toEqual([]);
    expect(charges('List.reverse', new ListValue(1, EMPTY_LIST, 1))).toEqual([]);
    expect(charges('Int.abs', -5)).toEqual([]);
    expect(charges('String.len', 'x'.repeat(CHARGE_THRESHOLD))).toEqual([CHARGE_THRESHOLD]);
  });
});
