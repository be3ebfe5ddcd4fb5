import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport, ReportParseError } from './parse-report.js';
import { serializeReport } from './serialize-report.js';
import { sampleReport } from './test-helpers.js';

const fixture = (name: string) => readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url), 'utf8');

describe('serializeReport', () => {
  it('writes every key in contract order, additions last', () => {
    const compact = serializeReport(sampleReport());
    expect(compact).toBe(
      '{"scenario":{"name":"fib","entry":"bench/scenarios/fib.av","target":"vm","iterations_count":30,"warmup_count":3},' +
        '"backend":{"name":"vm","aver_version":"0.15.2","build":"release","wasmtime_version":null},' +
        '"host":{"os":"macos","arch":"aarch64","cpus":12},' +
        '"iterations":{"min_ms":0.0927,"max_ms":0.1133,"mean_ms":0.0961,"p50_ms":0.0951,"p95_ms":0.1052,"p99_ms":0.1133},' +
        '"response_bytes":3,"expected_match":null,' +
        '"passes_applied":["tco","typecheck","interp_lower","buffer_build","resolve","last_use","analyze"],' +
        '"compiler_visible_allocs":0,"response_sha256":null,"samples_ms":null,"counters":null}',
    );
  });

  it('writes per-replicate records after the other additions only when the report has them', () => {
    const replicates = [
      { samples_ms: [2, 1.5], warmup_count: 30, warmup_stable: null, steady_state: null },
      {
        samples_ms: [3],
        warmup_count: 41,
        warmup_stable: true,
        steady_state: { kendall_tau: -0.25, p_value: 0.5, early_late_ratio: 1, trending: false },
      },
    ];
    const compact = serializeReport(sampleReport({ replicates }));
    expect(compact).toMatch(/"counters":null,"replicates":\[/);
    expect(compact.slice(compact.indexOf('"replicates"'))).toBe(
      '"replicates":[{"samples_ms":[2.0,1.5],"warmup_count":30,"warmup_stable":null,"steady_state":null},' +
        '{"samples_ms":[3.0],"warmup_count":41,"warmup_stable":true,' +
        '"steady_state":{"kendall_tau":-0.25,"p_value":0.5,"early_late_ratio":1.0,"trending":false}}]}',
    );
    expect(serializeReport(sampleReport({ replicates: null }))).toBe(serializeReport(sampleReport()));
    expect(serializeReport(sampleReport())).not.toContain('replicates');
  });

  it('does not depend on the order in which the caller built the objects, and drops unknown keys', () => {
    const base = sampleReport({
      counters: { instructions: 10, calls: 2, allocations: 1, by_opcode: null, functions: null },
    });
    const shuffled = {
      extra: 'ignored',
      counters: { allocations: 1, calls: 2, instructions: 10 },
      samples_ms: null,
      response_sha256: null,
      compiler_visible_allocs: 0,
      passes_applied: base.passes_applied,
      expected_match: null,
      response_bytes: 3,
      iterations: {
        p99_ms: 0.1133,
        p95_ms: 0.1052,
        p50_ms: 0.0951,
        mean_ms: 0.0961,
        max_ms: 0.1133,
        min_ms: 0.0927,
      },
      host: { cpus: 12, arch: 'aarch64', os: 'macos' },
      backend: { wasmtime_version: null, build: 'release', aver_version: '0.15.2', name: 'vm' },
      scenario: {
        warmup_count: 3,
        iterations_count: 30,
        target: 'vm',
        entry: 'bench/scenarios/fib.av',
        name: 'fib',
      },
    };
    expect(serializeReport(shuffled as never)).toBe(serializeReport(base));
    expect(serializeReport(shuffled as never, { pretty: true })).toBe(
      serializeReport(base, { pretty: true }),
    );
  });

  it('lays out pretty output like serde_json to_string_pretty', () => {
    const report = sampleReport({ passes_applied: [], samples_ms: [0.1, 0.2] });
    const pretty = serializeReport(report, { pretty: true });
    expect(pretty).toBe(JSON.stringify(JSON.parse(serializeReport(report)), null, 2));
    expect(pretty).toContain('\n  "passes_applied": [],\n');
    expect(pretty).toContain('\n  "samples_ms": [\n    0.1,\n    0.2\n  ],\n');
    expect(pretty.endsWith('\n}')).toBe(true);
  });

  it('writes integral floats with .0 and integers plain, as serde_json does', () => {
    const report = sampleReport({
      iterations: { min_ms: 1003, max_ms: 1021.5, mean_ms: 1010, p50_ms: 1009, p95_ms: 1e-7, p99_ms: 1e16 },
      samples_ms: [1003, 1021.5],
      counters: { instructions: 123456789, calls: 0, allocations: 7, by_opcode: null, functions: null },
    });
    const compact = serializeReport(report);
    expect(compact).toContain(
      '"iterations":{"min_ms":1003.0,"max_ms":1021.5,"mean_ms":1010.0,"p50_ms":1009.0,"p95_ms":1e-7,"p99_ms":1e16}',
    );
    expect(compact).toContain('"samples_ms":[1003.0,1021.5]');
    expect(compact).toContain(
      '"counters":{"instructions":123456789,"calls":0,"allocations":7,"by_opcode":null,"functions":null}',
    );
    expect(compact).toContain('"iterations_count":30,"warmup_count":3');
  });

  it('writes integers past 2^53 positionally, as JSON.parse read them', () => {
    const report = sampleReport({ scenario: { ...sampleReport().scenario, warmup_count: 2 ** 64 } });
    expect(serializeReport(report)).toContain('"warmup_count":18446744073709552000}');
  });

  it('escapes strings as serde_json does', () => {
    const report = sampleReport({ scenario: { ...sampleReport().scenario, name: 'a"b\\c\nd\u0001é' } });
    expect(serializeReport(report)).toContain('"name":"a\\"b\\\\c\\nd\\u0001é"');
  });

  it('reproduces a reference pretty report byte for byte, plus the null additions', () => {
    const text = fixture('reference-fractal.json').trimEnd();
    const written = serializeReport(parseReport(JSON.parse(text)), { pretty: true });
    const additions = ',\n  "response_sha256": null,\n  "samples_ms": null,\n  "counters": null\n}';
    expect(written).toBe(text.replace(/\n}$/, additions));
  });

  it('reproduces reference NDJSON lines byte for byte, plus the null additions', () => {
    const lines = fixture('reference-baseline.ndjson').trimEnd().split('\n');
    for (const line of lines) {
      const written = serializeReport(parseReport(JSON.parse(line)));
      expect(written).toBe(line.replace(/}$/, ',"response_sha256":null,"samples_ms":null,"counters":null}'));
    }
  });

  it('refuses a report that breaks the contract instead of writing it', () => {
    const broken = sampleReport({
      iterations: { ...sampleReport().iterations, p50_ms: Number.POSITIVE_INFINITY },
    });
    expect(() => serializeReport(broken)).toThrow(ReportParseError);
    expect(() => serializeReport(broken)).toThrow(
      'iterations.p50_ms: expected non-negative finite number, got Infinity',
    );
  });

  it('writes opcode counts sorted by name and function rows most instructions first, ties by file, line, name', () => {
    const row = (name: string, file: string, line: number, instructions: number) => ({
      name,
      file,
      line,
      calls: 1,
      instructions,
      allocations: 0,
    });
    const report = sampleReport({
      counters: {
        instructions: 30,
        calls: 4,
        allocations: 0,
        by_opcode: { RET: 10, ADD: 15, CALL: 5 },
        functions: [
          row('b', 'm.av', 2, 5),
          row('main', 'm.av', 9, 20),
          row('a', 'm.av', 2, 5),
          row('z', 'a.av', 7, 5),
        ],
      },
    });
    expect(serializeReport(report)).toContain(
      '"by_opcode":{"ADD":15,"CALL":5,"RET":10},"functions":[' +
        '{"name":"main","file":"m.av","line":9,"calls":1,"instructions":20,"allocations":0},' +
        '{"name":"z","file":"a.av","line":7,"calls":1,"instructions":5,"allocations":0},' +
        '{"name":"a","file":"m.av","line":2,"calls":1,"instructions":5,"allocations":0},' +
        '{"name":"b","file":"m.av","line":2,"calls":1,"instructions":5,"allocations":0}]}',
    );
  });
});
