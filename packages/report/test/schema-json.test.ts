import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildJsonSchemaText, schemaFileName } from '../scripts/json-schema.js';
import { parseReport } from '../src/parse-report.js';
import { sampleReport } from '../src/test-helpers.js';

const shipped = readFileSync(new URL(`../${schemaFileName}`, import.meta.url), 'utf8');
const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(JSON.parse(shipped));

function acceptedByValibot(value: unknown): boolean {
  try {
    parseReport(value);
    return true;
  } catch {
    return false;
  }
}

describe('schema.json', () => {
  it('is current: regenerating it from the valibot schema gives the shipped file', () => {
    expect(buildJsonSchemaText()).toBe(shipped);
  });

  it('is shipped in the package and exported as @aver/bench-report/schema.json', () => {
    expect(packageJson.files).toContain(schemaFileName);
    expect(packageJson.exports['./schema.json']).toBe(`./${schemaFileName}`);
  });

  it('accepts a full report, reports written by the reference and reports with unknown keys', () => {
    const full = sampleReport({
      response_sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      samples_ms: [0.0927, 0.1133],
      counters: { instructions: 1200, calls: 31, allocations: 4, by_opcode: null, functions: null },
    });
    expect(validate(full), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(JSON.parse(fixture('reference-fractal.json')))).toBe(true);
    for (const line of fixture('reference-baseline.ndjson').trimEnd().split('\n')) {
      expect(validate(JSON.parse(line))).toBe(true);
    }
    expect(validate({ ...full, future_key: { anything: true } })).toBe(true);
  });

  it('rejects what the contract rejects, pointing at the offending key', () => {
    const report = sampleReport();
    expect(validate({ ...report, iterations: { ...report.iterations, p50_ms: '0.1' } })).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe('/iterations/p50_ms');
    const { passes_applied: _omitted, ...withoutPasses } = report;
    expect(validate(withoutPasses)).toBe(false);
    expect(validate({ ...report, host: { ...report.host, cpus: 1.5 } })).toBe(false);
    expect(validate({ ...report, response_sha256: 'not-a-hash' })).toBe(false);
  });

  it('agrees with the valibot schema on generated reports and mutations of them', () => {
    // Mostly valid values with occasional contract breaks, so both verdicts are exercised.
    const sometimes = <T, U>(valid: fc.Arbitrary<T>, broken: fc.Arbitrary<U>) =>
      fc.oneof({ arbitrary: valid, weight: 20 }, { arbitrary: broken, weight: 1 });
    const count = sometimes(fc.nat(), fc.constantFrom(-1, 2.5, '3'));
    const ms = sometimes(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom('1', null));
    const nullableCount = fc.oneof(count, fc.constant(null), fc.constant(undefined));
    const report = fc.record(
      {
        scenario: fc.record({
          name: fc.string(),
          entry: fc.string(),
          target: sometimes(fc.constantFrom('vm', 'rust'), fc.constant(42)),
          iterations_count: count,
          warmup_count: count,
        }),
        backend: fc.record({
          name: fc.string(),
          aver_version: fc.string(),
          build: fc.constantFrom('release', 'debug'),
          wasmtime_version: fc.option(fc.string(), { nil: undefined }),
        }),
        host: fc.record({ os: fc.string(), arch: fc.string(), cpus: count }),
        iterations: fc.record({ min_ms: ms, max_ms: ms, mean_ms: ms, p50_ms: ms, p95_ms: ms, p99_ms: ms }),
        response_bytes: nullableCount,
        expected_match: sometimes(fc.option(fc.boolean()), fc.constant(1)),
        passes_applied: fc.array(sometimes(fc.string(), fc.constant(7)), { maxLength: 4 }),
        compiler_visible_allocs: nullableCount,
        response_sha256: sometimes(fc.option(fc.stringMatching(/^[0-9a-f]{64}$/)), fc.constant('XYZ')),
        samples_ms: fc.option(fc.array(ms, { maxLength: 3 })),
        counters: sometimes(
          fc.option(fc.record({ instructions: count, calls: count, allocations: count })),
          fc.constant([]),
        ),
      },
      { requiredKeys: ['scenario', 'backend', 'host', 'iterations'] },
    );
    const verdicts = new Set<boolean>();
    fc.assert(
      fc.property(report, (value) => {
        // JSON has no `undefined`: compare on what a file would actually hold.
        const json = JSON.parse(JSON.stringify(value));
        const accepted = acceptedByValibot(json);
        verdicts.add(accepted);
        return validate(json) === accepted;
      }),
      { numRuns: 300 },
    );
    expect([...verdicts].sort()).toEqual([false, true]);
  });
});
