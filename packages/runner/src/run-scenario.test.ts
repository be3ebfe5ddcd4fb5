import { useTempDir } from '@aver/test-utils';
import { describe, expect, it } from 'vitest';
import { RunError } from './run-error.js';
import { runScenario } from './run-scenario.js';
import { TargetError } from './target-error.js';
import { fakeManifestWithEntry, fakeTarget, scriptedClock } from './test-helpers.js';

const HOST = { os: 'linux', arch: 'x86_64', cpus: 4 };
const temp = useTempDir('aver-run-scenario-');

describe('runScenario', () => {
  it('assembles the report from the manifest and the measurement, keys in contract order', async () => {
    const manifest = fakeManifestWithEntry(temp);
    const report = await runScenario(manifest, fakeTarget('fake'), {
      host: HOST,
      clock: scriptedClock([1, 2, 3]),
    });
    expect(report).toEqual({
      scenario: {
        name: 'fake',
        entry: manifest.entry,
        target: 'fake',
        iterations_count: 3,
        warmup_count: 1,
      },
      backend: { name: 'fake', aver_version: '9.9.9', build: 'release', wasmtime_version: null },
      host: HOST,
      iterations: { min_ms: 1, max_ms: 3, mean_ms: 2, p50_ms: 2, p95_ms: 3, p99_ms: 3 },
      response_bytes: 6,
      expected_match: null,
      passes_applied: ['tco', 'typecheck'],
      compiler_visible_allocs: 2,
      // printf 'héllo' | sha256sum
      response_sha256: '3c48591d8d098a4538f5e013dfcf406e948eac4d3277b10bf614e295d6068179',
      samples_ms: [1, 2, 3],
      counters: { instructions: 100, calls: 5, allocations: 7, by_opcode: null, functions: null },
      replicates: null,
    });
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
  });

  it('gives null response_bytes and sha256 for a Unit response', async () => {
    const report = await runScenario(
      fakeManifestWithEntry(temp),
      fakeTarget('fake', { runOnce: () => null }),
      {
        host: HOST,
        clock: scriptedClock([]),
      },
    );
    expect([report.response_bytes, report.response_sha256]).toEqual([null, null]);
  });

  it('computes expected_match from the manifest bounds', async () => {
    const run = (expected: { responseBytes: number | null; responseBytesMin: number | null }) =>
      runScenario(
        fakeManifestWithEntry(temp, { expected: { ...expected, responseBytesMax: null } }),
        fakeTarget('fake'),
        { host: HOST, clock: scriptedClock([]) },
      );
    expect((await run({ responseBytes: 6, responseBytesMin: null })).expected_match).toBe(true);
    expect((await run({ responseBytes: null, responseBytesMin: 7 })).expected_match).toBe(false);
  });

  it('captures the host when none is given', async () => {
    const report = await runScenario(fakeManifestWithEntry(temp), fakeTarget('fake'), {
      clock: scriptedClock([]),
    });
    expect(report.host.cpus).toBeGreaterThanOrEqual(1);
    expect(typeof report.host.os).toBe('string');
  });

  it('resolves a target by name and rejects unknown names', async () => {
    await expect(runScenario(fakeManifestWithEntry(temp), 'nope', { host: HOST })).rejects.toThrowError(
      TargetError,
    );
  });

  it('refuses a manifest without timed iterations instead of failing in the statistics', async () => {
    const error = await runScenario(fakeManifestWithEntry(temp, { iterations: 0 }), fakeTarget('fake'), {
      clock: scriptedClock([]),
    }).catch((caught) => caught);
    expect(error).toEqual(
      new RunError('setup', "scenario 'fake' has no timed iterations; `iterations` must be > 0"),
    );
  });

  it('reads the entry before preparing, so a missing file is a read error naming it', async () => {
    const manifest = fakeManifestWithEntry(temp, { entry: `${temp.dir()}/gone.av` });
    const error = await runScenario(manifest, fakeTarget('fake'), { clock: scriptedClock([]) }).catch(
      (caught) => caught,
    );
    expect(error).toBeInstanceOf(RunError);
    expect(error.kind).toBe('read');
    expect(error.message.startsWith(`${temp.dir()}/gone.av: `)).toBe(true);
  });

  it('runs replicates one after another, counts only in the first, and reports each', async () => {
    const log = { prepared: 0, runs: 0, counted: 0, disposed: 0 };
    const seen: number[] = [];
    const report = await runScenario(
      fakeManifestWithEntry(temp, { warmup: 2 }),
      fakeTarget('fake', {}, log),
      {
        host: HOST,
        clock: scriptedClock([1, 2, 3, 4, 5, 6]),
        replicates: 2,
        onReplicate: (_, index, total) => seen.push(index, total),
      },
    );
    expect(log).toEqual({ prepared: 2, runs: 10, counted: 1, disposed: 2 });
    expect(seen).toEqual([0, 2, 1, 2]);
    expect(report.samples_ms).toEqual([1, 2, 3, 4, 5, 6]);
    expect(report.iterations.p50_ms).toBe(3);
    expect(report.scenario).toMatchObject({ iterations_count: 3, warmup_count: 2 });
    expect(report.replicates).toEqual([
      { samples_ms: [1, 2, 3], warmup_count: 2, warmup_stable: null, steady_state: null },
      { samples_ms: [4, 5, 6], warmup_count: 2, warmup_stable: null, steady_state: null },
    ]);
  });

  it('refuses a replicate count below one', async () => {
    await expect(
      runScenario(fakeManifestWithEntry(temp), fakeTarget('fake'), {
        clock: scriptedClock([]),
        replicates: 0,
      }),
    ).rejects.toThrowError(new RunError('setup', 'replicates must be a positive integer, got 0'));
  });

  it('lets a RunError from the target through unchanged', async () => {
    const failing = fakeTarget('failing', {
      runOnce: () => {
        throw new RunError('runtime', 'Runtime error [line 3]: division by zero');
      },
    });
    await expect(
      runScenario(fakeManifestWithEntry(temp), failing, { clock: scriptedClock([]) }),
    ).rejects.toThrowError(new RunError('runtime', 'Runtime error [line 3]: division by zero'));
  });
});
