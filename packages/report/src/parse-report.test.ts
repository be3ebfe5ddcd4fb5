import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parseReport,
  parseReportJson,
  parseReports,
  ReportParseError,
  readReportLines,
} from './parse-report.js';
import { sampleReport } from './test-helpers.js';

const fixture = (name: string) => readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url), 'utf8');

/** The sample report as plain JSON data, with one key replaced at a dot path. */
function withKey(path: string, value: unknown): unknown {
  const data = JSON.parse(JSON.stringify(sampleReport()));
  const keys = path.split('.');
  let target = data;
  for (const key of keys.slice(0, -1)) target = target[key];
  if (value === undefined) delete target[keys.at(-1)!];
  else target[keys.at(-1)!] = value;
  return data;
}

function parseError(run: () => unknown): ReportParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof ReportParseError) return error;
    throw error;
  }
  throw new Error('expected a ReportParseError');
}

describe('parseReport', () => {
  it('reads a report written by the reference, with the additions as null', () => {
    const report = parseReport(JSON.parse(fixture('reference-fractal.json')));
    expect(report.scenario.entry).toBe('bench/scenarios/../../tools/edge/bench.av');
    expect(report.iterations.min_ms).toBe(1003);
    expect(report.response_bytes).toBeNull();
    expect(report.compiler_visible_allocs).toBe(9);
    expect(report.response_sha256).toBeNull();
    expect(report.samples_ms).toBeNull();
    expect(report.counters).toBeNull();
  });

  it('reads the additions when present', () => {
    const sha = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
    // The counters as a target that does not count per opcode or function writes them: the keys are missing.
    const report = parseReport({
      ...sampleReport({ response_sha256: sha, samples_ms: [0.1, 0.2] }),
      counters: { instructions: 5, calls: 1, allocations: 0 },
    });
    expect(report.response_sha256).toBe(sha);
    expect(report.samples_ms).toEqual([0.1, 0.2]);
    expect(report.counters).toEqual({
      instructions: 5,
      calls: 1,
      allocations: 0,
      by_opcode: null,
      functions: null,
    });
  });

  it('reads per-opcode and per-function counters, and rejects malformed ones by path', () => {
    const step = { name: 'step', file: 'fib.av', line: 4, calls: 2000, instructions: 9000, allocations: 3 };
    const report = parseReport(
      sampleReport({
        counters: {
          instructions: 9,
          calls: 1,
          allocations: 0,
          by_opcode: { CALL: 4, ADD: 5 },
          functions: [step],
        },
      }),
    );
    expect(report.counters?.by_opcode).toEqual({ CALL: 4, ADD: 5 });
    expect(report.counters?.functions).toEqual([step]);
    const counters = { instructions: 9, calls: 1, allocations: 0 };
    expect(() => parseReport(withKey('counters', { ...counters, by_opcode: { ADD: -1 } }))).toThrow(
      'counters.by_opcode.ADD: expected non-negative integer, got -1',
    );
    expect(() =>
      parseReport(withKey('counters', { ...counters, functions: [{ ...step, line: 'four' }] })),
    ).toThrow('counters.functions[0].line: expected non-negative integer, got string');
  });

  it('treats a missing Option field as null, like serde', () => {
    for (const path of [
      'backend.wasmtime_version',
      'response_bytes',
      'expected_match',
      'compiler_visible_allocs',
    ]) {
      const report = parseReport(withKey(path, undefined)) as unknown as Record<
        string,
        Record<string, unknown>
      >;
      const keys = path.split('.');
      const value = keys.length === 1 ? report[keys[0]!] : report[keys[0]!]![keys[1]!];
      expect(value, path).toBeNull();
    }
  });

  it('ignores unknown keys at every level and returns keys in contract order', () => {
    const data = withKey('host.kernel', '6.1') as Record<string, unknown>;
    data.schemaVersion = 3;
    const report = parseReport(data);
    expect(report.host).toEqual({ os: 'macos', arch: 'aarch64', cpus: 12 });
    expect(Object.keys(report)).toEqual([
      'scenario',
      'backend',
      'host',
      'iterations',
      'response_bytes',
      'expected_match',
      'passes_applied',
      'compiler_visible_allocs',
      'response_sha256',
      'samples_ms',
      'counters',
      'replicates',
    ]);
    expect(report.replicates).toBeNull();
  });

  it('reads per-replicate records and rejects a malformed one with its path', () => {
    const replicate = {
      samples_ms: [1.5, 1.25],
      warmup_count: 12,
      warmup_stable: true,
      steady_state: { kendall_tau: -0.5, p_value: 0.02, early_late_ratio: 1.2, trending: false },
    };
    const report = parseReport(withKey('replicates', [replicate, { ...replicate, steady_state: null }]));
    expect(report.replicates).toEqual([replicate, { ...replicate, steady_state: null }]);
    expect(() => parseReport(withKey('replicates', [{ ...replicate, warmup_count: -1 }]))).toThrowError(
      'replicates[0].warmup_count: expected non-negative integer, got -1',
    );
  });

  it('requires every non-Option key of the reference', () => {
    const required = [
      'scenario',
      'scenario.name',
      'scenario.entry',
      'scenario.target',
      'scenario.iterations_count',
      'scenario.warmup_count',
      'backend',
      'backend.name',
      'backend.aver_version',
      'backend.build',
      'host',
      'host.os',
      'host.arch',
      'host.cpus',
      'iterations',
      'iterations.min_ms',
      'iterations.max_ms',
      'iterations.mean_ms',
      'iterations.p50_ms',
      'iterations.p95_ms',
      'iterations.p99_ms',
      'passes_applied',
    ];
    for (const path of required) {
      const error = parseError(() => parseReport(withKey(path, undefined)));
      expect(error.message, path).toBe(`${path}: required key is missing`);
      expect(error.path).toBe(path);
    }
  });

  it('says which key is wrong and what was expected', () => {
    const cases: [string, unknown, string][] = [
      ['iterations.p50_ms', '0.1', 'iterations.p50_ms: expected number, got string'],
      ['iterations.p95_ms', null, 'iterations.p95_ms: expected number, got null'],
      ['scenario.name', 7, 'scenario.name: expected string, got number'],
      ['scenario.iterations_count', 2.5, 'scenario.iterations_count: expected non-negative integer, got 2.5'],
      ['host.cpus', -1, 'host.cpus: expected non-negative integer, got -1'],
      ['response_bytes', '3', 'response_bytes: expected non-negative integer, got string'],
      ['expected_match', 'yes', 'expected_match: expected boolean, got string'],
      ['passes_applied', 'tco', 'passes_applied: expected array, got string'],
      ['backend', [], 'backend: expected object, got array'],
      ['host', 'linux', 'host: expected object, got string'],
      [
        'response_sha256',
        'ABC',
        'response_sha256: expected lowercase hex SHA-256 (64 characters), got "ABC"',
      ],
      ['samples_ms', [1, 'x'], 'samples_ms[1]: expected number, got string'],
      ['counters', { instructions: 1, calls: 1 }, 'counters.allocations: required key is missing'],
      ['iterations.p50_ms', -0.5, 'iterations.p50_ms: expected non-negative finite number, got -0.5'],
      [
        'iterations.max_ms',
        Number.POSITIVE_INFINITY,
        'iterations.max_ms: expected non-negative finite number, got Infinity',
      ],
      ['samples_ms', [1, -2], 'samples_ms[1]: expected non-negative finite number, got -2'],
    ];
    for (const [path, value, message] of cases) {
      expect(() => parseReport(withKey(path, value)), path).toThrow(message);
    }
    expect(() => parseReport(withKey('passes_applied', ['tco', 3]))).toThrow(
      'passes_applied[1]: expected string, got number',
    );
  });

  it('accepts the huge counts the reference writes for a wrapped negative TOML count', () => {
    const text = JSON.stringify(sampleReport()).replace(
      '"warmup_count":3',
      '"warmup_count":18446744073709551615',
    );
    expect(parseReportJson(text).scenario.warmup_count).toBe(2 ** 64);
    expect(() => parseReport(withKey('scenario.warmup_count', 2 ** 65))).toThrow(
      'scenario.warmup_count: expected non-negative integer, got 36893488147419103000',
    );
  });

  it('rejects values that are not objects at the top level', () => {
    expect(() => parseReport([])).toThrow('report: expected object, got array');
    expect(() => parseReport(null)).toThrow('report: expected object, got null');
    expect(() => parseReport('{}')).toThrow('report: expected object, got string');
  });

  it('rejects a pre-0.15.1 report without backend and host, and lists every problem', () => {
    const data = withKey('backend', undefined) as Record<string, unknown>;
    delete data.host;
    const error = parseError(() => parseReport(data));
    expect(error.message).toBe('backend: required key is missing (and 1 more issue)');
    expect(error.issues).toEqual(['backend: required key is missing', 'host: required key is missing']);
    expect(error.line).toBeUndefined();
    expect(error.name).toBe('ReportParseError');
  });
});

