import type { BenchReport, RunCounters } from '@aver/bench-report';
import { describe, expect, it } from 'vitest';
import {
  formatStatDiff,
  formatStatDiffLine,
  formatStatSummary,
  measureBaselineEffect,
  replicateSamples,
  statDiff,
} from './stat-diff.js';
import { makeReport } from './test-helpers.js';
import type { TimeComparison } from './time-comparison.js';
import { DEFAULT_EFFECT_PCT, effectTolerancePct, judgeTimes } from './time-comparison.js';

/** A report with `replicates` replicates whose samples are all `ms`, and the given counters. */
function withReplicates(
  ms: number,
  replicates: number,
  extra: Partial<BenchReport> = {},
  counters: RunCounters | null = null,
): BenchReport {
  const samples = [ms, ms, ms];
  return {
    ...makeReport({ sha256: 'a'.repeat(64) }),
    replicates: Array.from({ length: replicates }, () => ({
      samples_ms: samples,
      warmup_count: 3,
      warmup_stable: null,
      steady_state: null,
    })),
    counters,
    ...extra,
  };
}

const counted = (instructions: number, stepCalls: number): RunCounters => ({
  instructions,
  calls: stepCalls + 1,
  allocations: 0,
  by_opcode: { CALL: stepCalls, RETURN: instructions - stepCalls },
  functions: [
    { name: 'step', file: '/tmp/x/fib.av', line: 4, calls: stepCalls, instructions, allocations: 0 },
  ],
});

/** A judged time comparison written out by hand, for the layouts. */
const judged: TimeComparison = {
  base_ms: 1,
  head_ms: 1.0625,
  ratio: 1.0625,
  ci: [1.0412, 1.0881],
  confidence: 0.99,
  p_value: 0.00079,
  replicates: { base: 10, head: 10 },
  verdict: 'regression',
  p_adjusted: 0.0079,
  alpha: 0.01,
  tolerance_pct: 5,
  noise_floor_pct: null,
  threshold_pct: 5,
};

describe('replicateSamples', () => {
  it('gives the samples of each replicate when there are at least two, else null', () => {
    expect(replicateSamples(withReplicates(2, 3))).toEqual([
      [2, 2, 2],
      [2, 2, 2],
      [2, 2, 2],
    ]);
    expect(replicateSamples(withReplicates(2, 1))).toBeNull();
    expect(replicateSamples(makeReport())).toBeNull();
  });
});

describe('effectTolerancePct', () => {
  it('reads wall_time_effect_pct and defaults to 5 %, never the reference p50 tolerance', () => {
    expect(DEFAULT_EFFECT_PCT).toBe(5);
    expect(effectTolerancePct({})).toBe(5);
    expect(effectTolerancePct({ wall_time_effect_pct: 12.5 })).toBe(12.5);
  });
});

describe('statDiff', () => {
  it('calls a run twice as slow as its baseline a regression, with the baseline as base', () => {
    const baseline = withReplicates(1, 5);
    const current = withReplicates(2, 5);
    const effect = measureBaselineEffect(current, baseline)!;
    // Every replicate median is 1 on base and 2 on head: the ratio and its whole interval are 2; five tied values
    // per side give U = 25 and, with the tie and continuity corrections, z = 12 / 4.1667 = 2.88, p = 0.00398.
    expect(effect.ratio).toBe(2);
    expect(effect.ci).toEqual([2, 2]);
    expect(effect.p_value).toBeCloseTo(0.00398, 4);
    const [time] = judgeTimes([{ effect, tolerancePct: 5, noiseFloorPct: null }]);
    const result = statDiff(current, baseline, time!, { wall_time_p50_pct: 20, wall_time_p95_pct: 30 });
    expect(result).toMatchObject({
      scenario: 'fib',
      target: 'vm',
      regressed: true,
      response: 'same',
      notes: [],
      base: { p50_ms: 1, replicates: 5 },
      head: { p50_ms: 2, replicates: 5 },
    });
    expect(result.time.verdict).toBe('regression');
    expect(result.counters).toMatchObject({ verdict: 'inconclusive', reason: 'base not counted' });
    expect(measureBaselineEffect(current, makeReport())).toBeNull();
  });

  it('fails on counters and on the reference gated notes even when the time is unchanged', () => {
    const baseline = withReplicates(1, 3, {}, counted(100, 10));
    const current = withReplicates(
      1,
      3,
      { response_bytes: 4, response_sha256: 'b'.repeat(64) },
      counted(130, 13),
    );
    const time = { ...judged, verdict: 'unchanged' as const };
    const result = statDiff(current, baseline, time, {
      wall_time_p50_pct: 20,
      wall_time_p95_pct: 30,
      instructions_pct: 50,
    });
    expect(result.counters).toMatchObject({ verdict: 'unchanged', limit_pct: 50 });
    expect(result.counters.functions).toEqual([
      { name: 'step', file: 'fib.av', line: 4, calls: 3, instructions: 30, allocations: 0 },
    ]);
    expect(result.response).toBe('changed');
    expect(result.notes).toEqual(['response_bytes: baseline=3 current=4 — regression']);
    expect(result.regressed).toBe(true);
  });
});

