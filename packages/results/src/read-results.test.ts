import { serializeReport } from '@aver/bench-report';
import { describe, expect, it } from 'vitest';
import { readResults } from './read-results.js';
import { ResultsError } from './results-error.js';
import { line, makeReport } from './test-helpers.js';

const DIFF_LINE =
  '{"kind":"diff","scenario":"fib","regressed":true,' +
  '"p50":{"baseline_ms":1.5,"current_ms":2,"delta_pct":33.3,"tolerance_pct":20,"regressed":true},' +
  '"p95":{"baseline_ms":null,"current_ms":3,"delta_pct":null,"tolerance_pct":30,"regressed":false},' +
  '"notes":["response_bytes: baseline=2 current=3 — regression"]}';
const AB_LINE =
  '{"kind":"ab","scenario":"fib","time":{"verdict":"regression","ratio":1.12,"ci":[1.05,1.2]},' +
  '"counters":{"verdict":"unchanged","instructions":{"base":10,"head":10}},"response":"same","extra":1}';
const SHARD_LINE =
  '{"kind":"shard","index":2,"count":3,"scenarios":["a","b","c"],"assigned":["b"],"targets":["vm"]}';

function thrown(run: () => unknown): ResultsError {
  try {
    run();
  } catch (error) {
    if (error instanceof ResultsError) return error;
    throw error;
  }
  throw new Error('expected a ResultsError');
}