describe('parseReportJson', () => {
  it('parses one pretty report', () => {
    expect(parseReportJson(fixture('reference-fractal.json')).scenario.name).toBe('fractal_seahorse');
  });

  it('reports text that is not JSON', () => {
    const error = parseError(() => parseReportJson('{"scenario": '));
    expect(error.message.startsWith('invalid JSON: ')).toBe(true);
    expect(error.path).toBe('report');
  });
});

describe('parseReports', () => {
  it('reads an NDJSON baseline written by the reference, in order', () => {
    const reports = parseReports(fixture('reference-baseline.ndjson'));
    expect(reports.map((report) => report.scenario.name)).toEqual(['countdown', 'factorial', 'map_lookup']);
    expect(reports[0]!.iterations.p50_ms).toBe(0.463);
    expect(reports[1]!.response_bytes).toBeNull();
  });

  it('skips blank and whitespace-only lines and tolerates CRLF', () => {
    const line = JSON.stringify(sampleReport());
    expect(parseReports(`\n${line}\r\n   \n\t\n${line}\n\n`)).toHaveLength(2);
    expect(parseReports('')).toEqual([]);
  });

  it('gives the 1-based line number of the first bad line', () => {
    const line = JSON.stringify(sampleReport());
    const error = parseError(() =>
      parseReports(`${line}\n\n${JSON.stringify(withKey('iterations.p50_ms', 'x'))}\n`),
    );
    expect(error.line).toBe(3);
    expect(error.message).toBe('line 3: iterations.p50_ms: expected number, got string');
    const syntax = parseError(() => parseReports(`${line}\n{not json\n`));
    expect(syntax.line).toBe(2);
    expect(syntax.message.startsWith('line 2: invalid JSON: ')).toBe(true);
  });

  it('does not accept a pretty single-report file, as the reference does not', () => {
    const error = parseError(() => parseReports(fixture('reference-fractal.json')));
    expect(error.line).toBe(1);
  });
});