describe('formatStatDiff', () => {
  it('lays out the time, the counters with what changed most, the notes and the confirmation', () => {
    const baseline = withReplicates(1, 10, {}, counted(100, 10));
    const current = withReplicates(1.0625, 10, { passes_applied: ['tco', 'resolve'] }, counted(120, 12));
    const result = {
      ...statDiff(current, baseline, judged, { wall_time_p50_pct: 20, wall_time_p95_pct: 30 }),
      confirmation: { first_verdict: 'inconclusive' as const },
    };
    expect(formatStatDiff(result)).toBe(
      [
        'fib: REGRESSION',
        '  time      1.06ms (baseline 1.00ms, ratio 1.063 [1.041, 1.088], p 0.0079)  regression (limit +5%)',
        '  counters  regression (instructions +20.0% > +0%)',
        '    `step` (fib.av:4): +2 calls, +20 instructions',
        '    `RETURN`: +18 executed (90 → 108)',
        '    `CALL`: +2 executed (10 → 12)',
        '  note: passes_applied changed: baseline=["tco"] current=["tco", "resolve"]',
        '  confirmed by a second round (first round: inconclusive)',
        '',
      ].join('\n'),
    );
  });

  it('names the noise floor when it set the limit, and says ok when nothing is gated', () => {
    const baseline = withReplicates(1, 10, {}, counted(100, 10));
    const time: TimeComparison = {
      ...judged,
      verdict: 'inconclusive',
      p_adjusted: 0.2,
      noise_floor_pct: 6.4,
      threshold_pct: 6.4,
    };
    const text = formatStatDiff(
      statDiff(baseline, baseline, time, { wall_time_p50_pct: 20, wall_time_p95_pct: 30 }),
    );
    expect(text).toBe(
      [
        'fib: ok',
        '  time      1.06ms (baseline 1.00ms, ratio 1.063 [1.041, 1.088], p 0.2)  inconclusive (limit +6.4%, the noise floor)',
        '  counters  unchanged (same work)',
        '',
      ].join('\n'),
    );
  });

  it('sums up the verdicts of a run', () => {
    const baseline = withReplicates(1, 10);
    const one = statDiff(baseline, baseline, judged, { wall_time_p50_pct: 20, wall_time_p95_pct: 30 });
    const two = {
      ...one,
      time: { ...judged, verdict: 'unchanged' as const },
      confirmation: { first_verdict: 'regression' as const },
    };
    expect(formatStatSummary([one, two])).toBe(
      '\ntime: 1 regression, 0 improvement, 1 unchanged, 0 inconclusive; 99% intervals, Holm over 2, alpha 0.01; 1 decided by a confirmation round\n',
    );
  });
});

describe('formatStatDiffLine', () => {
  it('writes the ab keys first, then target, regressed, notes, base, head and confirmation', () => {
    const baseline = withReplicates(1, 10, {}, counted(100, 10));
    const line = JSON.parse(
      formatStatDiffLine(
        statDiff(baseline, baseline, judged, { wall_time_p50_pct: 20, wall_time_p95_pct: 30 }),
      ),
    );
    expect(Object.keys(line)).toEqual([
      'kind',
      'scenario',
      'time',
      'counters',
      'response',
      'target',
      'regressed',
      'notes',
      'base',
      'head',
      'confirmation',
    ]);
    expect(line).toMatchObject({
      kind: 'stat-diff',
      scenario: 'fib',
      target: 'vm',
      regressed: true,
      response: 'same',
    });
    expect(Object.keys(line.time).slice(0, 3)).toEqual(['verdict', 'ratio', 'ci']);
    expect(line.time).toMatchObject({
      verdict: 'regression',
      ratio: 1.0625,
      ci: [1.0412, 1.0881],
      p_adjusted: 0.0079,
    });
    expect(line.counters).toMatchObject({ verdict: 'unchanged', functions: [], opcodes: [] });
  });
});
