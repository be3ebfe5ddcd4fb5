import { describe, expect, it } from 'vitest';
import { diff } from './diff.js';
import { formatDiff } from './format-diff.js';
import { metricDiff } from './metric-diff.js';
import { makeReport } from './test-helpers.js';
import type { DiffReport } from './types.js';

describe('formatDiff', () => {
  it('renders the spec example byte for byte', () => {
    const result = diff(
      makeReport({ p50: 7.5, p95: 10.2, passes: ['tco', 'typecheck'] }),
      makeReport({ p50: 7.07, p95: 7.42, passes: ['tco'] }),
    );
    expect(formatDiff(result)).toBe(
      [
        'fib: REGRESSION',
        '  p50    7.50ms (baseline 7.07ms, +6.1%)  ok',
        '  p95    10.20ms (baseline 7.42ms, +37.5%)  REGRESSION (limit +30%)',
        '  note: passes_applied changed: baseline=["tco"] current=["tco", "typecheck"]',
        '',
      ].join('\n'),
    );
  });

  it('prints ok, microseconds and negative changes without a plus sign', () => {
    const result = diff(makeReport({ p50: 0.0927, p95: 0.1052 }), makeReport({ p50: 0.0951, p95: 0.1052 }));
    expect(formatDiff(result)).toBe(
      [
        'fib: ok',
        '  p50    93µs (baseline 95µs, -2.5%)  ok',
        '  p95    105µs (baseline 105µs, +0.0%)  ok',
        '',
      ].join('\n'),
    );
  });

  it('prints +0.0% against a zero baseline', () => {
    const result = diff(makeReport({ p50: 5, p95: 5 }), makeReport({ p50: 0, p95: 0 }));
    expect(formatDiff(result).split('\n')[1]).toBe('  p50    5.00ms (baseline 0µs, +0.0%)  ok');
  });

  it('rounds the change and the limit half to even, as Rust does', () => {
    const result = (p50: MetricArgs, p95: MetricArgs): DiffReport => {
      const p50Diff = metricDiff(...p50);
      const p95Diff = metricDiff(...p95);
      return {
        scenario: 's',
        p50: p50Diff,
        p95: p95Diff,
        regressed: p50Diff.regressed || p95Diff.regressed,
        notes: [],
      };
    };
    // 16 → 17 is exactly +6.25 %: Rust prints +6.2 where toFixed would print +6.3; 16 → 19 is +18.75 % → +18.8.
    // Limits 12.5 and 2.5 are exact ties at {:.0}: +12 and +2.
    expect(formatDiff(result([16, 17, 20], [16, 19, 12.5]))).toBe(
      [
        's: REGRESSION',
        '  p50    17.00ms (baseline 16.00ms, +6.2%)  ok',
        '  p95    19.00ms (baseline 16.00ms, +18.8%)  REGRESSION (limit +12%)',
        '',
      ].join('\n'),
    );
    expect(
      formatDiff(result([16, 15, 2.5], [16, 18, 2.5]))
        .split('\n')
        .slice(1, 3),
    ).toEqual([
      '  p50    15.00ms (baseline 16.00ms, -6.2%)  ok',
      '  p95    18.00ms (baseline 16.00ms, +12.5%)  REGRESSION (limit +2%)',
    ]);
  });

  it('escapes terminal controls in the scenario name and in notes built from a baseline file', () => {
    const result = diff(
      makeReport({ p50: 1, p95: 1, passes: ['tco'] }),
      makeReport({ p50: 1, p95: 1, passes: ['tco\u001b[2J'] }),
    );
    const text = formatDiff({ ...result, scenario: 'fib\u001b]0;title\u0007' });
    expect(text.split('\n')[0]).toBe('fib\\u{1b}]0;title\\u{7}: ok');
    expect(text).toContain('note: passes_applied changed: baseline=["tco\\u{1b}[2J"] current=["tco"]');
    expect(text).not.toContain('\u001b');
  });

  it('prints one note line per note, after the metrics', () => {
    const result = diff(
      makeReport({ target: 'rust', responseBytes: 4, allocs: 1 }),
      makeReport({ target: 'vm', responseBytes: 3, allocs: 2 }),
    );
    expect(formatDiff(result).split('\n').slice(3)).toEqual([
      '  note: target changed: baseline=vm current=rust — different units, do not trust the diff',
      '  note: response_bytes: baseline=3 current=4 — regression',
      '  note: compiler_visible_allocs shrank: baseline=2 current=1 — improvement',
      '',
    ]);
    expect(formatDiff(result).startsWith('fib: REGRESSION\n')).toBe(true);
  });
});

type MetricArgs = [baseline: number, current: number, tolerancePct: number];

describe('formatDiff with counters on both sides', () => {
  it('lists the functions and opcodes whose counts changed most after the notes', () => {
    const counters = (calls: number) => ({
      instructions: 10 * calls,
      calls,
      allocations: 0,
      by_opcode: { CALL: calls, ADD: 9 * calls },
      functions: [
        { name: 'step', file: 'bench/fib.av', line: 4, calls, instructions: 10 * calls, allocations: 0 },
      ],
    });
    const result = diff(
      { ...makeReport({ p50: 7.07, p95: 7.42 }), counters: counters(3000) },
      { ...makeReport({ p50: 7.07, p95: 7.42 }), counters: counters(1000) },
    );
    expect(formatDiff(result)).toBe(
      [
        'fib: ok',
        '  p50    7.07ms (baseline 7.07ms, +0.0%)  ok',
        '  p95    7.42ms (baseline 7.42ms, +0.0%)  ok',
        '  note: counters.instructions changed: baseline=10000 current=30000 (+200.0%)',
        '  changed most:',
        '    `step` (fib.av:4): +2,000 calls, +20,000 instructions',
        '    `ADD`: +18,000 executed (9,000 → 27,000)',
        '    `CALL`: +2,000 executed (1,000 → 3,000)',
        '',
      ].join('\n'),
    );
  });

  it('adds nothing when the counts are the same, or when a side has no counters (a reference baseline)', () => {
    const counted = {
      ...makeReport(),
      counters: { instructions: 5, calls: 1, allocations: 0, by_opcode: null, functions: null },
    };
    expect(formatDiff(diff(counted, counted))).not.toContain('changed most');
    expect(diff(counted, makeReport()).changes).toBeNull();
  });
});