describe('readReportLines', () => {
  const named = (name: string) =>
    JSON.stringify(sampleReport({ scenario: { ...sampleReport().scenario, name } }));

  it('numbers the lines of the text, counting the blank and whitespace-only ones it skips', () => {
    const text = `\n${named('a')}\n   \n\t\n${named('b')}\n\n${named('c')}`;
    expect(Array.from(readReportLines(text), (entry) => [entry.line, entry.report.scenario.name])).toEqual([
      [2, 'a'],
      [5, 'b'],
      [7, 'c'],
    ]);
  });

  it('reads CRLF line ends as LF, in line numbers and in errors', () => {
    const text = `${named('a')}\r\n\r\n${named('b')}\r\n{not json\r\n`;
    const lines = readReportLines(text);
    expect(lines.next().value).toMatchObject({ line: 1, report: { scenario: { name: 'a' } } });
    expect(lines.next().value).toMatchObject({ line: 3, report: { scenario: { name: 'b' } } });
    const error = parseError(() => lines.next());
    expect(error.line).toBe(4);
    // The `\r` is not part of the line, so JSON.parse never sees it.
    expect(error.message).toMatch(/^line 4: invalid JSON: /);
    expect(error.message).not.toContain('\r');
  });

  it('parses a line only when the iteration reaches it', () => {
    const lines = readReportLines(`${named('a')}\n{not json\n`);
    expect(lines.next().value?.line).toBe(1);
    expect(() => lines.next()).toThrow(ReportParseError);
  });

  it('yields nothing for an empty text or a text of blank lines', () => {
    expect([...readReportLines('')]).toEqual([]);
    expect([...readReportLines('\n \r\n\t\n')]).toEqual([]);
  });

  it('gives the message without the line prefix as detail', () => {
    const error = parseError(() => [...readReportLines(`\n${JSON.stringify(withKey('host.cpus', -1))}\n`)]);
    expect(error.line).toBe(2);
    expect(error.message).toBe('line 2: host.cpus: expected non-negative integer, got -1');
    expect(error.detail).toBe('host.cpus: expected non-negative integer, got -1');
  });
});
