import { describe, expect, it } from 'vitest';
import { collectHistory, collectScenarios } from './collect-scenarios.js';
import { readResults } from './read-results.js';
import { line } from './test-helpers.js';

const diffLine = (name: string, regressed: boolean) =>
  `{"kind":"diff","scenario":"${name}","regressed":${regressed},` +
  `"p50":{"baseline_ms":1.6,"current_ms":2,"delta_pct":25,"tolerance_pct":20,"regressed":${regressed}},` +
  '"p95":{"baseline_ms":3,"current_ms":3,"delta_pct":0,"tolerance_pct":30,"regressed":false},"notes":["n"]}';
const abLine = (name: string) =>
  `{"kind":"ab","scenario":"${name}","time":{"verdict":"improvement","ratio":0.8,"ci":[0.75,0.85]},` +
  '"counters":{"verdict":"unchanged"},"response":"same","base":{"p50_ms":2.5},"head":{"p50_ms":2}}';

const file = (source: string, ...lines: string[]) => readResults(`${lines.join('\n')}\n`, source);

describe('collectScenarios', () => {
  it('keeps the latest report of each scenario and target, in order of first appearance', () => {
    const results = collectScenarios([
      file('old.ndjson', line({ name: 'b', p50: 1 }), line({ name: 'a', p50: 1 })),
      file('new.ndjson', line({ name: 'a', p50: 5 }), line({ name: 'a', target: 'js', p50: 6 })),
    ]);
    expect(
      results.map((result) => [result.name, result.target, result.report?.iterations.p50_ms, result.source]),
    ).toEqual([
      ['b', 'vm', 1, 'old.ndjson'],
      ['a', 'vm', 5, 'new.ndjson'],
      ['a', 'js', 6, 'new.ndjson'],
    ]);
  });

  it('pairs a diff line with the next report of its scenario in the same file', () => {
    const [result] = collectScenarios([file('run.ndjson', diffLine('fib', true), line({ name: 'fib' }))]);
    expect(result!.comparison).toEqual({
      source: 'diff',
      verdict: 'regression',
      ratio: 1.25,
      interval: null,
      baseP50Ms: 1.6,
      headP50Ms: 2,
      baseP95Ms: 3,
      headP95Ms: 3,
      countersVerdict: null,
      response: null,
      notes: ['n'],
    });
  });

  it('drops the comparison of an older run when a newer report arrives without one', () => {
    const [result] = collectScenarios([
      file('old.ndjson', diffLine('fib', false), line({ name: 'fib' })),
      file('new.ndjson', line({ name: 'fib' })),
    ]);
    expect(result!.comparison).toBeNull();
  });

  it('shows a failure in place of the report, until a later report replaces it', () => {
    const failure =
      '{"kind":"failure","scenario":"fib","target":"vm","error":"timeout","message":"timed out"}';
    const [failed] = collectScenarios([
      file('old.ndjson', line({ name: 'fib' })),
      file('new.ndjson', failure),
    ]);
    expect(failed).toMatchObject({ name: 'fib', target: 'vm', report: null, source: 'new.ndjson' });
    expect(failed!.failure).toEqual({
      scenario: 'fib',
      target: 'vm',
      error: 'timeout',
      message: 'timed out',
    });
    const [fixed] = collectScenarios([
      file('new.ndjson', failure),
      file('newer.ndjson', line({ name: 'fib' })),
    ]);
    expect(fixed!.report?.scenario.name).toBe('fib');
    expect(fixed!.failure ?? null).toBeNull();
  });

  it('attaches ab lines to the scenario of that name, or shows them alone', () => {
    const [withReport] = collectScenarios([
      file('run.ndjson', line({ name: 'fib' })),
      file('ab.ndjson', abLine('fib')),
    ]);
    expect(withReport!.report?.scenario.name).toBe('fib');
    expect(withReport!.comparison).toMatchObject({
      source: 'ab',
      verdict: 'improvement',
      ratio: 0.8,
      interval: [0.75, 0.85],
      baseP50Ms: 2.5,
      headP50Ms: 2,
      countersVerdict: 'unchanged',
      response: 'same',
    });
    const [alone] = collectScenarios([file('ab.ndjson', abLine('sort'))]);
    expect(alone).toMatchObject({ name: 'sort', target: null, report: null, source: 'ab.ndjson' });
  });
});