describe('readResults', () => {
  it('reads a pretty single report as one report entry', () => {
    const file = readResults(serializeReport(makeReport(), { pretty: true }), 'fib.json');
    expect(file.entries).toHaveLength(1);
    const [entry] = file.entries;
    expect(entry!.kind).toBe('report');
    expect(entry!.line).toBe(1);
    expect(entry!.text).toBe(line());
  });

  it('reads an NDJSON run: reports and diff lines in file order, blank lines skipped', () => {
    const text = `${line({ name: 'a' })}\n\n${DIFF_LINE}\r\n${line({ name: 'fib' })}\n`;
    const file = readResults(text, 'run.ndjson');
    expect(file.entries.map((entry) => `${entry.kind}@${entry.line}`)).toEqual([
      'report@1',
      'diff@3',
      'report@4',
    ]);
    expect(file.warnings).toEqual([]);
  });

  it('turns a diff line back into the diff it was printed from, null numbers as NaN', () => {
    const [entry] = readResults(DIFF_LINE, 'd.ndjson').entries;
    if (entry!.kind !== 'diff') throw new Error('not a diff');
    expect(entry!.diff).toEqual({
      scenario: 'fib',
      regressed: true,
      p50: { baseline: 1.5, current: 2, delta_pct: 33.3, tolerance_pct: 20, regressed: true },
      p95: { baseline: Number.NaN, current: 3, delta_pct: Number.NaN, tolerance_pct: 30, regressed: false },
      notes: ['response_bytes: baseline=2 current=3 — regression'],
    });
    expect(entry!.text).toBe(DIFF_LINE);
  });

  it('reads ab lines, keeping keys it does not model', () => {
    const [entry] = readResults(`${AB_LINE}\n`, 'ab.ndjson').entries;
    if (entry!.kind !== 'ab') throw new Error('not an ab line');
    expect(entry!.ab.time).toEqual({ verdict: 'regression', ratio: 1.12, ci: [1.05, 1.2] });
    expect(entry!.ab.counters).toEqual({ verdict: 'unchanged' });
    expect(entry!.ab.response).toBe('same');
    expect(entry!.ab.raw.extra).toBe(1);
  });

  it('reads shard lines', () => {
    const [entry] = readResults(`${SHARD_LINE}\n${line({ name: 'b' })}\n`, 's.ndjson').entries;
    if (entry!.kind !== 'shard') throw new Error('not a shard line');
    expect(entry!.shard).toEqual({
      index: 2,
      count: 3,
      scenarios: ['a', 'b', 'c'],
      assigned: ['b'],
      targets: ['vm'],
    });
  });

  it('skips a line of an unknown kind with a warning naming it', () => {
    const file = readResults(`${line()}\n{"kind":"later","scenario":"x"}\n`, 'run.ndjson');
    expect(file.entries).toHaveLength(1);
    expect(file.warnings).toEqual([
      'run.ndjson:2: skipped a "later" line (not a kind this version reads: report, diff, failure, ab, shard)',
    ]);
  });

  it('reads failure records of scenarios that ran out of time or memory', () => {
    const record =
      '{"kind":"failure","scenario":"loop","target":"vm","error":"timeout","message":"timed out after 5000 ms"}';
    const [entry] = readResults(`${record}\n`, 'run.ndjson').entries;
    if (entry!.kind !== 'failure') throw new Error('not a failure record');
    expect(entry!.failure).toEqual({
      scenario: 'loop',
      target: 'vm',
      error: 'timeout',
      message: 'timed out after 5000 ms',
    });
    expect(() => readResults('{"kind":"failure","scenario":"loop"}', 'f')).toThrow(
      'f:1: not a valid failure line: target: required key is missing',
    );
  });

  it('names the file and line of a line that is not JSON', () => {
    const error = thrown(() => readResults(`${line()}\n{"scenario": \n`, 'run.ndjson'));
    expect(error.message).toMatch(/^run\.ndjson:2: invalid JSON: /);
    expect(error.source).toBe('run.ndjson');
    expect(error.line).toBe(2);
  });

  it('names the key of a report that breaks the contract', () => {
    const bad = line().replace('"p50_ms":2.0', '"p50_ms":"fast"');
    expect(thrown(() => readResults(`${line()}\n${bad}\n`, 'b.json')).message).toBe(
      'b.json:2: iterations.p50_ms: expected number, got string',
    );
  });

  it('says what is wrong with a diff, ab or shard line', () => {
    expect(thrown(() => readResults('{"kind":"diff","scenario":"x"}', 'd')).message).toBe(
      'd:1: not a valid diff line: regressed: required key is missing',
    );
    expect(
      thrown(() =>
        readResults('{"kind":"ab","scenario":"x","time":{"verdict":"slower","ratio":1,"ci":null}}', 'ab'),
      ).message,
    ).toBe('ab:1: not a valid ab line: time.verdict: expected a verdict, got "slower"');
    expect(thrown(() => readResults(SHARD_LINE.replace('"index":2', '"index":0'), 's')).message).toBe(
      's:1: not a valid shard line: index: expected positive integer, got 0',
    );
  });

  it('rejects values that are not objects, a kind that is not text, and an empty file', () => {
    expect(thrown(() => readResults('[1]\n', 'x')).message).toBe(
      'x:1: expected a JSON object (a report or a {"kind":…} line), got an array',
    );
    expect(thrown(() => readResults('{"kind":3}', 'x')).message).toBe('x:1: "kind" must be a string');
    expect(thrown(() => readResults('\n \n', 'empty.json')).message).toBe(
      'empty.json: no reports or result lines (the file is empty)',
    );
  });
});

describe('readResults: stat-diff lines', () => {
  it('reads the target, the gate verdict and the notes, and names a missing key', () => {
    const text =
      '{"kind":"stat-diff","scenario":"fib","time":{"verdict":"inconclusive","ratio":1.01,"ci":[0.9,1.1]},' +
      '"counters":{"verdict":"unchanged"},"response":"same","target":"vm","regressed":false,"notes":[],"extra":1}\n';
    const [entry] = readResults(text, 'run.ndjson').entries;
    expect(entry).toMatchObject({
      kind: 'stat-diff',
      line: 1,
      stat: { scenario: 'fib', target: 'vm', regressed: false, notes: [], time: { verdict: 'inconclusive' } },
    });
    expect(() => readResults(text.replace(',"target":"vm"', ''), 'run.ndjson')).toThrow(
      'run.ndjson:1: not a valid stat-diff line: target: required key is missing',
    );
  });
});
