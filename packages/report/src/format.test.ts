import { describe, expect, it } from 'vitest';
import { formatHuman, formatMs, formats } from './format.js';
import { serializeReport } from './serialize-report.js';
import { sampleReport } from './test-helpers.js';

describe('formatMs', () => {
  it('prints two decimals in milliseconds from 1 ms up', () => {
    expect(formatMs(1)).toBe('1.00ms');
    expect(formatMs(7.07)).toBe('7.07ms');
    expect(formatMs(10.2)).toBe('10.20ms');
    expect(formatMs(1008.8127082)).toBe('1008.81ms');
  });

  it('prints whole microseconds below 1 ms with the micro sign U+00B5', () => {
    expect(formatMs(0.0927)).toBe('93µs');
    expect(formatMs(0.1133)).toBe('113µs');
    expect(formatMs(0)).toBe('0µs');
    expect(formatMs(0.463).codePointAt(3)).toBe(0xb5);
  });

  it('rounds exact ties to even in both branches', () => {
    expect(0.0025 * 1000).toBe(2.5);
    expect(formatMs(0.0025)).toBe('2µs');
    expect(formatMs(0.0035)).toBe('4µs');
    expect(0.0005 * 1000).toBe(0.5);
    expect(formatMs(0.0005)).toBe('0µs');
    expect(formatMs(0.0125)).toBe('12µs');
    expect(formatMs(2.125)).toBe('2.12ms');
    expect(formatMs(2.375)).toBe('2.38ms');
  });

  it('prints values in [0.9995, 1) as 1000µs, like the reference', () => {
    expect(formatMs(0.9995)).toBe('1000µs');
    expect(formatMs(0.99999)).toBe('1000µs');
    expect(formatMs(0.99949)).toBe('999µs');
  });

  it('prints non-finite values the way Rust formats them', () => {
    expect(formatMs(Number.POSITIVE_INFINITY)).toBe('infms');
    expect(formatMs(Number.NaN)).toBe('NaNµs');
  });
});

describe('formatHuman', () => {
  it('escapes terminal controls in the texts that come from manifests and report files', () => {
    const report = sampleReport();
    const hostile = {
      ...report,
      scenario: { ...report.scenario, name: 'fib\u001b[2J\u001b[31m', entry: 'a\nb.av' },
      host: { ...report.host, os: 'linux\u009b' },
      passes_applied: ['tco\r'],
    };
    const text = formatHuman(hostile);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(text.split('\n')[0]).toBe('fib\\u{1b}[2J\\u{1b}[31m [vm]');
    expect(text).toContain('  entry:        a\\nb.av\n');
    expect(text).toContain('  host:         linux\\u{9b}/');
    expect(text).toContain('  passes:       tco\\r\n');
  });

  it('renders the spec example byte for byte', () => {
    expect(formatHuman(sampleReport())).toBe(
      [
        'fib [vm]',
        '  entry:        bench/scenarios/fib.av',
        '  backend:      aver 0.15.2 (release)',
        '  host:         macos/aarch64 (12 cpus)',
        '  iterations:   30 (warmup 3)',
        '  passes:       tco, typecheck, interp_lower, buffer_build, resolve, last_use, analyze',
        '  wall_time:    min=93µs  p50=95µs  p95=105µs  max=113µs  mean=96µs',
        '  response:     3 bytes',
        '',
      ].join('\n'),
    );
  });

  it('adds a replicates line with the range of their p50s when there are several', () => {
    const replicate = (samples_ms: number[]) => ({
      samples_ms,
      warmup_count: 3,
      warmup_stable: null,
      steady_state: null,
    });
    const several = formatHuman(
      sampleReport({
        replicates: [replicate([0.7, 0.061, 0.06]), replicate([0.7, 0.71, 0.69]), replicate([2, 1])],
      }),
    );
    // Nearest-rank p50s: 0.061, 0.7 and 1 ms.
    expect(several).toContain(
      '  wall_time:    min=93µs  p50=95µs  p95=105µs  max=113µs  mean=96µs\n  replicates:   3 (p50 per replicate 61µs … 1.00ms)\n',
    );
    expect(formatHuman(sampleReport({ replicates: [replicate([1, 2])] }))).toBe(formatHuman(sampleReport()));
  });

  it('adds the wasmtime suffix only when a runtime version is set', () => {
    const report = sampleReport({
      scenario: { ...sampleReport().scenario, target: 'wasm-gc' },
      backend: { name: 'wasm-gc', aver_version: '0.18.0', build: 'release', wasmtime_version: '29' },
    });
    expect(formatHuman(report).split('\n').slice(0, 3)).toEqual([
      'fib [wasm-gc]',
      '  entry:        bench/scenarios/fib.av',
      '  backend:      aver 0.18.0 (release), wasmtime 29',
    ]);
  });

  it('prints (none) for an empty pass list and milliseconds from 1 ms up', () => {
    const report = sampleReport({
      passes_applied: [],
      iterations: { min_ms: 6.87, max_ms: 7.93, mean_ms: 7.12, p50_ms: 7.07, p95_ms: 7.42, p99_ms: 7.93 },
    });
    const lines = formatHuman(report).split('\n');
    expect(lines[5]).toBe('  passes:       (none)');
    expect(lines[6]).toBe('  wall_time:    min=6.87ms  p50=7.07ms  p95=7.42ms  max=7.93ms  mean=7.12ms');
  });

  it('omits the response line when response_bytes is null and the expected line when expected_match is null', () => {
    const text = formatHuman(sampleReport({ response_bytes: null }));
    expect(text).not.toContain('response:');
    expect(text).not.toContain('expected:');
    expect(text.endsWith('mean=96µs\n')).toBe(true);
  });

  it('prints expected ok or MISMATCH after the response line', () => {
    expect(
      formatHuman(sampleReport({ expected_match: true })).endsWith(
        '  response:     3 bytes\n  expected:     ok\n',
      ),
    ).toBe(true);
    expect(
      formatHuman(sampleReport({ response_bytes: null, expected_match: false })).endsWith(
        '  expected:     MISMATCH\n',
      ),
    ).toBe(true);
  });

  it('does not show the additions', () => {
    const report = sampleReport({
      response_sha256: 'a'.repeat(64),
      samples_ms: [0.1],
      counters: { instructions: 1, calls: 2, allocations: 3, by_opcode: null, functions: null },
    });
    expect(formatHuman(report)).toBe(formatHuman(sampleReport()));
  });
});

describe('formats', () => {
  it('maps each name to exactly what is printed for one report', () => {
    const report = sampleReport();
    expect(formats.human(report)).toBe(formatHuman(report));
    expect(formats.json(report)).toBe(`${serializeReport(report, { pretty: true })}\n`);
    expect(formats.ndjson(report)).toBe(`${serializeReport(report)}\n`);
    expect(Object.keys(formats)).toEqual(['human', 'json', 'ndjson']);
  });
});
