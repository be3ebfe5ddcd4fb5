import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { VERSION } from '@aver/vm-runtime';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunError } from './run-error.js';
import { runScenario } from './run-scenario.js';
import { fakeManifest } from './test-helpers.js';

const HOST = { os: 'linux', arch: 'x86_64', cpus: 1 };
let work: string | null = null;

afterEach(() => {
  if (work !== null) rmSync(work, { recursive: true, force: true });
  work = null;
  vi.restoreAllMocks();
});

/** Writes a program into a temp folder and returns a manifest for it (3 iterations, 1 warmup). */
function program(name: string, source: string, overrides: Parameters<typeof fakeManifest>[0] = {}) {
  work ??= mkdtempSync(path.join(tmpdir(), 'aver-vm-target-'));
  const entry = path.join(work, `${name}.av`);
  mkdirSync(path.dirname(entry), { recursive: true });
  writeFileSync(entry, source);
  return fakeManifest({ name, entry, moduleRoot: work, ...overrides });
}

async function runError(manifest: ReturnType<typeof fakeManifest>): Promise<RunError> {
  const error = await runScenario(manifest, 'vm', { host: HOST }).catch((caught: unknown) => caught);
  if (error instanceof RunError) return error;
  throw new Error(`expected a RunError, got ${String(error)}`);
}

const FIB =
  'fn fib(n: Int) -> Int\n    match n\n        0 -> 0\n        1 -> 1\n        _ -> fib(n - 1) + fib(n - 2)\n\nfn main() -> Int\n    fib(10)\n';

describe('the vm target', () => {
  it('measures a real program: response, hash, passes, allocations, counters and the backend', async () => {
    const report = await runScenario(program('fib', FIB), 'vm', { host: HOST });
    expect(report.scenario).toMatchObject({
      name: 'fib',
      target: 'vm',
      iterations_count: 3,
      warmup_count: 1,
    });
    expect(report.backend).toEqual({
      name: 'vm',
      aver_version: VERSION,
      build: 'release',
      wasmtime_version: null,
    });
    expect(report.response_bytes).toBe(2);
    expect(report.response_sha256).toBe(createHash('sha256').update('55').digest('hex'));
    expect(report.passes_applied.length).toBeGreaterThan(0);
    expect(report.passes_applied).toContain('typecheck');
    expect(typeof report.compiler_visible_allocs).toBe('number');
    expect(report.counters?.calls).toBeGreaterThanOrEqual(177);
    expect(report.counters?.instructions).toBeGreaterThan(report.counters?.calls ?? 0);
    expect(report.samples_ms).toHaveLength(3);
  });

  it('times each iteration between two reads of the injected clock', async () => {
    let now = 0n;
    const clock = () => (now += 2_000_000n);
    const report = await runScenario(program('fib', FIB, { iterations: 4 }), 'vm', { host: HOST, clock });
    expect(report.samples_ms).toEqual([2, 2, 2, 2]);
    expect(report.iterations.p50_ms).toBe(2);
  });

  it('gives a null response for Unit and keeps the program console silent', async () => {
    const write = vi.spyOn(process.stdout, 'write');
    const source = 'fn main() -> Unit\n    ! [Console.print]\n    Console.print("should not appear")\n';
    const report = await runScenario(program('unit', source), 'vm', { host: HOST });
    expect([report.response_bytes, report.response_sha256]).toEqual([null, null]);
    expect(write.mock.calls.flat().join('')).not.toContain('should not appear');
  });

  it('passes the manifest args to Args.get()', async () => {
    const source = 'fn main() -> String\n    ! [Args.get]\n    String.join(Args.get(), "+")\n';
    const report = await runScenario(program('args', source, { args: ['a', 'b'] }), 'vm', { host: HOST });
    expect(report.response_sha256).toBe(createHash('sha256').update('a+b').digest('hex'));
  });

  it('computes expected_match from the rendered response', async () => {
    const manifest = program('fib', FIB, {
      expected: { responseBytes: 2, responseBytesMin: null, responseBytesMax: null },
    });
    expect((await runScenario(manifest, 'vm', { host: HOST })).expected_match).toBe(true);
  });

  it('resolves depends from the manifest module root', async () => {
    const manifest = program(
      'app',
      'module App\n    depends [Models.User]\n\nfn main() -> String\n    Models.User.name()\n',
    );
    const lib = path.join(work!, 'lib');
    mkdirSync(path.join(lib, 'models'), { recursive: true });
    writeFileSync(
      path.join(lib, 'models', 'user.av'),
      'module User\n    exposes [name]\n\nfn name() -> String\n    "Ada"\n',
    );
    const report = await runScenario({ ...manifest, moduleRoot: lib }, 'vm', { host: HOST });
    expect(report.response_bytes).toBe(3);
  });

  it('reports a missing entry as a read error naming the entry', async () => {
    const manifest = program('fib', FIB);
    const missing = { ...manifest, entry: path.join(work!, 'gone.av') };
    const error = await runError(missing);
    expect(error.kind).toBe('read');
    expect(error.message.startsWith(`${missing.entry}: `)).toBe(true);
  });

  it('reports a syntax error as a parse error', async () => {
    const error = await runError(program('broken', 'fn main( -> Int\n'));
    expect(error.kind).toBe('parse');
    expect(error.message).not.toBe('');
  });

  it('reports type errors as `error[L:C]: msg` lines', async () => {
    const error = await runError(program('typed', 'fn main() -> Int\n    "text"\n'));
    expect(error.kind).toBe('typecheck');
    for (const line of error.message.split('\n')) expect(line).toMatch(/^error\[\d+:\d+\]: \S/);
  });

  it('reports a runtime error with the VM text, also during warm-up', async () => {
    const source = 'fn zero() -> Int\n    0\n\nfn main() -> Int\n    10 / zero()\n';
    const error = await runError(program('div', source, { iterations: 1, warmup: 1 }));
    expect(error.kind).toBe('runtime');
    expect(error.message).toMatch(/^Runtime error( \[line 5\])?: division by zero$/);
  });
});
