import { DEFAULT_TOLERANCE } from '@aver/bench-manifest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diff } from './diff.js';
import { makeReport, type ReportShape } from './test-helpers.js';

describe('diff', () => {
  it('compares p50 and p95 against the tolerance and names the current scenario', () => {
    const result = diff(
      makeReport({ name: 'fib', p50: 7.5, p95: 10.2 }),
      makeReport({ name: 'other', p50: 7.07, p95: 7.42 }),
      DEFAULT_TOLERANCE,
    );
    expect(result.scenario).toBe('fib');
    expect(result.p50).toEqual({
      baseline: 7.07,
      current: 7.5,
      delta_pct: ((7.5 - 7.07) / 7.07) * 100,
      tolerance_pct: 20,
      regressed: false,
    });
    expect(result.p95.regressed).toBe(true);
    expect(result.p95.tolerance_pct).toBe(30);
    expect(result.regressed).toBe(true);
    expect(result.notes).toEqual([]);
  });

  it('uses the default tolerance when none is given, and the given one otherwise', () => {
    const current = makeReport({ p50: 12.5, p95: 10 });
    const baseline = makeReport({ p50: 10, p95: 10 });
    expect(diff(current, baseline).regressed).toBe(true);
    expect(diff(current, baseline, { wall_time_p50_pct: 25, wall_time_p95_pct: 30 }).regressed).toBe(false);
  });

  it('ignores min, max, mean and p99', () => {
    const baseline = makeReport();
    const current = {
      ...baseline,
      iterations: { ...baseline.iterations, min_ms: 100, max_ms: 900, mean_ms: 500, p99_ms: 900 },
    };
    expect(diff(current, baseline).regressed).toBe(false);
  });

  it('notes a target change with an em dash, without gating', () => {
    const result = diff(makeReport({ target: 'wasm-gc' }), makeReport({ target: 'vm' }));
    expect(result.notes).toEqual([
      'target changed: baseline=vm current=wasm-gc — different units, do not trust the diff',
    ]);
    expect(result.notes[0]).toContain('\u2014');
    expect(result.regressed).toBe(false);
  });

  it('notes changed passes in Rust Debug form, order-sensitive, without gating', () => {
    const result = diff(makeReport({ passes: ['tco', 'typecheck'] }), makeReport({ passes: ['tco'] }));
    expect(result.notes).toEqual(['passes_applied changed: baseline=["tco"] current=["tco", "typecheck"]']);
    expect(result.regressed).toBe(false);
    const reordered = diff(makeReport({ passes: ['b', 'a'] }), makeReport({ passes: ['a', 'b'] }));
    expect(reordered.notes).toEqual(['passes_applied changed: baseline=["a", "b"] current=["b", "a"]']);
    const escaped = diff(makeReport({ passes: ['a"b', 'c\\d'] }), makeReport({ passes: [] }));
    expect(escaped.notes).toEqual(['passes_applied changed: baseline=[] current=["a\\"b", "c\\\\d"]']);
  });

  it('gates any change in response_bytes when both sides have one', () => {
    const grew = diff(makeReport({ responseBytes: 4 }), makeReport({ responseBytes: 3 }));
    expect(grew.notes).toEqual(['response_bytes: baseline=3 current=4 — regression']);
    expect(grew.regressed).toBe(true);
    const shrank = diff(makeReport({ responseBytes: 0 }), makeReport({ responseBytes: 23898 }));
    expect(shrank.notes).toEqual(['response_bytes: baseline=23898 current=0 — regression']);
    expect(shrank.regressed).toBe(true);
  });

  it('says nothing about response_bytes when either side is null', () => {
    for (const [current, baseline] of [
      [null, 3],
      [3, null],
      [null, null],
    ] as const) {
      const result = diff(makeReport({ responseBytes: current }), makeReport({ responseBytes: baseline }));
      expect(result.notes).toEqual([]);
      expect(result.regressed).toBe(false);
    }
  });

  it('gates growth in compiler_visible_allocs and notes shrinkage as an improvement', () => {
    const grew = diff(makeReport({ allocs: 5 }), makeReport({ allocs: 4 }));
    expect(grew.notes).toEqual(['compiler_visible_allocs grew: baseline=4 current=5 — regression']);
    expect(grew.regressed).toBe(true);
    const shrank = diff(makeReport({ allocs: 2 }), makeReport({ allocs: 9 }));
    expect(shrank.notes).toEqual(['compiler_visible_allocs shrank: baseline=9 current=2 — improvement']);
    expect(shrank.regressed).toBe(false);
    expect(diff(makeReport({ allocs: null }), makeReport({ allocs: 9 })).notes).toEqual([]);
    expect(diff(makeReport({ allocs: 9 }), makeReport({ allocs: null })).notes).toEqual([]);
  });

  it('lists notes in the reference order: target, passes, response, allocations', () => {
    const result = diff(
      makeReport({ target: 'rust', passes: ['x'], responseBytes: 1, allocs: 3 }),
      makeReport({ target: 'vm', passes: ['y'], responseBytes: 2, allocs: 1 }),
    );
    expect(result.notes).toEqual([
      'target changed: baseline=vm current=rust — different units, do not trust the diff',
      'passes_applied changed: baseline=["y"] current=["x"]',
      'response_bytes: baseline=2 current=1 — regression',
      'compiler_visible_allocs grew: baseline=1 current=3 — regression',
    ]);
  });

  it('gates a response of the same size with a different sha256, after the reference notes', () => {
    const before = 'a'.repeat(64);
    const after = 'b'.repeat(64);
    const result = diff(makeReport({ allocs: 2, sha256: after }), makeReport({ allocs: 1, sha256: before }));
    expect(result.notes).toEqual([
      'compiler_visible_allocs grew: baseline=1 current=2 — regression',
      'response changed: baseline sha256=aaaaaaaaaaaa current sha256=bbbbbbbbbbbb (same size) — regression',
    ]);
    expect(diff(makeReport({ sha256: after }), makeReport({ sha256: before })).regressed).toBe(true);
  });

  it('leaves the content check to response_bytes when the size changed, and skips it without both digests', () => {
    const changedSize = diff(
      makeReport({ responseBytes: 4, sha256: 'b'.repeat(64) }),
      makeReport({ responseBytes: 3, sha256: 'a'.repeat(64) }),
    );
    expect(changedSize.notes).toEqual(['response_bytes: baseline=3 current=4 — regression']);
    const referenceBaseline = diff(makeReport({ sha256: 'b'.repeat(64) }), makeReport({ sha256: null }));
    expect(referenceBaseline).toMatchObject({ notes: [], regressed: false });
  });

  it('notes a change in executed instructions without gating, and only when both sides counted', () => {
    const result = diff(makeReport({ instructions: 1125 }), makeReport({ instructions: 1000 }));
    expect(result.notes).toEqual(['counters.instructions changed: baseline=1000 current=1125 (+12.5%)']);
    expect(result.regressed).toBe(false);
    expect(diff(makeReport({ instructions: 970 }), makeReport({ instructions: 1000 })).notes).toEqual([
      'counters.instructions changed: baseline=1000 current=970 (-3.0%)',
    ]);
    expect(diff(makeReport({ instructions: 5 }), makeReport({ instructions: 0 })).notes).toEqual([
      'counters.instructions changed: baseline=0 current=5 (+inf%)',
    ]);
    expect(diff(makeReport({ instructions: 5 }), makeReport({ instructions: null })).notes).toEqual([]);
  });

  it('gates instruction growth strictly above an opt-in instructions_pct, and only growth', () => {
    const gate = { ...DEFAULT_TOLERANCE, instructions_pct: 0 };
    const grew = diff(makeReport({ instructions: 1001 }), makeReport({ instructions: 1000 }), gate);
    expect(grew.notes).toEqual([
      'counters.instructions grew: baseline=1000 current=1001 (+0.1%, limit +0%) — regression',
    ]);
    expect(grew.regressed).toBe(true);
    const same = diff(makeReport({ instructions: 1000 }), makeReport({ instructions: 1000 }), gate);
    expect([same.notes, same.regressed]).toEqual([[], false]);
    const fewer = diff(makeReport({ instructions: 900 }), makeReport({ instructions: 1000 }), gate);
    expect([fewer.notes, fewer.regressed]).toEqual([
      ['counters.instructions changed: baseline=1000 current=900 (-10.0%)'],
      false,
    ]);
    const within = { ...DEFAULT_TOLERANCE, instructions_pct: 12.5 };
    expect(
      diff(makeReport({ instructions: 1125 }), makeReport({ instructions: 1000 }), within).regressed,
    ).toBe(false);
    expect(
      diff(makeReport({ instructions: 1126 }), makeReport({ instructions: 1000 }), within).notes,
    ).toEqual(['counters.instructions grew: baseline=1000 current=1126 (+12.6%, limit +12%) — regression']);
  });
});