describe('collectHistory', () => {
  it('lists each scenario across runs and marks a point that regressed against the previous one', () => {
    const histories = collectHistory([
      file('1.ndjson', line({ name: 'fib', p50: 2, p95: 3 })),
      file('ab.ndjson', abLine('fib')),
      file('2.ndjson', line({ name: 'fib', p50: 2.2, p95: 3 })),
      file('3.ndjson', line({ name: 'fib', p50: 3, p95: 3 })),
    ]);
    expect(histories).toHaveLength(1);
    const points = histories[0]!.points;
    expect(points.map((point) => [point.run, point.regressed])).toEqual([
      [0, false],
      [1, false],
      [2, true],
    ]);
    // 3 / 2.2 = +36.4 %, over the default +20 %.
    expect(points[2]!.reasons).toEqual(['p50 +36.4% (limit +20%)']);
  });

  it("takes a run's own diff line as that point's verdict", () => {
    const histories = collectHistory([
      file('1.ndjson', line({ name: 'fib', p50: 2 })),
      file('2.ndjson', diffLine('fib', true), line({ name: 'fib', p50: 2 })),
    ]);
    expect(histories[0]!.points[1]).toMatchObject({ regressed: true, reasons: ['p50 +25.0% (limit +20%)'] });
  });
});

describe('stat-diff lines', () => {
  const stat = (name: string, regressed: boolean, target = 'vm') =>
    `{"kind":"stat-diff","scenario":"${name}","time":{"verdict":"${regressed ? 'regression' : 'unchanged'}",` +
    `"ratio":1.25,"ci":[1.2,1.3],"threshold_pct":5},"counters":{"verdict":"regression","reason":"instructions +9.8% > +0%"},` +
    `"response":"same","target":"${target}","regressed":${regressed},` +
    `"notes":["response_bytes: baseline=3 current=4 — regression"],"base":{"p50_ms":1.6,"p95_ms":2},"head":{"p50_ms":2,"p95_ms":3}}`;

  it('attach to the report of their scenario and target printed before them in the same file', () => {
    const results = collectScenarios([
      file('run.ndjson', line({ name: 'fib' }), line({ name: 'fib', target: 'js' }), stat('fib', true, 'js')),
    ]);
    expect(results.map((result) => [result.target, result.comparison?.source ?? null])).toEqual([
      ['vm', null],
      ['js', 'stat-diff'],
    ]);
    expect(results[1]!.comparison).toEqual({
      source: 'stat-diff',
      verdict: 'regression',
      ratio: 1.25,
      interval: [1.2, 1.3],
      baseP50Ms: 1.6,
      headP50Ms: 2,
      baseP95Ms: 2,
      headP95Ms: 3,
      countersVerdict: 'regression',
      response: 'same',
      notes: ['response_bytes: baseline=3 current=4 — regression'],
    });
    expect(results[1]!.report?.scenario.target).toBe('js');
  });

  it("mark a history point with the run's own verdict and its reasons", () => {
    const [history] = collectHistory([
      file('old.ndjson', line({ name: 'fib', p50: 2 })),
      file('new.ndjson', line({ name: 'fib', p50: 2 }), stat('fib', true)),
    ]);
    expect(history!.points.map((point) => point.regressed)).toEqual([false, true]);
    expect(history!.points[1]!.reasons).toEqual([
      'time ratio 1.250 [1.200, 1.300] (limit +5%)',
      'counters: instructions +9.8% > +0%',
      'response_bytes: baseline=3 current=4 — regression',
    ]);
  });
});
