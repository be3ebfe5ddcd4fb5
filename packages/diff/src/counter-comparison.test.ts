import type { RunCounters } from '@aver/bench-report';
import { describe, expect, it } from 'vitest';
import { compareCounters, topFunctionChanges, topOpcodeChanges } from './counter-comparison.js';
import { formatFunctionChange, formatOpcodeChange } from './format-counter-change.js';

const counters = (instructions: number, allocations = 0, extra: Partial<RunCounters> = {}): RunCounters => ({
  instructions,
  calls: 1,
  allocations,
  by_opcode: null,
  functions: null,
  ...extra,
});

describe('compareCounters', () => {
  it('calls any growth a regression at the default 0 % limit, and any shrinking an improvement', () => {
    expect(compareCounters([counters(1000)], [counters(1001)])).toMatchObject({
      verdict: 'regression',
      reason: 'instructions +0.1% > +0%',
    });
    expect(compareCounters([counters(1000)], [counters(900)]).verdict).toBe('improvement');
    expect(compareCounters([counters(1000)], [counters(1000)]).verdict).toBe('unchanged');
    expect(compareCounters([counters(10, 5)], [counters(10, 6)]).reason).toBe('allocations +20.0% > +0%');
  });

  it('allows growth up to the manifest limit', () => {
    expect(compareCounters([counters(1000)], [counters(1100)], 10).verdict).toBe('unchanged');
    expect(compareCounters([counters(1000)], [counters(1101)], 10).verdict).toBe('regression');
  });

  it('is inconclusive without counts or when a side counted different work in its replicates', () => {
    expect(compareCounters([], [counters(1)])).toMatchObject({
      verdict: 'inconclusive',
      reason: 'base not counted',
    });
    expect(compareCounters([counters(5), counters(6)], [counters(5)])).toMatchObject({
      verdict: 'inconclusive',
      reason: 'counts differ between base replicates',
    });
  });
});

describe('counter changes', () => {
  const fn = (name: string, file: string, line: number | null, calls: number, instructions: number) => ({
    name,
    file,
    line,
    calls,
    instructions,
    allocations: 0,
  });

  it('names the functions that changed most, matched by name and file name across folders', () => {
    const base = counters(100, 0, {
      functions: [fn('step', 'base/fib.av', 4, 1000, 9000), fn('main', 'base/fib.av', 9, 1, 3)],
    });
    const head = counters(100, 0, {
      functions: [
        fn('step', 'head/fib.av', 4, 3000, 27000),
        fn('main', 'head/fib.av', 9, 1, 3),
        fn('extra', 'head/fib.av', 12, 2, 10),
      ],
    });
    const changes = topFunctionChanges(base, head);
    expect(changes.map(formatFunctionChange)).toEqual([
      '`step` (fib.av:4): +2,000 calls, +18,000 instructions',
      '`extra` (fib.av:12): +2 calls, +10 instructions',
    ]);
  });

  it('names the opcodes that changed most, largest change first', () => {
    const base = counters(10, 0, { by_opcode: { CALL: 1973, ADD_INT: 986, RETURN: 5 } });
    const head = counters(10, 0, { by_opcode: { CALL: 3973, ADD_INT: 900, RETURN: 5, HALT: 1 } });
    expect(topOpcodeChanges(base, head).map(formatOpcodeChange)).toEqual([
      '`CALL`: +2,000 executed (1,973 → 3,973)',
      '`ADD_INT`: -86 executed (986 → 900)',
      '`HALT`: +1 executed (0 → 1)',
    ]);
  });
});