describe('diff invariants', () => {
  const time = fc.oneof(fc.constant(0), fc.double({ min: 1e-4, max: 1e4, noNaN: true }));
  const shape: fc.Arbitrary<ReportShape> = fc.record({
    target: fc.constantFrom('vm', 'rust'),
    p50: time,
    p95: time,
    passes: fc.array(fc.constantFrom('tco', 'typecheck', 'resolve'), { maxLength: 3 }),
    responseBytes: fc.option(fc.nat({ max: 5 })),
    allocs: fc.option(fc.nat({ max: 5 })),
    sha256: fc.option(fc.constantFrom('a'.repeat(64), 'b'.repeat(64))),
    instructions: fc.option(fc.nat({ max: 3 })),
  });
  const tolerance = fc.record({
    wall_time_p50_pct: fc.double({ min: 0, max: 100, noNaN: true }),
    wall_time_p95_pct: fc.double({ min: 0, max: 100, noNaN: true }),
  });

  it('regresses exactly when a gated condition holds', () => {
    fc.assert(
      fc.property(shape, shape, tolerance, (current, baseline, limits) => {
        const result = diff(makeReport(current), makeReport(baseline), limits);
        const allocsGrew =
          current.allocs != null && baseline.allocs != null && current.allocs > baseline.allocs;
        const responseChanged =
          current.responseBytes != null &&
          baseline.responseBytes != null &&
          current.responseBytes !== baseline.responseBytes;
        const contentChanged =
          !responseChanged &&
          current.responseBytes != null &&
          current.responseBytes === baseline.responseBytes &&
          current.sha256 != null &&
          baseline.sha256 != null &&
          current.sha256 !== baseline.sha256;
        const expected =
          result.p50.regressed || result.p95.regressed || allocsGrew || responseChanged || contentChanged;
        return result.regressed === expected;
      }),
    );
  });

  it('never regresses when the run is no slower and nothing gated changed', () => {
    fc.assert(
      fc.property(
        shape,
        fc.double({ min: 0, max: 1, noNaN: true }),
        tolerance,
        (baseline, factor, limits) => {
          const current = {
            ...baseline,
            p50: baseline.p50! * factor,
            p95: baseline.p95! * factor,
            target: 'other',
          };
          const result = diff(makeReport(current), makeReport(baseline), limits);
          return !result.p50.regressed && !result.p95.regressed && !result.regressed;
        },
      ),
    );
  });

  it('flags a metric exactly when its change is strictly above its tolerance, and reports 0 % for a zero baseline', () => {
    fc.assert(
      fc.property(shape, shape, tolerance, (current, baseline, limits) => {
        const result = diff(makeReport(current), makeReport(baseline), limits);
        const zeroOk = baseline.p50 === 0 ? result.p50.delta_pct === 0 : true;
        return (
          zeroOk &&
          result.p50.regressed === result.p50.delta_pct > limits.wall_time_p50_pct &&
          result.p95.regressed === result.p95.delta_pct > limits.wall_time_p95_pct
        );
      }),
    );
  });

  it('gives no notes and no regression against itself', () => {
    fc.assert(
      fc.property(shape, tolerance, (same, limits) => {
        const result = diff(makeReport(same), makeReport(same), limits);
        return !result.regressed && result.notes.length === 0 && result.p50.delta_pct === 0;
      }),
    );
  });
});
