import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { formatBmf, toBmf } from './format-bmf.js';
import { fixtureResults } from './test-helpers.js';

// The shape Bencher documents for BMF, written from its reference page (see the fixture's $comment).
const schema = JSON.parse(readFileSync(new URL('../test/fixtures/bmf.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

describe('formatBmf', () => {
  it('writes latency in nanoseconds (p50 within min..max) and instructions per scenario', () => {
    const text = formatBmf(fixtureResults('run.ndjson'));
    expect(text.endsWith('}\n')).toBe(true);
    const bmf = JSON.parse(text);
    expect(validate(bmf)).toBe(true);
    expect(bmf).toEqual({
      fib: {
        latency: { value: 75_000, lower_value: 72_000, upper_value: 131_000 },
        instructions: { value: 1_234_567 },
      },
      map_build: {
        latency: { value: 1_500_000, lower_value: 1_250_000, upper_value: 3_000_000 },
        instructions: { value: 98_765 },
      },
    });
  });

  it('keeps every metric within the bounds Bencher checks: lower_value <= value <= upper_value', () => {
    for (const measures of Object.values(toBmf(fixtureResults('run.ndjson', 'compare.ndjson')))) {
      const { latency } = measures;
      expect(latency!.lower_value! <= latency!.value && latency!.value <= latency!.upper_value!).toBe(true);
    }
  });

  it('names benchmarks `name [target]` when the results hold several targets', () => {
    const results = fixtureResults('run.ndjson').map((result) =>
      result.name === 'map_build'
        ? {
            ...result,
            name: 'fib',
            target: 'js',
            report: {
              ...result.report!,
              scenario: { ...result.report!.scenario, name: 'fib', target: 'js' },
              counters: null,
            },
          }
        : result,
    );
    const bmf = toBmf(results);
    expect(Object.keys(bmf)).toEqual(['fib [vm]', 'fib [js]']);
    expect(bmf['fib [js]']).toEqual({
      latency: { value: 1_500_000, lower_value: 1_250_000, upper_value: 3_000_000 },
    });
    expect(validate(bmf)).toBe(true);
  });

  it('leaves out an ab comparison and a failed scenario (no report), and writes {} for nothing', () => {
    expect(toBmf(fixtureResults('ab.ndjson'))).toEqual({});
    expect(Object.keys(toBmf(fixtureResults('run.ndjson', 'failure.ndjson')))).toEqual(['fib', 'map_build']);
    expect(formatBmf([])).toBe('{}\n');
  });
});
