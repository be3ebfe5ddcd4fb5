import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RunError } from './run-error.js';
import { runScenario } from './run-scenario.js';
import { TargetError } from './target-error.js';
import type { TargetRunner } from './target-runner.js';
import { fakeManifest, fakeTarget } from './test-helpers.js';

const HOST = { os: 'linux', arch: 'x86_64', cpus: 4 };

describe('runScenario', () => {
  it('assembles the report from the manifest and the target measurements, keys in contract order', async () => {
    const report = await runScenario(fakeManifest(), fakeTarget('fake'), { host: HOST });
    expect(report).toEqual({
      scenario: {
        name: 'fake',
        entry: 'bench/fake.av',
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
      response_sha256: createHash('sha256').update('héllo').digest('hex'),
      samples_ms: [1, 2, 3],
      counters: { instructions: 100, calls: 5, allocations: 7 },
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
    ]);
  });

  it('gives null response_bytes and sha256 for a Unit response', async () => {
    const report = await runScenario(fakeManifest(), fakeTarget('fake', { responseText: null }), {
      host: HOST,
    });
    expect([report.response_bytes, report.response_sha256]).toEqual([null, null]);
  });

  it('computes expected_match from the manifest bounds', async () => {
    const manifest = fakeManifest({
      expected: { responseBytes: 6, responseBytesMin: null, responseBytesMax: null },
    });
    expect((await runScenario(manifest, fakeTarget('fake'), { host: HOST })).expected_match).toBe(true);
    const tooSmall = fakeManifest({
      expected: { responseBytes: null, responseBytesMin: 7, responseBytesMax: null },
    });
    expect((await runScenario(tooSmall, fakeTarget('fake'), { host: HOST })).expected_match).toBe(false);
  });

  it('holds every timed iteration to the bounds when the target reports the sizes it saw', async () => {
    const manifest = fakeManifest({
      expected: { responseBytes: 6, responseBytesMin: null, responseBytesMax: null },
    });
    // The last response ('héllo', 6 bytes) fits, but an earlier iteration rendered 5 bytes.
    const flaky = fakeTarget('fake', { responseBytesSeen: [5, 6] });
    const report = await runScenario(manifest, flaky, { host: HOST });
    expect([report.response_bytes, report.expected_match]).toEqual([6, false]);
    const steady = fakeTarget('fake', { responseBytesSeen: [6] });
    expect((await runScenario(manifest, steady, { host: HOST })).expected_match).toBe(true);
  });

  it('captures the host when none is given', async () => {
    const report = await runScenario(fakeManifest(), fakeTarget('fake'));
    expect(report.host.cpus).toBeGreaterThanOrEqual(1);
    expect(typeof report.host.os).toBe('string');
  });

  it('passes the injected clock to the target', async () => {
    let ticks = 0n;
    const clock = () => (ticks += 1_500_000n);
    const base = fakeTarget('timed');
    const timed: TargetRunner = {
      name: 'timed',
      run: async (manifest, context) => {
        const samplesMs: number[] = [];
        for (let index = 0; index < manifest.iterations; index++) {
          const start = context.clock();
          samplesMs.push(Number(context.clock() - start) / 1e6);
        }
        return { ...(await base.run(manifest, context)), samplesMs };
      },
    };
    const report = await runScenario(fakeManifest(), timed, { clock, host: HOST });
    expect(report.samples_ms).toEqual([1.5, 1.5, 1.5]);
  });

  it('resolves a target by name and rejects unknown names', async () => {
    await expect(runScenario(fakeManifest(), 'nope', { host: HOST })).rejects.toThrowError(TargetError);
  });

  it('refuses a manifest without timed iterations instead of failing in the statistics', async () => {
    const error = await runScenario(fakeManifest({ iterations: 0 }), fakeTarget('fake')).catch(
      (caught) => caught,
    );
    expect(error).toBeInstanceOf(RunError);
    expect(error.kind).toBe('setup');
    expect(error.message).toBe("scenario 'fake' has no timed iterations; `iterations` must be > 0");
  });

  it('rejects a target that returns the wrong number of samples or a bad sample', async () => {
    await expect(runScenario(fakeManifest(), fakeTarget('short', { samplesMs: [1] }))).rejects.toThrow(
      "target 'short' returned 1 timing sample(s) for 3 iteration(s)",
    );
    await expect(
      runScenario(fakeManifest(), fakeTarget('nan', { samplesMs: [1, Number.NaN, 2] })),
    ).rejects.toThrow("target 'nan' returned an invalid timing sample #2: NaN");
  });

  it('lets a RunError from the target through unchanged', async () => {
    const failing = {
      name: 'failing',
      run: () => {
        throw new RunError('runtime', 'Runtime error [line 3]: division by zero');
      },
    };
    await expect(runScenario(fakeManifest(), failing)).rejects.toThrowError(
      new RunError('runtime', 'Runtime error [line 3]: division by zero'),
    );
  });
});
