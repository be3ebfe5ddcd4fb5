import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diff } from './diff.js';
import { formatDiffLine } from './format-diff-line.js';
import { metricDiff } from './metric-diff.js';
import { makeReport } from './test-helpers.js';
import type { DiffReport } from './types.js';

describe('formatDiffLine', () => {
  it('renders the spec example as one compact line with Rust Display numbers', () => {
    const result = diff(
      makeReport({ p50: 7.5, p95: 10.2, passes: ['tco', 'typecheck'] }),
      makeReport({ p50: 7.07, p95: 7.42, passes: ['tco'] }),
    );
    expect(formatDiffLine(result)).toBe(
      '{"kind":"diff","scenario":"fib","regressed":true,' +
        '"p50":{"baseline_ms":7.07,"current_ms":7.5,"delta_pct":6.0820367751060775,"tolerance_pct":20,"regressed":false},' +
        '"p95":{"baseline_ms":7.42,"current_ms":10.2,"delta_pct":37.466307277628026,"tolerance_pct":30,"regressed":true},' +
        '"notes":["passes_applied changed: baseline=[\\"tco\\"] current=[\\"tco\\", \\"typecheck\\"]"]}',
    );
  });

  it('prints integral numbers without .0, tiny numbers without an exponent, and an empty notes array', () => {
    const result = diff(makeReport({ p50: 8e-7, p95: 2 }), makeReport({ p50: 8e-7, p95: 2 }));
    expect(formatDiffLine(result)).toBe(
      '{"kind":"diff","scenario":"fib","regressed":false,' +
        '"p50":{"baseline_ms":0.0000008,"current_ms":0.0000008,"delta_pct":0,"tolerance_pct":20,"regressed":false},' +
        '"p95":{"baseline_ms":2,"current_ms":2,"delta_pct":0,"tolerance_pct":30,"regressed":false},"notes":[]}',
    );
  });

  it('escapes the scenario name and notes as JSON strings', () => {
    const result = diff(
      makeReport({ name: 'a "quoted"\\name', target: 'rust' }),
      makeReport({ target: 'vm', passes: ['tab\there'] }),
    );
    const parsed = JSON.parse(formatDiffLine(result));
    expect(parsed.scenario).toBe('a "quoted"\\name');
    expect(parsed.notes).toEqual([
      'target changed: baseline=vm current=rust — different units, do not trust the diff',
      'passes_applied changed: baseline=["tab\\there"] current=["tco"]',
    ]);
    expect(formatDiffLine(result)).toContain('"scenario":"a \\"quoted\\"\\\\name"');
  });

  it('writes null instead of NaN or inf, deliberately, so the line stays valid JSON', () => {
    const broken: DiffReport = {
      scenario: 's',
      p50: { ...metricDiff(1, 1, 20), current: Number.NaN, delta_pct: Number.NaN },
      p95: {
        ...metricDiff(1, 1, 30),
        current: Number.POSITIVE_INFINITY,
        delta_pct: Number.NEGATIVE_INFINITY,
      },
      regressed: false,
      notes: [],
    };
    const line = formatDiffLine(broken);
    expect(line).toContain('"p50":{"baseline_ms":1,"current_ms":null,"delta_pct":null,"tolerance_pct":20');
    expect(line).toContain('"p95":{"baseline_ms":1,"current_ms":null,"delta_pct":null,"tolerance_pct":30');
    expect(() => JSON.parse(line)).not.toThrow();
  });

  it('is valid JSON whose values read back exactly, with the keys in contract order', () => {
    const time = fc.double({ min: 0, max: 1e7, noNaN: true });
    fc.assert(
      fc.property(time, time, time, time, fc.string(), (b50, c50, b95, c95, name) => {
        const result = diff(makeReport({ name, p50: c50, p95: c95 }), makeReport({ p50: b50, p95: b95 }));
        const line = formatDiffLine(result);
        const parsed = JSON.parse(line);
        const { scenario, regressed, p50, p95, notes } = result;
        return (
          JSON.stringify(Object.keys(parsed)) === '["kind","scenario","regressed","p50","p95","notes"]' &&
          parsed.kind === 'diff' &&
          JSON.stringify(parsed) ===
            JSON.stringify({ kind: 'diff', scenario, regressed, p50: renamed(p50), p95: renamed(p95), notes })
        );
      }),
    );
  });
});

function renamed(metric: DiffReport['p50']) {
  return {
    baseline_ms: metric.baseline,
    current_ms: metric.current,
    delta_pct: metric.delta_pct,
    tolerance_pct: metric.tolerance_pct,
    regressed: metric.regressed,
  };
}

describe('formatDiffLine with counters on both sides', () => {
  it('appends the functions and opcodes that changed after the notes; a reference baseline keeps the layout', () => {
    const counters = (calls: number) => ({
      instructions: 2 * calls,
      calls,
      allocations: 0,
      by_opcode: { CALL: calls, RETURN: calls },
      functions: [{ name: 'step', file: 'fib.av', line: 4, calls, instructions: 2 * calls, allocations: 0 }],
    });
    const current = { ...makeReport({ p50: 2, p95: 2 }), counters: counters(20) };
    const baseline = { ...makeReport({ p50: 2, p95: 2 }), counters: counters(10) };
    expect(formatDiffLine(diff(current, baseline))).toBe(
      '{"kind":"diff","scenario":"fib","regressed":false,' +
        '"p50":{"baseline_ms":2,"current_ms":2,"delta_pct":0,"tolerance_pct":20,"regressed":false},' +
        '"p95":{"baseline_ms":2,"current_ms":2,"delta_pct":0,"tolerance_pct":30,"regressed":false},' +
        '"notes":["counters.instructions changed: baseline=20 current=40 (+100.0%)"],' +
        '"functions":[{"name":"step","file":"fib.av","line":4,"calls":10,"instructions":20,"allocations":0}],' +
        '"opcodes":[{"opcode":"CALL","base":10,"head":20,"delta":10},{"opcode":"RETURN","base":10,"head":20,"delta":10}]}',
    );
    expect(formatDiffLine(diff(current, makeReport({ p50: 2, p95: 2 })))).not.toContain('"functions"');
  });
});
