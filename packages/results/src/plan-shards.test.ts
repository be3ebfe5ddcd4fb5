import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedCostMs, planShards, shardOf } from './plan-shards.js';
import { makeReport } from './test-helpers.js';

const named = (...names: string[]) => names.map((name) => ({ name, cost: null }));

describe('planShards', () => {
  it('deals scenarios round-robin in run order when no cost is known', () => {
    expect(planShards(named('a', 'b', 'c', 'd', 'e'), 2)).toEqual([
      ['a', 'c', 'e'],
      ['b', 'd'],
    ]);
  });

  it('balances known costs, longest first into the lightest shard', () => {
    // a=10 → 1; c=5 → 2; d=4 → 2 (9); b=1 → 2 (9 < 10).
    const plan = planShards(
      [
        { name: 'a', cost: 10 },
        { name: 'b', cost: 1 },
        { name: 'c', cost: 5 },
        { name: 'd', cost: 4 },
      ],
      2,
    );
    expect(plan).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('counts a scenario without a cost as the median of the known costs', () => {
    // a and d count 55 (median of 10 and 100): b=100 → 1; a → 2 (55); d → 2 (110); c=10 → 1 (110).
    const plan = planShards(
      [
        { name: 'a', cost: null },
        { name: 'b', cost: 100 },
        { name: 'c', cost: 10 },
        { name: 'd', cost: null },
      ],
      2,
    );
    expect(plan).toEqual([
      ['b', 'c'],
      ['a', 'd'],
    ]);
  });

  it('leaves shards empty when there are more shards than scenarios', () => {
    expect(planShards(named('a', 'b'), 4)).toEqual([['a'], ['b'], [], []]);
  });

  it('rejects a bad count, a repeated name and an index outside the plan', () => {
    expect(() => planShards(named('a'), 0)).toThrow('the shard count must be a positive integer, got 0');
    expect(() => planShards(named('a', 'a'), 2)).toThrow("scenario 'a' is listed twice");
    expect(() => shardOf(named('a'), 3, 2)).toThrow('shard 3/2: the index must be between 1 and 2');
  });

  it('puts every scenario in exactly one shard, the same way every time (property)', () => {
    const scenarios = fc.uniqueArray(
      fc.record({ name: fc.string({ minLength: 1, maxLength: 6 }), cost: fc.option(fc.nat(1000)) }),
      { selector: (scenario) => scenario.name, maxLength: 30 },
    );
    fc.assert(
      fc.property(scenarios, fc.integer({ min: 1, max: 8 }), (list, count) => {
        const plan = planShards(list, count);
        expect(plan).toHaveLength(count);
        const all = plan.flat();
        expect([...all].sort()).toEqual(list.map((scenario) => scenario.name).sort());
        expect(planShards([...list], count)).toEqual(plan);
        const order = new Map(list.map((scenario, index) => [scenario.name, index]));
        for (const shard of plan) {
          const positions = shard.map((name) => order.get(name)!);
          expect(positions).toEqual([...positions].sort((a, b) => a - b));
        }
      }),
      { seed: 9, numRuns: 200 },
    );
  });
});

describe('expectedCostMs', () => {
  it('is the fixed overhead plus the baseline mean times every iteration the manifest asks for', () => {
    // mean 2.5 ms × (10 timed + 1 warm-up + 1 counted) + 100 ms.
    expect(expectedCostMs(makeReport(), 10, 1)).toBe(130);
  });
});
