import { describe, expect, it } from 'vitest';
import { parseNoiseFile, serializeNoiseFile } from './noise-file.js';

const valid = {
  kind: 'aver-bench-noise',
  version: 1,
  host: { os: 'linux', arch: 'x86_64', cpus: 2 },
  target: 'vm',
  scenarios: {
    fib: {
      same_run_pct: 2.1,
      cross_run_pct: 6.4,
      rounds: 2,
      replicates: 10,
      round_p50_ms: [0.054, 0.055],
      aa_ratios: [1.01, 0.99],
      calibrated_at: '2026-12-05T15:00:00.000Z',
    },
  },
};

describe('noise files', () => {
  it('round-trips, scenarios sorted by name, as indented JSON plus a newline', () => {
    const file = parseNoiseFile(JSON.stringify(valid));
    const text = serializeNoiseFile({ ...file, scenarios: { zz: file.scenarios.fib!, ...file.scenarios } });
    expect(parseNoiseFile(text)).toEqual({
      ...valid,
      scenarios: { fib: valid.scenarios.fib, zz: valid.scenarios.fib },
    });
    expect(Object.keys(parseNoiseFile(text).scenarios)).toEqual(['fib', 'zz']);
    expect(
      text.startsWith('{\n  "kind": "aver-bench-noise",\n  "version": 1,\n  "host": {\n    "os": "linux",'),
    ).toBe(true);
    expect(text.endsWith('\n}\n')).toBe(true);
  });

  it('names the key that is wrong, missing or unknown', () => {
    const broken = (scenario: object) =>
      JSON.stringify({ ...valid, scenarios: { fib: { ...valid.scenarios.fib, ...scenario } } });
    expect(() => parseNoiseFile(broken({ same_run_pct: -1 }))).toThrow(
      'scenarios.fib.same_run_pct: expected non-negative number, got -1',
    );
    expect(() => parseNoiseFile(broken({ calibrated_at: 'yesterday' }))).toThrow(
      'scenarios.fib.calibrated_at',
    );
    expect(() => parseNoiseFile(JSON.stringify({ ...valid, version: 2 }))).toThrow(
      'version: expected 1, got 2',
    );
    expect(() => parseNoiseFile(JSON.stringify({ ...valid, extra: 1 }))).toThrow('extra');
    expect(() => parseNoiseFile('{')).toThrow(/^invalid JSON: /);
  });
});
